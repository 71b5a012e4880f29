import Testing

@testable import SweepYAML

/// Merge keys `<<: *base` and `<<: [*a, *b]`: merged pairs first, explicit keys override in place,
/// the first merge source that has a key wins (YAML merge spec; PyYAML 6.0.4 for one-letter keys).
@Suite struct MergeKeyTests {
    static func values(_ node: Node?) -> [String] {
        guard case .mapping(let pairs)? = node?.content else { return [] }
        return pairs.map { "\($0.key)=\($0.value)" }
    }

    @Test func singleMergeThenExplicitKeys() throws {
        // PyYAML/OmegaConf: {'k': 5, 'j': 2, 'm': 0}
        let root = try Support.parse(
            """
            a: &a {k: 1, j: 2}
            b:
              m: 0
              <<: *a
              k: 5
            """)
        #expect(Self.values(Support.child(root, "b")) == ["k=5", "j=2", "m=0"])
        #expect(Self.values(Support.child(root, "a")) == ["k=1", "j=2"])
    }

    @Test func listOfMergesEarlierSourceWins() throws {
        // PyYAML/OmegaConf: {'x': 9, 'y': 2, 'z': 4}
        let root = try Support.parse(
            """
            base: &b {x: 1, y: 2}
            other: &o {y: 3, z: 4}
            m:
              <<: [*b, *o]
              x: 9
            """)
        #expect(Self.values(Support.child(root, "m")) == ["x=9", "y=2", "z=4"])
    }

    @Test func longKeysAlsoLetTheEarlierSourceWin() throws {
        // PyYAML 6.0.4 gives yy=3 here (yaml/pyyaml#953); the spec and PyYAML 6.0.3 give 2.
        let root = try Support.parse(
            """
            base: &b {xx: 1, yy: 2}
            other: &o {yy: 3, zz: 4}
            m:
              <<: [*b, *o]
              xx: 9
            """)
        #expect(Self.values(Support.child(root, "m")) == ["xx=9", "yy=2", "zz=4"])
    }

    @Test func twoMergeKeysInOneMapping() throws {
        // PyYAML/OmegaConf: {'k': 1, 'j': 2}
        let root = try Support.parse(
            """
            a: &a {k: 1}
            b:
              <<: *a
              <<: {j: 2, k: 7}
            """)
        #expect(Self.values(Support.child(root, "b")) == ["k=1", "j=2"])
    }

    @Test func mergedValuesAreWholeNodesNotDeepMerged() throws {
        // PyYAML/OmegaConf: {'k': 1, 'n': {'q': 2}}
        let root = try Support.parse(
            """
            a: &a {k: 1, n: {p: 1}}
            b:
              <<: *a
              n: {q: 2}
            """)
        #expect(Self.values(Support.child(root, "b")) == ["k=1", "n={q: 2}"])
    }

    @Test func mergeOfAMappingThatMergedItself() throws {
        let root = try Support.parse(
            """
            a: &a {k: 1}
            b: &b
              <<: *a
              j: 2
            c:
              <<: *b
              i: 3
            """)
        #expect(Self.values(Support.child(root, "c")) == ["k=1", "j=2", "i=3"])
    }

    @Test func quotedOrTaggedStrKeyIsNotAMerge() throws {
        let root = try Support.parse("'<<': {a: 1}\n")
        #expect(Support.keys(root) == ["<<"])
        let tagged = try Support.parse("!!merge <<: {a: 1}\n")
        #expect(Support.keys(tagged) == ["a"])
    }

    @Test func mergeOfAScalarIsAnError() {
        #expect(
            Support.error("<<: 5\n") == """
                t.yaml:1:5: error: the merge key '<<' needs a mapping or a list of mappings, found the scalar '5'
                    <<: 5
                        ^
                help: write '<<: *name' with an anchored mapping, or '<<: [*a, *b]'
                """)
    }

    @Test func mergeListOfNonMappingsIsAnError() {
        #expect(
            Support.error("a: &a {k: 1}\nb:\n  <<: [*a, [1]]\n") == """
                t.yaml:3:12: error: a merge key '<<' list may hold only mappings, found a sequence
                      <<: [*a, [1]]
                               ^
                """)
    }
}
