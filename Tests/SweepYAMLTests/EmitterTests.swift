import Testing

@testable import SweepYAML

/// `YAML.emit`: block style, key order, scalar styles and tags kept, and `parse(emit(n)) == n`.
@Suite struct EmitterTests {
    typealias S = Support

    static let config = S.mapping([
        ("name", S.scalar("mnist")),
        ("layers", S.sequence([S.scalar("784"), S.scalar("10"), S.scalar("3")])),
        ("act", S.scalar("yes", .singleQuoted)),
        ("note", S.scalar("tab\there", .doubleQuoted)),
        ("path", S.scalar("C:\\data", .singleQuoted)),
        ("desc", S.scalar("line one\nline two\n", .literal)),
        ("fold", S.scalar("a long\nparagraph", .folded)),
        ("empty", S.scalar("")),
        ("unicode", S.scalar("β-VAE ✓ 日本")),
        ("typed", S.scalar("5", tag: "tag:yaml.org,2002:str")),
        ("custom", S.mapping([("k", S.scalar("v"))], tag: "!thing")),
        (
            "nested",
            S.sequence([S.mapping([("a", S.scalar("1")), ("b", S.sequence([]))]), S.sequence([S.scalar("x")])])
        ),
        ("none", S.mapping([])),
    ])

    @Test func blockStyleKeepingOrderStylesAndTags() throws {
        #expect(
            try YAML.emit(Self.config) == """
                name: mnist
                layers:
                - 784
                - 10
                - 3
                act: 'yes'
                note: "tab\\there"
                path: 'C:\\data'
                desc: |
                  line one
                  line two
                fold: >-
                  a long

                  paragraph
                empty:
                unicode: β-VAE ✓ 日本
                typed: !!str 5
                custom: !thing
                  k: v
                nested:
                - a: 1
                  b: []
                - - x
                none: {}

                """)
    }

    @Test func handCasesRoundTrip() throws {
        let cases: [Node] = [
            Self.config,
            S.scalar("top"),
            S.scalar("top", .doubleQuoted),
            S.sequence([S.scalar("a"), S.scalar("", .singleQuoted), S.scalar("~"), S.scalar("~", .doubleQuoted)]),
            S.mapping([("k", S.scalar("x\n\n  indented\ny\n", .literal))]),
            S.mapping([("k", S.scalar("  leading spaces\n", .literal))]),
            S.mapping([("k", S.scalar("keep\n\n", .literal))]),
            S.mapping([("k", S.scalar(String(repeating: "long words ", count: 40), .doubleQuoted))]),
            S.mapping([("k", S.scalar("\u{0}\u{7}\u{1B}\u{85}\u{2028}\u{FEFF}", .doubleQuoted))]),
            Node(.mapping([Node.Pair(key: S.scalar(String(repeating: "k", count: 300)), value: S.scalar("v"))])),
            Node(.mapping([Node.Pair(key: S.sequence([S.scalar("a")]), value: S.scalar("v"))])),
            Node(.mapping([Node.Pair(key: S.scalar("multi\nline", .doubleQuoted), value: S.scalar("v"))])),
            S.sequence([S.scalar("1", tag: "tag:yaml.org,2002:int"), S.scalar("x", tag: "tag:example.com,2024:t")]),
            S.sequence([S.scalar("a", .doubleQuoted, tag: "!")]),
            S.sequence([], tag: "!list"),
        ]
        for node in cases {
            let text = try YAML.emit(node)
            let back = try YAML.parse(text, file: "emitted.yaml")
            #expect(back == node, "emitted:\n\(text)")
        }
    }

    @Test func plainScalarsThatCannotBePlainAreQuoted() throws {
        let texts = [
            " lead", "trail ", "a: b", "x #y", "#c", "- item", "[x", "{y", "@at", "`b", "%p", "!t", "&a", "*a",
            "'q", "\"d", "? k", "|", ">", "---", "...", "tab\t", "new\nline", "\u{1}", "12\n", "",
        ]
        let node = S.sequence(texts.map { S.scalar($0) })
        let text = try YAML.emit(node)
        guard case .sequence(let items)? = try YAML.parse(text, file: "e.yaml")?.content else {
            Issue.record("no sequence in:\n\(text)")
            return
        }
        #expect(items.count == texts.count)
        for (item, original) in zip(items, texts) {
            guard case .scalar(let scalar) = item.content else {
                Issue.record("\(original.debugDescription) came back as \(item)")
                continue
            }
            #expect(scalar.text == original)
            #expect(item.tag == nil)
            if original.isEmpty {
                // An empty plain item is written plain (`-`) and reads back as null.
                #expect(scalar.style == .plain)
            } else {
                #expect(scalar.style == .singleQuoted || scalar.style == .doubleQuoted, "\(original.debugDescription)")
            }
        }
    }

    @Test func charactersBeyondTheBasicPlaneAreEscapedByLibyaml() throws {
        // libyaml 0.2.5 counts only U+0000-U+FFFF as printable: the text survives, in double quotes.
        let node = S.mapping([("emoji", S.scalar("ok 🙂")), ("math", S.scalar("𝔵", .singleQuoted))])
        let text = try YAML.emit(node)
        #expect(text == "emoji: \"ok \\U0001F642\"\nmath: \"\\U0001D535\"\n")
        let back = try YAML.parse(text, file: "e.yaml")
        #expect(Support.child(back, "emoji") == S.scalar("ok 🙂", .doubleQuoted))
        #expect(Support.child(back, "math") == S.scalar("𝔵", .doubleQuoted))
    }

    @Test func aPlainMergeKeyIsQuotedSoThatItStaysAKey() throws {
        let node = S.mapping([("<<", S.mapping([("a", S.scalar("1"))]))])
        let text = try YAML.emit(node)
        #expect(text == "'<<':\n  a: 1\n")
        #expect(try YAML.parse(text, file: "e.yaml").map(S.keys) == ["<<"])
    }

    @Test func parsedConfigsRoundTrip() throws {
        let source = """
            defaults:
              - optim: adam
              - _self_
            model: {name: vae, latent: 2, act: softplus}
            lr: 1e-3
            betas: [1, 10]
            msg: "hello\\tworld"
            raw: 'it''s'
            block: |
              text
            """
        let parsed = try #require(try YAML.parse(source, file: "c.yaml"))
        #expect(try YAML.parse(YAML.emit(parsed), file: "e.yaml") == parsed)
    }
}
