import Foundation
import Testing

@testable import SweepYAML

/// Line lookups for diagnostics: precomputed line starts, every line break libyaml counts.
@Suite struct SourceTextTests {
    static func source(_ text: String) -> YAML.SourceText {
        YAML.SourceText(bytes: Array(text.utf8), file: "s.yaml")
    }

    @Test func lineStartsForEveryKindOfLineBreak() {
        let text = Self.source("a\nb\r\nc\rd\u{85}e\u{2028}f\u{2029}g")
        #expect(text.lineStarts == [0, 2, 5, 7, 10, 14, 18])
        #expect((1...7).map(text.line) == ["a", "b", "c", "d", "e", "f", "g"])
        #expect(text.line(0) == "")
        #expect(text.line(8) == "")
    }

    @Test func aLeadingBOMIsNotPartOfLineOne() {
        let text = YAML.SourceText(bytes: [0xEF, 0xBB, 0xBF] + Array("ab\ncd".utf8), file: "s.yaml")
        #expect(text.lineStarts == [3, 6])
        #expect(text.line(1) == "ab")
        #expect(text.mark(atByte: 4) == Mark(file: "s.yaml", line: 1, column: 2))
    }

    @Test func marksOfByteOffsetsCountUnicodeScalars() {
        let text = Self.source("é日x\n\n𝔵y")
        #expect(text.mark(atByte: 0) == Mark(file: "s.yaml", line: 1, column: 1))
        #expect(text.mark(atByte: 5) == Mark(file: "s.yaml", line: 1, column: 3))
        #expect(text.mark(atByte: 7) == Mark(file: "s.yaml", line: 2, column: 1))
        #expect(text.mark(atByte: 12) == Mark(file: "s.yaml", line: 3, column: 2))
    }

    @Test func offsetsOfMarksAndCharactersAtMarks() {
        let text = Self.source("ab\né日x\n")
        #expect(text.offset(of: Mark(file: "s.yaml", line: 2, column: 3)) == 8)
        #expect(text.offset(of: Mark(file: "s.yaml", line: 2, column: 99)) == 9)
        #expect(text.offset(of: Mark(file: "s.yaml", line: 9, column: 1)) == nil)
        #expect(text.character(at: Mark(file: "s.yaml", line: 2, column: 2)) == "日")
        #expect(text.character(at: Mark(file: "s.yaml", line: 2, column: 4)) == nil)
    }

    @Test func aLongFileIsIndexedOnce() {
        let lines = (1...50_000).map { "key_\($0): value" }
        let text = Self.source(lines.joined(separator: "\n"))
        #expect(text.lineStarts.count == 50_000)
        #expect(text.line(49_999) == "key_49999: value")
        #expect(text.mark(atByte: text.bytes.count - 1).line == 50_000)
    }

    /// A file is read whole: at exactly its size, at sizes around the read buffer's, and when the
    /// system reports no size ahead (a /proc file says 0), which goes on reading in chunks.
    @Test(arguments: [0, 1, 4095, 4096, 65_536, 65_537, 300_001])
    func aFileIsReadWhole(size: Int) throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("f.yaml").path
        let bytes = (0..<size).map { UInt8(ascii: "a") + UInt8($0 % 26) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try YAML.SourceText.load(path).bytes == bytes)
    }

    #if os(Linux)
        @Test func aFileOfUnknownSizeIsReadWhole() throws {
            let expected = try #require(FileManager.default.contents(atPath: "/proc/self/mountinfo"))
            #expect(expected.count > 1)
            let bytes = try YAML.SourceText.load("/proc/self/mountinfo").bytes
            // The same process reads it twice: the table cannot have changed in between.
            #expect(bytes == Array(expected))
        }
    #endif
}
