import Testing

@testable import SweepPlot

@Suite("SVG document")
struct SVGDocumentTests {
    @Test func escapesTextAndAttributes() throws {
        var svg = SVGDocument(width: 100, height: 50)
        svg.text("a < b & \"c\" 'd' > e\u{1}", at: Point(x: 1, y: 2), fontSize: 10)
        svg.element("g", [("data-x", "q\"<&>'\n")])
        let text = svg.render()
        #expect(XMLCheck.problem(in: text) == nil)
        let parsed = XMLCheck.parse(text)
        #expect(parsed.texts == ["a < b & \"c\" 'd' > e\u{FFFD}"])
        #expect(text.contains("data-x=\"q&quot;&lt;&amp;&gt;&apos;&#10;\""))
    }

    @Test func emptyDocumentIsExact() {
        let text = SVGDocument(width: 10, height: 20.5).render()
        #expect(
            text == """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="20.5" viewBox="0 0 10 20.5" \
                font-family="Helvetica, Arial, sans-serif">
                  <rect width="100%" height="100%" fill="#ffffff"/>
                </svg>

                """)
    }

    @Test func idsAreUniqueAcrossDifferentDocumentsAndStableForEqualOnes() {
        func make(_ color: Color) -> String {
            var svg = SVGDocument(width: 10, height: 10)
            let paint = svg.linearGradient([color, .white], vertical: true)
            svg.rect(Rect(x: 0, y: 0, width: 10, height: 10), fill: paint)
            return svg.render(xmlDeclaration: false)
        }
        let a = make(.black)
        let b = make(Color(hex: 0x123456))
        #expect(a == make(.black))
        #expect(!a.contains("\u{1}"))
        let idA = a.split(separator: "id=\"")[1].prefix(while: { $0 != "\"" })
        let idB = b.split(separator: "id=\"")[1].prefix(while: { $0 != "\"" })
        #expect(idA != idB)
        #expect(a.contains("fill=\"url(#\(idA))\""))
        #expect(XMLCheck.problem(in: a) == nil)
    }

    @Test func unbalancedGroupsAreClosed() {
        var svg = SVGDocument(width: 10, height: 10)
        svg.beginGroup([("opacity", "0.5")])
        svg.beginGroup()
        svg.endGroup()
        #expect(XMLCheck.problem(in: svg.render()) == nil)
    }
}
