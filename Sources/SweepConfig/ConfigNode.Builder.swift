import SweepYAML

extension ConfigNode {
    /// Builds config nodes straight from the YAML parser, as `ConfigNode(yaml:)` converts a parsed
    /// `Node` tree, without building that tree first.
    final class Builder: YAMLTreeBuilder {
        private let stack = YAMLTreeStack(placeholder: ConfigNode(.null))

        /// The document's root after parsing.
        var root: ConfigNode? { stack.last }

        func scalar(_ scalar: Node.Scalar, tag: String?, mark: Mark, isKey: Bool) {
            let origin = Origin.file(mark)
            if isKey {
                stack.push(ConfigNode(.string(scalar.text), origin: origin))
                return
            }
            if scalar.text == "???" && (tag == nil || tag == "!") {
                stack.push(ConfigNode(.missing, origin: origin))
                return
            }
            let value: Value
            switch Node.value(of: scalar, tag: tag) {
            case .null: value = .null
            case .bool(let b): value = .bool(b)
            case .int(let i): value = .int(i)
            case .float(let d): value = .float(d)
            case .string(let s): value = .string(s)
            }
            stack.push(ConfigNode(value, origin: origin))
        }

        func beginCollection() { stack.begin() }

        func endSequence(tag: String?, mark: Mark) {
            var items: [ConfigNode] = []
            items.reserveCapacity(stack.openCount)
            _ = stack.end { items.append($0) }
            stack.push(ConfigNode(.sequence(items), origin: .file(mark)))
        }

        func endMapping(tag: String?, mark: Mark) {
            var explicit = OrderedMapping(minimumCapacity: stack.openCount / 2)
            var key: ConfigNode?
            let sources = stack.end { node in
                if let pending = key {
                    explicit[Self.keyText(pending)] = node
                    key = nil
                } else {
                    key = node
                }
            }
            guard !sources.isEmpty else {
                stack.push(ConfigNode(.mapping(explicit), origin: .file(mark)))
                return
            }
            var mapping = OrderedMapping()
            for source in sources {
                guard case .mapping(let pairs) = source.value else { continue }
                for (key, value) in pairs where mapping[key] == nil { mapping[key] = value }
            }
            for (key, value) in explicit { mapping[key] = value }
            stack.push(ConfigNode(.mapping(mapping), origin: .file(mark)))
        }

        func mergeLast() {
            stack.mergeLast { source in
                if case .sequence(let items) = source.value { return items }
                return nil
            }
        }

        func saveAnchor(_ anchor: Int) { stack.saveAnchor(anchor) }

        func pushAnchor(_ anchor: Int) { stack.pushAnchor(anchor) }

        func describeLast() -> String { stack.last?.description ?? "" }

        func dropLast() { stack.dropLast() }

        /// A mapping key's text: a string key as written, any other key as its description.
        static func keyText(_ key: ConfigNode) -> String {
            if case .string(let s) = key.value { return s }
            return key.description
        }
    }

    /// Reads and parses a YAML file into a config tree (scalars typed as OmegaConf's loader types
    /// them); nil for an empty document.
    public static func parse(contentsOf path: String) throws(YAMLError) -> ConfigNode? {
        let builder = Builder()
        return try YAML.parse(contentsOf: path, into: builder) ? builder.root : nil
    }

    /// Parses YAML text into a config tree; `file` names it in marks; nil for an empty document.
    public static func parse(_ text: String, file: String) throws(YAMLError) -> ConfigNode? {
        let builder = Builder()
        return try YAML.parse(text, file: file, into: builder) ? builder.root : nil
    }
}
