import Testing

@testable import SweepYAML

/// The resolver's one-pass quick path agrees with the full regular expressions wherever it answers.
@Suite struct QuickKindTests {
    /// Every string of up to four characters over an alphabet of the bytes that matter
    /// (digits, signs, point, exponent, underscore, colon, letters of null and booleans).
    static func texts() -> [String] {
        let alphabet = ["0", "1", "7", "9", "-", "+", ".", "e", "E", "_", ":", "x", "n", "N", "o", "y", "~"]
        var texts = [""]
        var level = [""]
        for _ in 0..<4 {
            level = level.flatMap { prefix in alphabet.map { prefix + $0 } }
            texts += level
        }
        return texts + [
            "null", "Null", "NULL", "nulls", "true", "False", "OFF", "yes", "Yes!", "10e+10", "1.5e-3", "0.001",
        ]
    }

    @Test func quickPathMatchesFullResolvers() {
        var answered = 0
        for text in Self.texts() {
            guard let quick = ScalarResolver.quickKind(text) else { continue }
            answered += 1
            #expect(quick == ScalarResolver.fullKind(text), "\(text)")
        }
        // The quick path must actually answer for the common spellings.
        #expect(answered > 5_000)
        #expect(ScalarResolver.quickKind("0.582788") == .float)
        #expect(ScalarResolver.quickKind("383452") == .int)
        #expect(ScalarResolver.quickKind("010") == nil)
    }

    /// The quick values (one scan, integers accumulated in place) are the full constructors' values.
    @Test func quickValuesMatchTheConstructors() {
        let edges = [
            "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
            "+42", "-0", "0", "123456789012345678901", "abc", "hello world", "1e400", "-2.", "3e8",
        ]
        var answered = 0
        for text in Self.texts() + edges {
            guard let quick = ScalarResolver.quickValue(text) else { continue }
            answered += 1
            let full = ScalarResolver.construct(text, as: ScalarResolver.fullKind(text)) ?? .string(text)
            #expect(quick == full, "\(text)")
        }
        #expect(answered > 5_000)
        #expect(ScalarResolver.quickValue("-9223372036854775808") == .int(.min))
        #expect(ScalarResolver.quickValue("9223372036854775807") == .int(.max))
        #expect(ScalarResolver.quickValue("9223372036854775808") == nil)
    }
}
