import Testing

@testable import SweepYAML

/// `parse(emit(n)) == n` over seeded random trees of nested nodes with awkward strings.
@Suite struct EmitterRoundTripTests {
    /// SplitMix64: a small deterministic generator, so that a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Pieces that are awkward for YAML: indicators, comments, booleans, nulls, numbers,
    /// line breaks, spaces at the ends, Unicode, control characters.
    static let awkward = [
        ": ", "#", " #", " ", "  ", "yes", "No", "~", "null", "", "\n", "\n\n", "é", "日本", "β", "-", "- ", "? ", "'",
        "\"", "\\", "{", "}", "[", "]", ",", "&a", "*a", "!x", "%", "@", "`", "|", ">", "\t", "1.5", "0x1F", "010",
        "1:30", "<<", "---", "...", "\u{1}", "\u{FEFF}", "\u{85}", "\u{2028}", "\r", "x", "key", "a b", "=", ".inf",
    ]

    /// Texts that can always be written plain, as they are.
    static let plainSafe = [
        "a", "lr", "yes", "NO", "1.5", "1e-3", "0x1F", "~", "null", "日本", "é", "x y", "a-b", "1:30", "True", "-1",
        ".inf", "path/to/x", "C:\\dir", "what?", "a#b", "50%", "it's", "say \"hi\"", "<<x", "=x", "a,b",
    ]

    /// Single-line printable texts (any of them can be single-quoted).
    static let singleSafe =
        plainSafe + [
            " lead", "trail ", "a: b", "x #y", "#c", "- item", "[x", "{y", "@at", "`b", "%p", "!t", "&a", "*a", "'q",
            "\"d", "? k", "|", ">", "---", "...", "", " ", "<<",
        ]

    /// Multi-line texts a block scalar can hold.
    static let blockSafe = [
        "line\n", "two\nlines\n", "no newline", "a\n\nb\n", "  indented\nx\n", "keep\n\n", "é\n日本\n",
    ]

    struct Generator {
        var rng: SplitMix
        /// Whether scalars take only styles that can always hold their text (for exact equality).
        let exact: Bool

        mutating func pick<T>(_ items: [T]) -> T {
            items[Int.random(in: 0..<items.count, using: &rng)]
        }

        mutating func awkwardText() -> String {
            (0..<Int.random(in: 0...3, using: &rng)).map { _ in pick(EmitterRoundTripTests.awkward) }.joined()
        }

        mutating func scalar(isKey: Bool) -> Node {
            let tag: String? =
                Int.random(in: 0..<8, using: &rng) == 0 ? pick(["tag:yaml.org,2002:str", "!local", "!"]) : nil
            if !exact {
                let style = pick([Node.Scalar.Style.plain, .singleQuoted, .doubleQuoted, .literal, .folded])
                return Node(.scalar(Node.Scalar(awkwardText(), style: style)), tag: tag)
            }
            let styles: [Node.Scalar.Style] =
                isKey
                ? [.plain, .singleQuoted, .doubleQuoted] : [.plain, .singleQuoted, .doubleQuoted, .literal, .folded]
            let style = pick(styles)
            let text: String
            switch style {
            case .plain: text = pick(EmitterRoundTripTests.plainSafe)
            case .singleQuoted: text = pick(EmitterRoundTripTests.singleSafe)
            case .doubleQuoted: text = awkwardText()
            case .literal, .folded: text = pick(EmitterRoundTripTests.blockSafe)
            }
            // An empty plain value reads back as null, but written anywhere else it is quoted.
            return Node(.scalar(Node.Scalar(text, style: style)), tag: tag)
        }

        mutating func node(depth: Int) -> Node {
            let kind = depth >= 4 ? 0 : Int.random(in: 0..<3, using: &rng)
            let tag: String? = Int.random(in: 0..<10, using: &rng) == 0 ? "!collection" : nil
            switch kind {
            case 1:
                let items = (0..<Int.random(in: 0...4, using: &rng)).map { _ in node(depth: depth + 1) }
                return Node(.sequence(items), tag: tag)
            case 2:
                var pairs: [Node.Pair] = []
                var seen: Set<Node.Value> = []
                var texts: Set<String> = []
                for _ in 0..<Int.random(in: 0...4, using: &rng) {
                    let key = scalar(isKey: true)
                    guard let value = key.value, case .scalar(let s) = key.content, !seen.contains(value),
                        !texts.contains(s.text)
                    else { continue }
                    // A `<<` key that resolves implicitly is a merge key, not a key.
                    if s.text == "<<", key.tag == "!" || (key.tag == nil && s.style == .plain) { continue }
                    // Distinct texts too: a plain key that must be quoted (`""`, `"12\n"`) becomes a string.
                    seen.insert(value)
                    texts.insert(s.text)
                    pairs.append(Node.Pair(key: key, value: node(depth: depth + 1)))
                }
                return Node(.mapping(pairs), tag: tag)
            default:
                return scalar(isKey: false)
            }
        }

        /// A document root: a collection (an empty plain root scalar is no document at all).
        mutating func root() -> Node {
            var root = node(depth: 0)
            while case .scalar = root.content { root = node(depth: 0) }
            return root
        }
    }

    @Test func exactRoundTripOfRandomTrees() throws {
        var generator = Generator(rng: SplitMix(state: 20_261_128), exact: true)
        var count = 0
        for _ in 0..<400 {
            let node = generator.root()
            let text = try YAML.emit(node)
            let back = try YAML.parse(text, file: "emitted.yaml")
            #expect(back == node, "emitted:\n\(text)")
            if back != node { break }
            count += 1
        }
        #expect(count == 400)
    }

    /// Compares two trees ignoring scalar styles; returns the first difference.
    static func difference(_ a: Node, _ b: Node, path: String = "") -> String? {
        guard a.tag == b.tag else { return "\(path): tag \(a.tag ?? "nil") vs \(b.tag ?? "nil")" }
        switch (a.content, b.content) {
        case (.scalar(let x), .scalar(let y)):
            if x.text != y.text { return "\(path): text \(x.text.debugDescription) vs \(y.text.debugDescription)" }
            if x.style == y.style { return nil }
            // A style libyaml cannot write falls back to a quoted one.
            return y.style == .singleQuoted || y.style == .doubleQuoted
                ? nil : "\(path): style \(x.style) became \(y.style)"
        case (.sequence(let x), .sequence(let y)):
            guard x.count == y.count else { return "\(path): \(x.count) items vs \(y.count)" }
            for (i, (p, q)) in zip(x, y).enumerated() {
                if let d = difference(p, q, path: "\(path)[\(i)]") { return d }
            }
            return nil
        case (.mapping(let x), .mapping(let y)):
            guard x.count == y.count else { return "\(path): \(x.count) pairs vs \(y.count)" }
            for (p, q) in zip(x, y) {
                if let d = difference(p.key, q.key, path: "\(path).key") { return d }
                if let d = difference(p.value, q.value, path: "\(path).\(p.key)") { return d }
            }
            return nil
        default:
            return "\(path): \(a) vs \(b)"
        }
    }

    @Test func anyStyleKeepsTextsTagsAndOrderAndSettlesAfterOneTrip() throws {
        var generator = Generator(rng: SplitMix(state: 7), exact: false)
        var failures: [String] = []
        for index in 0..<400 {
            let node = generator.root()
            let text = try YAML.emit(node)
            guard let back = try YAML.parse(text, file: "emitted.yaml") else {
                failures.append("#\(index): no document from:\n\(text)")
                continue
            }
            if let d = Self.difference(node, back) { failures.append("#\(index)\(d) in:\n\(text)") }
            // What came back uses only styles libyaml can write: a second trip is exact.
            let again = try YAML.parse(YAML.emit(back), file: "emitted.yaml")
            if again != back { failures.append("#\(index): second trip differs for:\n\(text)") }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.first ?? "")")
    }
}
