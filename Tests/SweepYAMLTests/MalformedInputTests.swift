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
        for _ in 0..<3000 {
            let count = Int.random(in: 1...24, using: &rng)
            let text = (0..<count).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }
                .joined()
            do {
                _ = try YAML.parse(text, file: "f.yaml")
            } catch {
                errors += 1
                let message = error.description
                if !message.hasPrefix("f.yaml:") || message.contains("error: \n") { empty.append(text) }
            }
        }
        #expect(errors > 500)
        #expect(empty.isEmpty, "bad diagnostics for: \(empty.prefix(5).map(\.debugDescription))")
    }
}
