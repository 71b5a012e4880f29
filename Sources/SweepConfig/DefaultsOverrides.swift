import Collections
import SweepYAML

/// The command-line overrides sorted the way Hydra's defaults list needs them (a port of
/// Hydra 1.3's `Overrides`): group choices, appended groups, deletions and config overrides,
/// plus the bookkeeping of which group choices were seen and used.
final class DefaultsOverrides {
    struct Metadata {
        var external: Bool
        var containingConfigPath: String?
        var used = false
        var override: Override?
        var origin: Origin
    }

    struct Deletion {
        var name: String?
        var used = false
        var override: Override
    }

    var choices: OrderedDictionary<String, DefaultElement.GroupValue> = [:]
    var metadata: [String: Metadata] = [:]
    var appendedGroups: [DefaultElement] = []
    var configOverrides: [Override] = []
    var deletions: OrderedDictionary<String, Deletion> = [:]
    var knownChoices: OrderedDictionary<String, String?> = [:]
    var knownChoicesPerGroup: [String: Set<String>] = [:]

    init(_ overrides: [Override], repository: ConfigRepository) throws(ConfigError) {
        for override in overrides {
            let isGroup = repository.groupExists(override.key)
            var isDict = false
            if case .dict? = override.value { isDict = true }
            if isDict || !isGroup {
                configOverrides.append(override)
                continue
            }
            let key = override.key + (override.package.map { "@" + ($0.isEmpty ? "_global_" : $0) } ?? "")
            switch override.kind {
            case .forceAdd:
                throw ConfigError(
                    Diagnostic(
                        "'++' cannot add a config group; use '+\(override.text.dropFirst(2))'",
                        at: .override(text: override.text, column: 1)))
            case .delete:
                var name: String?
                if let value = override.value {
                    guard let s = value.stringValue else {
                        throw ConfigError(
                            override.origin.diagnostic(
                                "deleting the group '\(override.key)' takes the name of an option, not \(Self.describe(value))"
                            ))
                    }
                    name = s
                }
                deletions[key] = Deletion(name: name, override: override)
            case .add, .change:
                let groupValue: DefaultElement.GroupValue
                switch override.value {
                case .string(let s)?, .quoted(let s, _)?: groupValue = .name(s)
                case .list(let items)?:
                    var names: [String] = []
                    for item in items {
                        guard let s = item.stringValue else {
                            throw ConfigError(
                                override.origin.diagnostic(
                                    "the options of the group '\(override.key)' must be names, not \(Self.describe(item))"
                                ))
                        }
                        names.append(s)
                    }
                    groupValue = .options(names)
                case .null?, nil:
                    throw ConfigError(
                        override.origin.diagnostic(
                            "'\(override.key)' is a config group: choose one of its options, or remove it with '~\(override.key)'",
                            notes: Self.optionsNote(repository.options(of: override.key))))
                case let value?:
                    throw ConfigError(
                        override.origin.diagnostic(
                            "'\(override.key)' is a config group: its value must name an option, not \(Self.describe(value))",
                            notes: Self.optionsNote(repository.options(of: override.key))))
                }
                if override.kind == .add {
                    let element = DefaultElement(
                        .group(override.key, groupValue), package: override.package, origin: override.origin)
                    element.externalAppend = true
                    appendedGroups.append(element)
                } else {
                    choices[key] = groupValue
                    metadata[key] = Metadata(external: true, override: override, origin: override.origin)
                }
            }
        }
    }

    static func describe(_ value: OverrideValue) -> String {
        ConfigDecoder.describe(value.configNode(origin: .none).value)
    }

    static func optionsNote(_ options: [String]) -> [String] {
        options.isEmpty ? [] : ["note: the options are: " + options.joined(separator: ", ")]
    }

    func addOverride(parentConfigPath: String, _ element: DefaultElement) {
        let key = element.overrideKey
        guard choices[key] == nil, case .group(_, let value) = element.kind else { return }
        choices[key] = value
        metadata[key] = Metadata(external: false, containingConfigPath: parentConfigPath, origin: element.origin)
    }

    func isOverridden(_ element: DefaultElement) -> Bool {
        element.isGroup && choices[element.overrideKey] != nil
    }

    func overrideDefaultOption(_ element: DefaultElement) {
        let key = element.overrideKey
        guard let value = choices[key], case .group(let group, _) = element.kind else { return }
        element.kind = .group(group, value)
        element.configNameOverridden = true
        if let origin = metadata[key]?.origin { element.origin = origin }
        metadata[key]?.used = true
    }

    func setKnownChoice(_ element: DefaultElement) throws(ConfigError) {
        guard element.isGroup else { return }
        let key = element.overrideKey
        if let previous = knownChoices[key] {
            if element.name != previous {
                throw ConfigError(
                    element.origin.diagnostic(
                        "'\(key)' is chosen twice in the defaults lists, as '\(previous ?? "null")' and as '\(element.name ?? "null")'",
                        notes: ["help: to change an earlier choice, write 'override \(key): \(element.name ?? "null")'"]
                    ))
            }
        } else {
            knownChoices[key] = element.name
        }
        knownChoicesPerGroup[element.groupPath, default: []].insert(key)
    }

    func isDeleted(_ element: DefaultElement) -> Bool {
        guard element.isGroup, let deletion = deletions[element.overrideKey] else { return false }
        return deletion.name == nil || deletion.name == element.name
    }

    func delete(_ element: DefaultElement) {
        element.deleted = true
        deletions[element.overrideKey]?.used = true
    }

    func ensureOverridesUsed(repository: ConfigRepository) throws(ConfigError) {
        for (key, meta) in metadata where !meta.used {
            let group = String(key.split(separator: "@", maxSplits: 1).first ?? "")
            let known = knownChoicesPerGroup[group, default: []].sorted()
            var message = "the config group '\(key)' is not in the defaults list, so it cannot be changed"
            if let path = meta.containingConfigPath {
                message = "in '\(path)': " + message
            }
            var notes: [String] = []
            if known.count == 1, let only = known.first {
                notes.append("help: did you mean '\(only)'?")
            } else if known.count > 1 {
                notes.append("help: did you mean one of: \(known.joined(separator: ", "))?")
            }
            if meta.external, let override = meta.override {
                notes.append("help: to add it to the defaults list, use '+\(override.text)'")
            }
            throw ConfigError(meta.origin.diagnostic(message, notes: notes))
        }
    }

    func ensureDeletionsUsed() throws(ConfigError) {
        for (key, deletion) in deletions where !deletion.used {
            let what = deletion.name.map { "\(key)=\($0)" } ?? key
            var notes: [String] = []
            if let name = deletion.name, let current = knownChoices[key] {
                notes.append("note: '\(key)' is '\(current ?? "null")', not '\(name)'")
            }
            throw ConfigError(
                Diagnostic(
                    "cannot delete '\(what)': no such entry in the defaults list",
                    at: .override(text: deletion.override.text, column: 1), notes: notes))
        }
    }
}
