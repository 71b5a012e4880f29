import Collections
public import Foundation
import SweepYAML

extension ConfigNode {
    /// Converts a parsed YAML node the way OmegaConf loads it: scalars typed by the YAML 1.1
    /// resolver, `???` (quoted or not) as the mandatory-value marker, keys as their text.
    public init(yaml node: Node) {
        let origin = Origin.file(node.mark)
        switch node.content {
        case .scalar(let scalar):
            if scalar.text == "???" && (node.tag == nil || node.tag == "!") {
                self.init(.missing, origin: origin)
                return
            }
            switch node.value ?? .string(scalar.text) {
            case .null: self.init(.null, origin: origin)
            case .bool(let b): self.init(.bool(b), origin: origin)
            case .int(let i): self.init(.int(i), origin: origin)
            case .float(let d): self.init(.float(d), origin: origin)
            case .string(let s): self.init(.string(s), origin: origin)
            }
        case .sequence(let items):
            self.init(.sequence(items.map { ConfigNode(yaml: $0) }), origin: origin)
        case .mapping(let pairs):
            var mapping = OrderedMapping()
            for pair in pairs {
                mapping[ConfigNode.keyText(pair.key)] = ConfigNode(yaml: pair.value)
            }
            self.init(.mapping(mapping), origin: origin)
        }
    }

    /// The text of a mapping key; a non-scalar key is written in flow style.
    static func keyText(_ key: Node) -> String {
        if case .scalar(let s) = key.content { return s.text }
        return key.description
    }

    /// The node as block YAML: strings that would read back as another type are quoted, floats
    /// are written as Python writes them (`0.001`, `1.0e-05`, `.inf`, `.nan`). A large tree's two
    /// halves are written on two threads.
    public func yamlText() throws(YAMLError) -> String {
        String(decoding: try yamlBytes(), as: UTF8.self)
    }

    /// The UTF-8 bytes of ``yamlText()``.
    public func yamlBytes() throws(YAMLError) -> [UInt8] {
        try yamlBytes(parallelAbove: Parallel.minimumNodes)
    }

    /// Writes the node as YAML (as ``yamlText()``) to `handle`. A large tree's two halves, written
    /// on two threads, go out one after the other, never joined. Throws a `YAMLError` when the
    /// emitter fails, or the handle's error.
    public func writeYAML(to handle: FileHandle) throws {
        try yamlPieces(parallelAbove: Parallel.minimumNodes).write(to: handle)
    }

    /// The YAML bytes, written in two halves on two threads for a tree of at least `parallelAbove` nodes.
    func yamlBytes(parallelAbove: Int) throws(YAMLError) -> [UInt8] {
        try yamlPieces(parallelAbove: parallelAbove).joinedBytes
    }

    /// The YAML text in pieces to be written in order: the two halves of a large tree's top-level
    /// keys, or the whole text in one piece.
    private func yamlPieces(parallelAbove: Int) throws(YAMLError) -> [[UInt8]] {
        if let halves = yamlHalves(parallelAbove: parallelAbove) { return [halves.head, halves.tail] }
        let emitter = try YAML.Emitter()
        try write(to: emitter)
        return [try emitter.finish()]
    }

    /// The two halves of the top-level keys written as two documents on two threads (each a bare
    /// block mapping at indent 0, which is what the one document holds there); nil for a tree of
    /// fewer than `parallelAbove` nodes, or when either half fails or is not a bare mapping.
    func yamlHalves(parallelAbove: Int) -> (head: [UInt8], tail: [UInt8])? {
        guard
            let (_, first, second) = Parallel.overHalves(
                of: self, atLeast: parallelAbove,
                { mapping, range in Result { () throws(YAMLError) in try Self.yamlEntries(of: mapping, in: range) } }),
            case .success(let head) = first, case .success(let tail) = second,
            Self.isBareMapping(head), Self.isBareMapping(tail)
        else { return nil }
        return (head, tail)
    }

    /// A document holding the root mapping's entries in `range`.
    private static func yamlEntries(of mapping: OrderedMapping, in range: Range<Int>) throws(YAMLError) -> [UInt8] {
        let emitter = try YAML.Emitter()
        try emitter.beginMapping()
        for index in range {
            try writeKey(mapping.keys[index], to: emitter)
            try mapping.values[index].write(to: emitter)
        }
        try emitter.endMapping()
        return try emitter.finish()
    }

    /// Whether a document's text is a block mapping and nothing else: no `---` before it, no
    /// `...` after it.
    private static func isBareMapping(_ bytes: [UInt8]) -> Bool {
        !bytes.starts(with: "---".utf8) && !bytes.starts(with: "{".utf8)
            && !bytes.reversed().starts(with: "...\n".utf8.reversed())
    }

    private func write(to emitter: YAML.Emitter) throws(YAMLError) {
        switch value {
        case .null: try emitter.scalar("null")
        case .missing: try emitter.scalar("???")
        case .bool(let b): try emitter.scalar(b ? "true" : "false")
        case .int(let i): try emitter.scalar(String(i))
        case .float(let d): try emitter.scalar(ConfigNode.yamlFloat(d))
        case .string(let s):
            try emitter.scalar(s, style: s != "???" && Self.readsBackAsItself(s) ? .plain : .singleQuoted)
        case .sequence(let items):
            try emitter.beginSequence()
            for item in items { try item.write(to: emitter) }
            try emitter.endSequence()
        case .mapping(let mapping):
            try emitter.beginMapping()
            for (key, value) in mapping {
                try Self.writeKey(key, to: emitter)
                try value.write(to: emitter)
            }
            try emitter.endMapping()
        }
    }

    private static func writeKey(_ key: String, to emitter: YAML.Emitter) throws(YAMLError) {
        try emitter.scalar(key, style: readsBackAsItself(key) ? .plain : .singleQuoted, isKey: true)
    }

    /// Whether a text written plain reads back as the same string (not empty, not a number, a
    /// boolean, null…).
    private static func readsBackAsItself(_ text: String) -> Bool {
        guard !text.isEmpty, case .string(let back) = Node.value(of: Node.Scalar(text), tag: nil) else { return false }
        return back == text
    }

    /// A float in YAML as PyYAML writes it: Python's repr, `.inf`/`-.inf`/`.nan`, and an
    /// exponent always with a fraction (`1.0e-05`) so that YAML 1.1 reads it back as a float.
    static func yamlFloat(_ d: Double) -> String {
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d < 0 ? "-.inf" : ".inf" }
        var text = PythonFloat.repr(d)
        if let e = text.firstIndex(of: "e"), !text[..<e].contains(".") {
            text = text[..<e] + ".0" + text[e...]
        }
        return text
    }
}

/// The ordered mapping a config node holds.
typealias OrderedMapping = OrderedDictionary<String, ConfigNode>
