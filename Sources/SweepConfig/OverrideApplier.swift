import SweepYAML

/// Applies the config overrides (`k=v`, `+k=v`, `++k=v`, `~k`, `~k=v`) to a composed config
/// with Hydra's struct-mode rules: `k=v` only changes keys that exist, `+k=v` only adds keys
/// that do not, `++k=v` does either, `~k` deletes.
struct OverrideApplier {
    /// The config groups under the root, listed only when a message needs them.
    let listGroups: () -> [String]

    private var groups: [String] { listGroups() }

    func apply(_ overrides: [Override], to config: inout ConfigNode) throws(ConfigError) {
        for override in overrides {
            try apply(override, to: &config)
        }
    }

    private static func keyOrigin(_ override: Override) -> Origin {
        let prefix = override.text.prefix(while: { $0 == "+" || $0 == "~" }).count
        return .override(text: override.text, column: prefix + 1)
    }

    private func apply(_ override: Override, to config: inout ConfigNode) throws(ConfigError) {
        let keyOrigin = Self.keyOrigin(override)
        if override.package != nil {
            var notes: [String] = []
            if let close = Suggestion.closest(to: override.key, in: groups) {
                notes.append("help: did you mean '\(close)'?")
            }
            throw ConfigError(
                keyOrigin.diagnostic(
                    "there is no config group '\(override.key)' for '@\(override.package ?? "")' to apply to",
                    notes: notes))
        }
        guard let keys = ConfigNode.pathKeys(override.key), !keys.isEmpty else {
            throw ConfigError(keyOrigin.diagnostic("'\(override.key)' is not a valid key path"))
        }
        let value = (override.value ?? .null).configNode(origin: override.origin)
        let current = config.node(at: keys)
        switch override.kind {
        case .delete:
            guard let current else {
                throw ConfigError(
                    keyOrigin.diagnostic(
                        "cannot delete '\(override.key)': there is no such key",
                        notes: suggestion(for: keys, in: config)))
            }
            if let expected = override.value, !Self.pythonEqual(current, expected.configNode(origin: .none)) {
                throw ConfigError(
                    override.origin.diagnostic(
                        "cannot delete '\(override.key)': its value is \(ConfigDecoder.describe(current.value)), not \(ConfigDecoder.describe(value.value))"
                    ))
            }
            let last = keys[keys.count - 1]
            _ = config.modify(at: keys.dropLast()[...]) { parent in
                switch parent.value {
                case .mapping(var mapping):
                    parent.value = .null
                    mapping.removeValue(forKey: last)
                    parent.value = .mapping(mapping)
                case .sequence(var items):
                    if let i = Int(last), items.indices.contains(i) {
                        parent.value = .null
                        items.remove(at: i)
                        parent.value = .sequence(items)
                    }
                default: break
                }
                return true
            }
        case .add:
            var isContainer = false
            switch value.value {
            case .mapping, .sequence: isContainer = true
            default: break
            }
            if let current, !isContainer, !current.isNull {
                throw ConfigError(
                    keyOrigin.diagnostic(
                        "cannot add '\(override.key)': it is already in the config, as \(ConfigDecoder.describe(current.value))",
                        notes: [
                            "help: to change it, drop the '+': '\(override.text.dropFirst())'",
                            "help: to add it or change it, use '++': '+\(override.text)'",
                        ]))
            }
            try update(&config, keys: keys, value: value, forceAdd: true, override: override)
        case .forceAdd:
            try update(&config, keys: keys, value: value, forceAdd: true, override: override)
        case .change:
            try update(&config, keys: keys, value: value, forceAdd: false, override: override)
        }
    }

    /// Sets (or merges a mapping into) the value at `keys`, creating parents only when adding.
    private func update(
        _ config: inout ConfigNode, keys: [String], value: ConfigNode, forceAdd: Bool, override: Override
    ) throws(ConfigError) {
        var failure: ConfigError?
        func walk(_ node: inout ConfigNode, _ depth: Int) {
            let key = keys[depth]
            let isLast = depth == keys.count - 1
            switch node.value {
            case .mapping(var mapping):
                if mapping[key] == nil && !forceAdd {
                    failure = notInConfig(keys: Array(keys[...depth]), mapping: Array(mapping.keys), override: override)
                    return
                }
                node.value = .null
                defer { node.value = .mapping(mapping) }
                if isLast, let existing = mapping[key], let conflict = existing.mergeConflict(with: value, path: keys) {
                    failure = ConfigError(
                        override.origin.diagnostic(
                            conflict.diagnostics.first?.message ?? "",
                            notes: ["help: to replace it, delete it first: '~\(override.key)' '++\(override.key)=…'"]))
                    return
                }
                if isLast {
                    if var existing = mapping[key], case .mapping = existing.value,
                        case .mapping(let incoming) = value.value
                    {
                        if !forceAdd, case .mapping(let present) = existing.value,
                            let extra = incoming.keys.first(where: { present[$0] == nil })
                        {
                            failure = notInConfig(
                                keys: keys + [extra], mapping: Array(present.keys), override: override)
                            return
                        }
                        existing.merge(value)
                        mapping[key] = existing
                    } else {
                        mapping[key] = value
                    }
                } else {
                    var child = mapping[key] ?? .emptyMapping(origin: value.origin)
                    switch child.value {
                    case .mapping, .sequence: break
                    default: child = .emptyMapping(origin: value.origin)
                    }
                    walk(&child, depth + 1)
                    mapping[key] = child
                }
            case .sequence(var items):
                guard let i = Int(key), items.indices.contains(i) else {
                    failure = ConfigError(
                        Self.keyOrigin(override).diagnostic(
                            "'\(keys[...depth].joined(separator: "."))': index \(key) is out of range for a list of \(items.count)"
                        ))
                    return
                }
                node.value = .null
                defer { node.value = .sequence(items) }
                if isLast {
                    items[i] = value
                } else {
                    walk(&items[i], depth + 1)
                }
            default:
                failure = ConfigError(
                    Self.keyOrigin(override).diagnostic(
                        "'\(keys[..<depth].joined(separator: "."))' is \(ConfigDecoder.describe(node.value)), so it has no key '\(key)'"
                    ))
            }
        }
        walk(&config, 0)
        if let failure { throw failure }
    }

    private func notInConfig(keys: [String], mapping: [String], override: Override) -> ConfigError {
        let path = keys.joined(separator: ".")
        var notes: [String] = []
        if let last = keys.last, let close = Suggestion.closest(to: last, in: mapping) {
            notes.append("help: did you mean '\((keys.dropLast() + [close]).joined(separator: "."))'?")
        }
        if !keys.isEmpty, let close = Suggestion.closest(to: path, in: groups), keys.count == 1 {
            notes.append("help: did you mean the config group '\(close)'?")
        }
        notes.append("help: to add it, use '+\(override.text)'")
        return ConfigError(Self.keyOrigin(override).diagnostic("there is no key '\(path)' in the config", notes: notes))
    }

    private func suggestion(for keys: [String], in config: ConfigNode) -> [String] {
        guard let parent = config.node(at: keys.dropLast()), case .mapping(let mapping) = parent.value,
            let last = keys.last, let close = Suggestion.closest(to: last, in: Array(mapping.keys))
        else { return [] }
        return ["help: did you mean '\((keys.dropLast() + [close]).joined(separator: "."))'?"]
    }

    /// Python's `==` between config values: `1 == 1.0`, `True == 1`, containers by content.
    static func pythonEqual(_ a: ConfigNode, _ b: ConfigNode) -> Bool {
        func number(_ v: ConfigNode.Value) -> Double? {
            switch v {
            case .int(let i): return Double(i)
            case .float(let d): return d
            case .bool(let b): return b ? 1 : 0
            default: return nil
            }
        }
        if let x = number(a.value), let y = number(b.value) { return x == y }
        return a == b
    }
}

extension ConfigNode {
    /// Whether the value is `null`.
    var isNull: Bool {
        if case .null = value { return true }
        return false
    }
}
