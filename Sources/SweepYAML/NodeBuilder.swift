/// Builds the `Node` tree that `YAML.parse` returns.
final class NodeBuilder: YAMLTreeBuilder {
    private var stack: [Node] = []
    private var bases: [Int] = []
    private var merges: [[Node]] = []
    private var anchors: [Int: Node] = [:]

    /// The document's root after parsing, nil for an empty document.
    var root: Node? { stack.last }

    func scalar(_ scalar: Node.Scalar, tag: String?, mark: Mark, isKey: Bool) {
        stack.append(Node(.scalar(scalar), tag: tag, mark: mark))
    }

    func beginCollection() {
        bases.append(stack.count)
        merges.append([])
    }

    func endSequence(tag: String?, mark: Mark) {
        let base = bases.removeLast()
        merges.removeLast()
        let items = Array(stack[base...])
        stack.removeSubrange(base...)
        stack.append(Node(.sequence(items), tag: tag, mark: mark))
    }

    func endMapping(tag: String?, mark: Mark) {
        let base = bases.removeLast()
        let sources = merges.removeLast()
        var pairs: [Node.Pair] = []
        pairs.reserveCapacity((stack.count - base) / 2)
        var index = base
        while index + 1 < stack.count {
            pairs.append(Node.Pair(key: stack[index], value: stack[index + 1]))
            index += 2
        }
        stack.removeSubrange(base...)
        if !sources.isEmpty { pairs = Self.merged(sources, pairs) }
        stack.append(Node(.mapping(pairs), tag: tag, mark: mark))
    }

    func mergeLast() {
        guard let source = stack.popLast(), !merges.isEmpty else { return }
        switch source.content {
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
