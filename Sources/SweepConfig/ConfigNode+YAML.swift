import Collections
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

    /// The node as a YAML tree for emission: strings that would read back as another type are
    /// quoted, floats are written as Python writes them (`0.001`, `1.0e-05`, `.inf`, `.nan`).
    public var yamlNode: Node {
        switch value {
        case .null: return Node(.scalar(.init("null")))
        case .missing: return Node(.scalar(.init("???")))
        case .bool(let b): return Node(.scalar(.init(b ? "true" : "false")))
        case .int(let i): return Node(.scalar(.init(String(i))))
        case .float(let d): return Node(.scalar(.init(ConfigNode.yamlFloat(d))))
        case .string(let s):
            let plain = Node(.scalar(.init(s)))
            if case .string(let back)? = plain.value, back == s, s != "???", !s.isEmpty {
                return plain
            }
            return Node(.scalar(.init(s, style: .singleQuoted)))
        case .sequence(let items):
            return Node(.sequence(items.map(\.yamlNode)))
        case .mapping(let mapping):
            return Node(
                .mapping(
                    mapping.map { key, value in
                        let keyNode = Node(.scalar(.init(key)))
                        let safeKey: Node
                        if case .string(let back)? = keyNode.value, back == key, !key.isEmpty {
                            safeKey = keyNode
                        } else {
                            safeKey = Node(.scalar(.init(key, style: .singleQuoted)))
                        }
                        return Node.Pair(key: safeKey, value: value.yamlNode)
                    }))
        }
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
