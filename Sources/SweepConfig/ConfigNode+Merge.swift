extension ConfigNode {
    /// Merges `other` into this node as OmegaConf merges configs: mappings merge key by key,
    /// everything else (sequences included) replaces, and an unset `???` never replaces a value.
    public mutating func merge(_ other: ConfigNode) {
        guard case .mapping(let incoming) = other.value, case .mapping(var mine) = value else {
            if case .missing = other.value, !isMissingOrNull { return }
            self = other
            return
        }
        value = .null  // release the storage so that the mapping below is uniquely referenced
        for (key, node) in incoming {
            if var existing = mine[key] {
                existing.merge(node)
                mine[key] = existing
            } else {
                mine[key] = node
            }
        }
        value = .mapping(mine)
    }

    /// Whether the node is `???` or `null`.
    var isMissingOrNull: Bool {
        switch value {
        case .missing, .null: return true
        default: return false
        }
    }

    /// A mapping holding `node` under the dotted `package` path (`a.b` → `{a: {b: node}}`);
    /// the node itself for the empty package.
    static func embedded(_ node: ConfigNode, at package: String) -> ConfigNode {
        guard !package.isEmpty else { return node }
        var result = node
        for key in package.split(separator: ".", omittingEmptySubsequences: false).reversed() {
            result = ConfigNode(.mapping([String(key): result]), origin: node.origin)
        }
        return result
    }
}
