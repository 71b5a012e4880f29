import Testing

@testable import SweepConfig
@testable import SweepYAML

/// `ConfigNode.parse`, which builds config nodes straight from the parser's events, gives the same
/// tree (values, key order, origins) as converting the parsed `Node` tree.
@Suite struct ConfigNodeParseTests {
    static let documents = [
        "a: 1\nb: [1, 2.5, yes, null, ~, '010', 010, 0x1F, 1:30, .inf]\nc:\n  d: ???\n  e: '???'\n  f: !!str 12\n",
        "base: &b {x: 1, y: 2}\nother: &o {y: 3, z: 4}\nm:\n  <<: [*b, *o]\n  y: 9\n  w: *b\n",
        "seq: &s [{a: 1}, {b: 2}]\nm: {<<: *s, c: 3}\nn: {<<: {k: v}, k: w}\n",
        "- 1\n- [a, b]\n- {c: d}\n",
        "? [a, b]\n: 1\n1: int key\n'1': string key\n",
        "text: |\n  line one\n  line two\nfolded: >\n  a\n  b\nempty:\nquoted: \"tab\\there\"\n",
        "# only a comment\n",
    ]

    @Test(arguments: documents)
    func parseMatchesConversion(_ text: String) throws {
        let direct = try ConfigNode.parse(text, file: "t.yaml")
        let converted = try YAML.parse(text, file: "t.yaml").map { ConfigNode(yaml: $0) }
        #expect(direct == converted)
        if let direct, let converted {
            #expect(Self.origins(direct) == Self.origins(converted))
        }
    }

    /// Every node's origin, in document order.
    static func origins(_ node: ConfigNode) -> [String] {
        switch node.value {
        case .mapping(let mapping): return [node.origin.description] + mapping.values.flatMap(origins)
        case .sequence(let items): return [node.origin.description] + items.flatMap(origins)
        default: return [node.origin.description]
        }
    }

    @Test func errorsAreTheParsersErrors() {
        #expect(throws: YAMLError.self) { try ConfigNode.parse("a: 1\na: 2\n", file: "t.yaml") }
        #expect(throws: YAMLError.self) { try ConfigNode.parse("m: {<<: 3}\n", file: "t.yaml") }
    }
}
