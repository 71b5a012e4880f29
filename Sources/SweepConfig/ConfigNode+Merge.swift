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

    /// The error OmegaConf raises when `other` would merge a list into a mapping or a mapping
    /// into a list (anywhere along the merge), or nil when the merge is fine.
    func mergeConflict(with other: ConfigNode, path: [String] = []) -> ConfigError? {
        switch (value, other.value) {
        case (.mapping(let mine), .mapping(let incoming)):
            for (key, node) in incoming {
                if let existing = mine[key], let conflict = existing.mergeConflict(with: node, path: path + [key]) {
                    return conflict
                }
            }
            return nil
        case (.mapping, .sequence), (.sequence, .mapping):
            let key = path.isEmpty ? "the config" : "'" + path.joined(separator: ".") + "'"
            let what = ConfigDecoder.describe(other.value)
            return ConfigError(
                other.origin.diagnostic(
                    "cannot merge \(what) into \(key), which is \(ConfigDecoder.describe(value)) (from \(origin))",
                    notes: [
                        "help: a mapping merges only into a mapping and a list replaces only a list; remove the other first"
                    ]))
        default:
            return nil
        }
    }

    /// Whether the node is a mapping.
    var isMapping: Bool {
        if case .mapping = value { return true }
        return false
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
