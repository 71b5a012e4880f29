import Testing

@testable import SweepPlot

@Suite("Escaping, base64 and text metrics")
struct EncodingTests {
    @Test(arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ])
    func base64MatchesRFC4648(input: String, expected: String) {
        #expect(Base64.encode(Array(input.utf8)) == expected)
    }

    @Test func base64OfAllByteValues() {
        let encoded = Base64.encode([0xFF, 0xFE, 0x00, 0x3E, 0x3F])
        #expect(encoded == "//4APj8=")
    }

    @Test func xmlEscaping() {
        #expect(XMLEscape.text("<a & b>") == "&lt;a &amp; b&gt;")
        #expect(XMLEscape.text("\"q\"") == "\"q\"")
        #expect(XMLEscape.attribute("\"q\" 'r'") == "&quot;q&quot; &apos;r&apos;")
        #expect(XMLEscape.text("bell\u{7}") == "bell\u{FFFD}")
        #expect(XMLEscape.text("β = 10 ✓") == "β = 10 ✓")
    }

    @Test func textWidthGrowsWithContentAndSize() {
        let narrow = TextMetrics.width(of: "iii", fontSize: 10)
        let wide = TextMetrics.width(of: "MMM", fontSize: 10)
        #expect(narrow < wide)
        #expect(TextMetrics.width(of: "MMM", fontSize: 20) == 2 * wide)
        #expect(TextMetrics.width(of: "", fontSize: 12) == 0)
        #expect(TextMetrics.width(of: "ab", fontSize: 10, bold: true) > TextMetrics.width(of: "ab", fontSize: 10))
        // "0.5" in Helvetica is 556 + 278 + 556 units.
        #expect(abs(TextMetrics.width(of: "0.5", fontSize: 10) - 13.9 * 1.12) < 1e-9)
    }
}
