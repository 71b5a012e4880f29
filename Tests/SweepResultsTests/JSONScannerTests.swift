import Testing

@testable import SweepResults

@Suite("JSON scanner")
struct JSONScannerTests {
    @Test("values, escapes and Python's non-finite numbers")
    func values() throws {
        #expect(
            try JSONScanner.parse(#"{"a": [1, -2.5e3, true, null], "b": "x\"\u00e9\ud83d\ude00\n"}"#)
                == .object([
                    ("a", .array([.number(1), .number(-2500), .bool(true), .null])),
                    ("b", .string("x\"é😀\n")),
                ]))
        #expect(try JSONScanner.parse("-Infinity") == .number(-.infinity))
        #expect(try JSONScanner.parse(" NaN ") == .number(.nan))
        #expect(try JSONScanner.parse("123456789012345678901") == .number(1.23456789012345678901e20))
    }

    @Test("malformed input is a failure with its offset, never a trap")
    func failures() {
        let cases: [(String, String, Int)] = [
            ("{\"a\": 1", "unexpected end of line", 7),
            ("{\"a\": 1,}", "expected a string", 8),
            ("[1 2]", "expected ']'", 3),
            ("1.", "expected a digit", 2),
            ("1e", "expected a digit", 2),
            ("-", "unexpected end of line", 1),
            ("\"abc", "unterminated string", 4),
            ("tru", "unexpected end of line", 0),
            ("{} x", "unexpected text after the value", 3),
            (String(repeating: "[", count: 600), "nesting too deep", 511),
        ]
        for (text, message, offset) in cases {
            #expect(throws: JSONScanner.Failure(message: message, offset: offset)) { try JSONScanner.parse(text) }
        }
    }
}

@Suite("Fast decimal parsing")
struct FastDecimalTests {
    @Test("the fast path gives strtod's double, or defers to it")
    func agreesWithStandardParsing() throws {
        let texts = [
            "0.1", "0.30000000000000004", "-1.5e-3", "123.456", "1e22", "1e23", "9007199254740993", "0.000001",
            "2.2250738585072014e-308", "1.7976931348623157e308", "-0.0", "100.50", "5e-324", "0.9485123",
        ]
        for text in texts {
            let value = try JSONScanner.parse(text)
            #expect(value == .number(Double(text) ?? .nan), "\(text)")
        }
        #expect(try JSONScanner.parse("-0.0") == .number(-0.0))
        if case .number(let z) = try JSONScanner.parse("-0.0") { #expect(z.sign == .minus) }
    }
}
