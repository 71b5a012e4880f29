/// Builds the `Node` tree that `YAML.parse` returns.
final class NodeBuilder: YAMLTreeBuilder {
    private let stack = YAMLTreeStack(placeholder: Node(.sequence([])))

    /// The document's root after parsing, nil for an empty document.
    var root: Node? { stack.last }

    func scalar(_ scalar: Node.Scalar, tag: String?, mark: Mark, isKey: Bool) {
        stack.push(Node(.scalar(scalar), tag: tag, mark: mark))
    }

    func beginCollection() { stack.begin() }

    func endSequence(tag: String?, mark: Mark) {
        var items: [Node] = []
        items.reserveCapacity(stack.openCount)
        _ = stack.end { items.append($0) }
        stack.push(Node(.sequence(items), tag: tag, mark: mark))
    }

    func endMapping(tag: String?, mark: Mark) {
        var pairs: [Node.Pair] = []
        pairs.reserveCapacity(stack.openCount / 2)
        var key: Node?
        let sources = stack.end { node in
            if let pending = key {
                pairs.append(Node.Pair(key: pending, value: node))
                key = nil
            } else {
                key = node
            }
        }
        if !sources.isEmpty { pairs = Self.merged(sources, pairs) }
        stack.push(Node(.mapping(pairs), tag: tag, mark: mark))
    }

    func mergeLast() {
        stack.mergeLast { source in
            if case .sequence(let items) = source.content { return items }
            return nil
        }
    }

    func saveAnchor(_ anchor: Int) { stack.saveAnchor(anchor) }

    func pushAnchor(_ anchor: Int) { stack.pushAnchor(anchor) }

    func describeLast() -> String { stack.last?.description ?? "" }

    func dropLast() { stack.dropLast() }

    /// A mapping key's identity for merging: scalars compare by resolved value.
    static func identity(_ key: Node) -> YAML.KeyIdentity {
        switch key.content {
        case .scalar: return .value(key.value ?? .null)
        default: return .other(key.description)
        }
    }

    /// The mapping's pairs after merge keys, in the order `YAMLTreeBuilder.endMapping` describes.
    ///
    /// This follows the merge spec, as PyYAML 6.0.3 did; PyYAML 6.0.4 lets the *last* source win for
    /// keys longer than one character (it dedups by string identity: yaml/pyyaml#953).
    static func merged(_ sources: [Node], _ pairs: [Node.Pair]) -> [Node.Pair] {
        var result: [Node.Pair] = []
        var index: [YAML.KeyIdentity: Int] = [:]
        for source in sources {
            guard case .mapping(let sourcePairs) = source.content else { continue }
            for pair in sourcePairs {
                let id = identity(pair.key)
                if index[id] == nil {
                    index[id] = result.count
                    result.append(pair)
                }
            }
        }
        for pair in pairs {
            let id = identity(pair.key)
            if let at = index[id] {
                result[at] = pair
            } else {
                index[id] = result.count
                result.append(pair)
            }
        }
        return result
    }
}
