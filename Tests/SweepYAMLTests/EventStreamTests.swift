import Testing

@testable import SweepYAML

/// A large input is parsed with libyaml on a second thread, a chunk of events ahead: the tree,
/// the marks and every error must be exactly those of the serial parse.
@Suite struct EventStreamTests {
    /// A config-like document of `sections` sections (about 40 events and 300 bytes each).
    static func document(sections: Int) -> String {
        var text = ""
        for i in 0..<sections {
            text += """
                section_\(i):
                  name: "run \(i)"
                  lr: 1.0e-\(1 + i % 5)
                  layers: [784, \(64 + i % 512), 256, 10]
                  flags: {dropout: 0.\(i % 10), enabled: \(i % 2 == 0 ? "yes" : "off")}
                  base: &b\(i) {k: \(i), v: '\(i)'}
                  copy: *b\(i)
                  merged:
                    <<: *b\(i)
                    extra: [a, b, {c: ~}]

                """
        }
        return text
    }

    static func parse(_ text: String, _ mode: YAML.EventStream.Mode) -> String {
        Support.outline(Support.parse(text, file: "big.yaml", mode: mode))
    }

    @Test(arguments: [1, 7, 64, 1024])
    func manyChunksGiveTheSerialTree(chunkSize: Int) {
        let text = Self.document(sections: 300)
        let serial = Self.parse(text, .serial)
        #expect(serial.hasPrefix("big.yaml:1:1 - map\n"))
        #expect(Self.parse(text, .pipelined(chunkSize: chunkSize)) == serial)
    }

    @Test func aSyntaxErrorNearTheEndIsReportedAsTheSerialParseReportsIt() {
        let text = Self.document(sections: 200) + "last: [1, 2\n"
        let serial = Self.parse(text, .serial)
        #expect(serial.hasPrefix("error: big.yaml:2001:7: error: this '[' is never closed"))
        for chunkSize in [1, 5, 1024] {
            #expect(Self.parse(text, .pipelined(chunkSize: chunkSize)) == serial)
        }
    }

    /// The tree builder stops at the first section while libyaml is chunks ahead: the stream stops
    /// the second thread and frees what it produced (run many times, so that a race would show).
    @Test func anEarlyErrorStopsTheSecondThread() {
        let text = "a: 1\na: 2\n" + Self.document(sections: 200)
        let serial = Self.parse(text, .serial)
        #expect(serial.hasPrefix("error: big.yaml:2:1: error: duplicate key 'a' in this mapping"))
        for round in 0..<50 {
            #expect(Self.parse(text, .pipelined(chunkSize: 1 + round % 4)) == serial)
        }
    }

    @Test func onlyLargeInputsUseASecondThread() {
        let threshold = YAML.EventStream.pipelineThreshold
        #expect(YAML.EventStream.chunkSize(size: threshold - 1, mode: .automatic) == 0)
        #expect(YAML.EventStream.chunkSize(size: threshold, mode: .automatic) == YAML.EventStream.defaultChunkSize)
        #expect(YAML.EventStream.chunkSize(size: threshold, mode: .serial) == 0)
        #expect(YAML.EventStream.chunkSize(size: 10, mode: .pipelined(chunkSize: 3)) == 3)
    }

    @Test func aFileAboveTheThresholdParsesAsTheSerialParseDoes() throws {
        let text = Self.document(sections: 5000)
        #expect(text.utf8.count >= YAML.EventStream.pipelineThreshold)
        #expect(Self.parse(text, .automatic) == Self.parse(text, .serial))
    }
}
