import Collections
import SweepYAML

extension ConfigDecoder {
    /// The `Decoder` handed to one type's `init(from:)`: one node, its key path, and what the
    /// type asked for, so that unread keys and elements can be reported afterwards.
    final class Impl: Decoder {
        /// The node being decoded.
        let node: ConfigNode
        /// The key path of the node, such as `model.layers[2]` ("" for the root).
        let path: String
        /// The coding path of the node.
        let codingPath: [any CodingKey]
        /// The node's origin, or the nearest ancestor's when the node has none.
        let origin: Origin
        /// No user info.
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        /// The mapping keys the type asked about, in the order it asked.
        var askedKeys: OrderedSet<String> = []
        /// Whether a keyed container was made.
        var usedKeyed = false
        /// Whether an unkeyed container was made.
        var usedUnkeyed = false
        /// Whether a single-value container was made.
        var usedSingle = false
        /// How many sequence elements an unkeyed container has read.
        var consumedElements = 0
        /// Decoders made by `nestedContainer` or `superDecoder`, checked when this one is.
        var deferred: [Impl] = []

        /// Creates a decoder for one node.
        init(node: ConfigNode, path: String, codingPath: [any CodingKey], origin: Origin) {
            self.node = node
            self.path = path
            self.codingPath = codingPath
            self.origin = origin
        }

        /// A decoder for a child node, at `key` below this one.
        func child(_ node: ConfigNode, key: Key) -> Impl {
            let childPath =
                key.intValue.map { ConfigDecoder.join(path, index: $0) } ?? ConfigDecoder.join(path, key.stringValue)
            return Impl(
                node: node, path: childPath, codingPath: codingPath + [key],
                origin: ConfigDecoder.effectiveOrigin(node.origin, fallback: origin))
        }

        func container<K: CodingKey>(keyedBy type: K.Type) throws -> KeyedDecodingContainer<K> {
            guard case .mapping(let mapping) = node.value else {
                throw ConfigDecoder.mismatch(expected: "a mapping", node: node, path: path, at: origin)
            }
            usedKeyed = true
            return KeyedDecodingContainer(KeyedContainer<K>(decoder: self, mapping: mapping))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard case .sequence(let elements) = node.value else {
                throw ConfigDecoder.mismatch(expected: "a sequence", node: node, path: path, at: origin)
            }
            usedUnkeyed = true
            return UnkeyedContainer(decoder: self, elements: elements)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            usedSingle = true
            return SingleValueContainer(decoder: self)
        }

        /// Checks, once the type's initialiser has returned, that it read every key and element.
        func finish() throws {
            let checkKeys = usedKeyed || (!usedUnkeyed && !usedSingle)
            if checkKeys, case .mapping(let mapping) = node.value {
                let unknown = mapping.filter { !askedKeys.contains($0.key) }
                if !unknown.isEmpty {
                    throw ConfigError(unknown.map { unknownKey($0.key, value: $0.value, in: mapping) })
                }
            }
            if usedUnkeyed, case .sequence(let elements) = node.value, consumedElements < elements.count {
                let extra = elements[consumedElements]
                throw ConfigError(
                    ConfigDecoder.diagnostic(
                        "\(ConfigDecoder.prefix(path))expected \(Self.elements(consumedElements)), found \(elements.count)",
                        at: ConfigDecoder.effectiveOrigin(extra.origin, fallback: origin),
                        notes: [
                            "note: '\(ConfigDecoder.join(path, index: consumedElements))' is the first element not read"
                        ]))
            }
            for child in deferred {
                try child.finish()
            }
        }

        /// `1 element`, `3 elements`.
        static func elements(_ count: Int) -> String {
            count == 1 ? "1 element" : "\(count) elements"
        }

        /// The diagnostic for a key that the type never asked for.
        func unknownKey(_ key: String, value: ConfigNode, in mapping: OrderedDictionary<String, ConfigNode>)
            -> Diagnostic
        {
            let keyPath = ConfigDecoder.join(path, key)
            var notes: [String] = []
            let unset = askedKeys.filter { mapping[$0] == nil }
            if let guess = Suggestion.closest(to: key, in: unset) ?? Suggestion.closest(to: key, in: askedKeys) {
                notes.append("help: did you mean '\(guess)'?")
            }
            let place = path.isEmpty ? "at the top level" : "in '\(path)'"
            if askedKeys.isEmpty {
                notes.append("note: no keys are allowed \(place)")
            } else {
                notes.append("note: allowed keys \(place): " + askedKeys.joined(separator: ", "))
            }
            return ConfigDecoder.diagnostic(
                "unknown key '\(keyPath)'", at: ConfigDecoder.effectiveOrigin(value.origin, fallback: origin),
                notes: notes)
        }
    }
}
