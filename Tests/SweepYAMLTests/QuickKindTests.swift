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

    /// The exact path for floats (digits below 2^53, decimal exponent within ±22) gives strtod's
    /// double bit for bit, or declines; on random decimals and at the edges of where it applies.
    @Test func exactFloatsAreStrtodsDoubles() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func digits(_ count: Int) -> String { String((0..<count).map { _ in Character(String(next(10))) }) }
        var texts = [
            "9007199254740992.0", "9007199254740993", "900719925474099.3", "1e22", "1e23", "1e-22", "1e-23",
            "-0.0", "0.1", "123456789012345678.9", "1234567890123456789.0", "1.7976931348623157e308", "5e-324",
            "0.30000000000000004", "-2.", "3e8", "+1.5", "1E+5", "0.000001234",
        ]
        for _ in 0..<20_000 {
            var text = ["", "-", "+"][next(3)] + digits(1 + next(12))
            if next(4) > 0 { text += "." + digits(next(12)) }
            if next(3) == 0 { text += ["e", "E"][next(2)] + ["", "-", "+"][next(3)] + String(next(30)) }
            texts.append(text)
        }
        var exact = 0
        for text in texts {
            let strtod = try #require(Double(text), "\(text)")
            guard let fast = ScalarResolver.exactFloat(text) else { continue }
            exact += 1
            #expect(fast.bitPattern == strtod.bitPattern, "\(text)")
        }
        #expect(exact > 10_000)
        for declined in [
            "9007199254740993", "1e23", "1e-23", "1234567890123456789.0", "5e-324", "1_000.5", ".5e", "1e", "1.2.3",
            "1e5e5", "--1", "1-", "e5", ".",
        ] {
            #expect(ScalarResolver.exactFloat(declined) == nil, "\(declined)")
        }
        #expect(ScalarResolver.exactFloat("-0.0")?.sign == .minus)
    }
}
