import SweepYAML

extension ConfigNode {
    /// Builds config nodes straight from the YAML parser, as `ConfigNode(yaml:)` converts a parsed
    /// `Node` tree, without building that tree first.
    final class Builder: YAMLTreeBuilder {
        /// The stack, behind a pointer: as a stored property of a class it would be checked for exclusive
        /// access at run time on every push and pop, a tenth of the parse of a large file.
        private let stack: UnsafeMutablePointer<YAMLTreeStack<ConfigNode>>

        init() {
            stack = .allocate(capacity: 1)
            stack.initialize(to: YAMLTreeStack(placeholder: ConfigNode(.null)))
        }

        deinit {
            stack.deinitialize(count: 1)
            stack.deallocate()
        }

        /// The document's root after parsing.
        var root: ConfigNode? { stack.pointee.last }

        func scalar(_ scalar: Node.Scalar, tag: String?, mark: Mark, isKey: Bool) {
            let origin = Origin.file(mark)
            if isKey {
                stack.pointee.push(ConfigNode(.string(scalar.text), origin: origin))
                return
            }
            if scalar.text == "???" && (tag == nil || tag == "!") {
                stack.pointee.push(ConfigNode(.missing, origin: origin))
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
            stack.pointee.push(ConfigNode(value, origin: origin))
        }

        func beginCollection() { stack.pointee.begin() }

        func endSequence(tag: String?, mark: Mark) {
            var items: [ConfigNode] = []
            items.reserveCapacity(stack.pointee.openCount)
            _ = stack.pointee.end { items.append($0) }
            stack.pointee.push(ConfigNode(.sequence(items), origin: .file(mark)))
        }

        func endMapping(tag: String?, mark: Mark) {
            var explicit = OrderedMapping(minimumCapacity: stack.pointee.openCount / 2)
            var key: ConfigNode?
            let sources = stack.pointee.end { node in
                if let pending = key {
                    explicit[Self.keyText(pending)] = node
                    key = nil
                } else {
                    key = node
                }
            }
            guard !sources.isEmpty else {
                stack.pointee.push(ConfigNode(.mapping(explicit), origin: .file(mark)))
                return
            }
            var mapping = OrderedMapping()
            for source in sources {
                guard case .mapping(let pairs) = source.value else { continue }
                for (key, value) in pairs where mapping[key] == nil { mapping[key] = value }
            }
            for (key, value) in explicit { mapping[key] = value }
            stack.pointee.push(ConfigNode(.mapping(mapping), origin: .file(mark)))
        }

        func mergeLast() {
            stack.pointee.mergeLast { source in
                if case .sequence(let items) = source.value { return items }
                return nil
            }
        }

        func saveAnchor(_ anchor: Int) { stack.pointee.saveAnchor(anchor) }

        func pushAnchor(_ anchor: Int) { stack.pointee.pushAnchor(anchor) }

        func describeLast() -> String { stack.pointee.last?.description ?? "" }

        func dropLast() { stack.pointee.dropLast() }

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
