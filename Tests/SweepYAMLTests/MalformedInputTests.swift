import Testing

@testable import SweepYAML

/// Bad input is an error with a diagnostic, never a crash: seeded random YAML-like texts.
@Suite struct MalformedInputTests {
    static let pieces = [
        "a", "key", ": ", ":", "\n", "\n  ", "\n    ", "\t", " ", "- ", "-", "[", "]", "{", "}", ", ", "\"", "'", "\\",
        "\\x", "\\u12", "#", " # c", "&x ", "*x", "!!int ", "!t ", "? ", "|", ">", "---", "...", "%", "@", "`", "<<: ",
        "é", "日本", "𝔵", "\u{1}", "\r\n", "\u{85}", "1.5", "yes", "~", "\"\\q\"", "'it''s'",
    ]

    @Test func randomTextsParseOrFailWithADiagnostic() {
        var rng = EmitterRoundTripTests.SplitMix(state: 99)
        var errors = 0
        var empty: [String] = []
        var differing: [String] = []
        for _ in 0..<3000 {
            let count = Int.random(in: 1...24, using: &rng)
            let text = (0..<count).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }
                .joined()
            // libyaml on a second thread, one to three events at a time, must give the same result.
            let pipelined = Support.parse(
                text, file: "f.yaml", mode: .pipelined(chunkSize: Int.random(in: 1...3, using: &rng)))
            let serial = Support.parse(text, file: "f.yaml", mode: .serial)
            if Support.outline(serial) != Support.outline(pipelined) { differing.append(text) }
            if case .failure(let error) = serial {
                errors += 1
                let message = error.description
                if !message.hasPrefix("f.yaml:") || message.contains("error: \n") { empty.append(text) }
            }
        }
        #expect(errors > 500)
        #expect(differing.isEmpty, "pipelined parses differ for: \(differing.prefix(5).map(\.debugDescription))")
        #expect(empty.isEmpty, "bad diagnostics for: \(empty.prefix(5).map(\.debugDescription))")
    }
}
