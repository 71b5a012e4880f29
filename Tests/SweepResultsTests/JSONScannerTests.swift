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
