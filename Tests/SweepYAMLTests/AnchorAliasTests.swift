import Testing

@testable import SweepYAML

/// `&anchor` and `*alias`: an alias stands for a copy of the anchored node.
@Suite struct AnchorAliasTests {
    @Test func aliasesCopyScalarsSequencesAndMappings() throws {
        let root = try Support.parse(
            """
            lr: &lr 0.001
            dims: &dims [784, 10]
            optim: &opt {name: adam, betas: [0.9, 0.999]}
            a: *lr
            b: *dims
            c: *opt
            """)
        #expect(Support.child(root, "a") == Support.child(root, "lr"))
        #expect(Support.child(root, "a")?.value == .float(0.001))
        #expect(Support.child(root, "b") == Support.sequence([Support.scalar("784"), Support.scalar("10")]))
        #expect(Support.child(root, "c") == Support.child(root, "optim"))
        #expect(Support.keys(Support.child(root, "c")) == ["name", "betas"])
    }

    @Test func anAliasKeepsTheMarkOfItsAnchoredNode() throws {
        let root = try Support.parse("x: &v hello\ny: *v\n")
        #expect(Support.child(root, "y")?.mark == Mark(file: "t.yaml", line: 1, column: 4))
    }

    @Test func anAliasCanBeAKeyAndAnAnchorCanBeReusedInNestedPlaces() throws {
        let root = try Support.parse(
            """
            k: &key name
            m:
              *key : value
            list:
              - &item {a: 1}
              - *item
            """)
        #expect(Support.keys(Support.child(root, "m")) == ["name"])
        guard case .sequence(let items)? = Support.child(root, "list")?.content else {
            Issue.record("list is not a sequence")
            return
        }
        #expect(items.count == 2)
        #expect(items[0] == items[1])
    }

    @Test func undefinedAlias() {
        #expect(
            Support.error("a: *nope\n") == """
                t.yaml:1:4: error: undefined alias '*nope'
                    a: *nope
                       ^
                help: define the anchor first, with '&nope' before the node to reuse
                """)
    }

    @Test func aliasBeforeItsAnchor() {
        #expect(
            Support.error("a: *later\nb: &later 1\n") == """
                t.yaml:1:4: error: undefined alias '*later'
                    a: *later
                       ^
                help: define the anchor first, with '&later' before the node to reuse
                """)
    }

    @Test func duplicateAnchor() {
        #expect(
            Support.error("a: &x 1\nb: &x 2\n") == """
                t.yaml:2:4: error: duplicate anchor '&x'
                    b: &x 2
                       ^
                note: the anchor '&x' was first defined at t.yaml:1:4
                    a: &x 1
                       ^
                help: give each anchor a different name
                """)
    }

    @Test func recursiveAlias() {
        #expect(
            Support.error("a: &r [1, *r]\n") == """
                t.yaml:1:11: error: alias '*r' refers to a node that contains it (a recursive alias)
                    a: &r [1, *r]
                              ^
                """)
    }

    @Test func aliasBombIsAnErrorNotAHang() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        // Each a5 stands for 1,111,111 nodes: the eighth *a5 of a6 passes ten million.
        #expect(
            Support.error(text) == """
                t.yaml:7:45: error: aliases expand this document to more than 10000000 nodes
                    a6: &a6 [*a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5]
                                                                ^
                help: this looks like an alias bomb; reuse fewer nested aliases
                """)
    }
}
