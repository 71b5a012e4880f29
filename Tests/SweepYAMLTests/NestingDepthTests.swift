import Testing

@testable import SweepYAML

/// Lists and mappings nest at most 256 levels (also through aliases), so that deep input is an
/// error rather than a stack overflow in the code that walks or frees the tree.
@Suite struct NestingDepthTests {
    static func nested(_ depth: Int) -> String {
        String(repeating: "[\n", count: depth) + String(repeating: "]", count: depth)
    }

    @Test func twoHundredFiftySixLevelsParse() throws {
        var node = try Support.parse(Self.nested(256))
        var levels = 0
        while case .sequence(let items)? = node?.content {
            levels += 1
            node = items.first
        }
        #expect(levels == 256)
    }

    @Test func oneLevelMoreIsAnError() {
        #expect(
            Support.error(Self.nested(257)) == """
                t.yaml:257:1: error: lists and mappings nest more than 256 levels deep here
                    [
                    ^
                help: a config this deep is almost certainly a mistake (or an alias that contains itself)
                """)
    }

    @Test func veryDeepInputFailsFast() {
        #expect(Support.error(Self.nested(100_000)).hasPrefix("t.yaml:257:1: error: lists and mappings nest"))
    }

    @Test func aliasesCountTheDepthOfWhatTheyStandFor() throws {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        // The root mapping, 55 brackets and the 200 levels of *a: 256.
        let fits = "a: &a \(deep)\nb: \(String(repeating: "[", count: 55))*a\(String(repeating: "]", count: 55))\n"
        #expect(try Support.parse(fits) != nil)
        let open = String(repeating: "[", count: 56)
        let close = String(repeating: "]", count: 56)
        let over = "a: &a \(deep)\nb: [[*a]]\nc: \(open)*a\(close)\n"
        #expect(Support.error(over).hasPrefix("t.yaml:3:60: error: lists and mappings nest more than 256 levels"))
    }
}
