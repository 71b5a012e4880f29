import SweepYAML

extension ConfigNode {
    /// Builds config nodes straight from the YAML parser, as `ConfigNode(yaml:)` converts a parsed
    /// `Node` tree, without building that tree first.
    final class Builder: YAMLTreeBuilder {
        private var stack: [ConfigNode] = []
        private var bases: [Int] = []
        private var merges: [[ConfigNode]] = []
        private var anchors: [Int: ConfigNode] = [:]

        /// The document's root after parsing.
        var root: ConfigNode? { stack.last }

        func scalar(_ scalar: Node.Scalar, tag: String?, mark: Mark, isKey: Bool) {
            let origin = Origin.file(mark)
            if isKey {
                stack.append(ConfigNode(.string(scalar.text), origin: origin))
                return
            }
            if scalar.text == "???" && (tag == nil || tag == "!") {
                stack.append(ConfigNode(.missing, origin: origin))
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
            stack.append(ConfigNode(value, origin: origin))
        }

        func beginCollection() {
            bases.append(stack.count)
            merges.append([])
        }

        func endSequence(tag: String?, mark: Mark) {
            let base = bases.removeLast()
            merges.removeLast()
            var items: [ConfigNode] = []
            items.reserveCapacity(stack.count - base)
            takeAll(from: base) { items.append($0) }
            stack.append(ConfigNode(.sequence(items), origin: .file(mark)))
        }

        func endMapping(tag: String?, mark: Mark) {
            let base = bases.removeLast()
            let sources = merges.removeLast()
            var mapping = OrderedMapping(minimumCapacity: (stack.count - base) / 2 + sources.count)
            for source in sources {
                guard case .mapping(let pairs) = source.value else { continue }
                for (key, value) in pairs where mapping[key] == nil { mapping[key] = value }
            }
            var key: ConfigNode?
            takeAll(from: base) { node in
                if let pending = key {
                    mapping[Self.keyText(pending)] = node
                    key = nil
                } else {
                    key = node
                }
            }
            stack.append(ConfigNode(.mapping(mapping), origin: .file(mark)))
        }

        /// Moves every node from `base` to the top out of the stack, in order, and shrinks it, without
        /// the retain and release that copying each node would cost.
        private func takeAll(from base: Int, _ body: (consuming ConfigNode) -> Void) {
            stack.withUnsafeMutableBufferPointer { buffer in
                guard let start = buffer.baseAddress else { return }
                for index in base..<buffer.count {
                    body((start + index).move())
                    (start + index).initialize(to: ConfigNode(.null))
                }
            }
            stack.removeSubrange(base...)
        }

        func mergeLast() {
            guard let source = stack.popLast(), !merges.isEmpty else { return }
            switch source.value {
            case .sequence(let items): merges[merges.count - 1].append(contentsOf: items)
            default: merges[merges.count - 1].append(source)
            }
        }

        func saveAnchor(_ anchor: Int) {
            if let last = stack.last { anchors[anchor] = last }
        }

        func pushAnchor(_ anchor: Int) {
            if let node = anchors[anchor] { stack.append(node) }
        }

        func describeLast() -> String { stack.last?.description ?? "" }

        func dropLast() { _ = stack.popLast() }

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
