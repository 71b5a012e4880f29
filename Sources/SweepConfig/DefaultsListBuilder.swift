import Collections
import SweepYAML

/// Builds the final defaults list of a primary config (a port of Hydra 1.3's
/// `defaults_list.py`): expands each config's defaults list into a tree, applies the group
/// overrides, deletions and appended groups, then flattens the tree in merge order.
struct DefaultsListBuilder {
    let repository: ConfigRepository
    let overrides: DefaultsOverrides

    /// The configs to merge, in order, for the primary config at `configPath`.
    func build(primary configPath: String, origin: Origin) throws(ConfigError) -> [ResultDefault] {
        let element = DefaultElement(.config(path: configPath), origin: origin)
        element.primary = true
        let root = DefaultsTree(element, parent: nil)
        let tree = try expand(root, isRoot: true, interpolated: false)
        try overrides.ensureOverridesUsed(repository: repository)
        try overrides.ensureDeletionsUsed()
        var output: [ResultDefault] = []
        collect(tree, into: &output)
        try ensureNoDuplicates(output)
        return output
    }

    private func expand(_ root: DefaultsTree, isRoot: Bool, interpolated: Bool) throws(ConfigError) -> DefaultsTree {
        let parent = root.node
        if isRoot {
            parent.updateParent(baseDir: "", package: "")
            guard repository.configExists(parent.configPath) else {
                throw ConfigError(Diagnostic("config file '\(repository.file(parent.configPath))' does not exist"))
            }
        }
        if !parent.isMissing, parent.name != nil, let loaded = try repository.load(parent.configPath) {
            parent.setPackageHeader(loaded.headerPackage)
        }
        if overrides.isDeleted(parent) {
            overrides.delete(parent)
            return root
        }
        try overrides.setKnownChoice(parent)
        guard parent.name != nil else { return root }
        if parent.isMissing {
            throw missingChoice(parent)
        }
        let path = parent.configPath
        var ancestors: [String] = []
        var up = root.parent
        while let tree = up {
            ancestors.append(tree.node.configPath)
            up = tree.parent
        }
        if ancestors.contains(path) {
            let cycle = ([path] + ancestors.prefix(through: ancestors.firstIndex(of: path) ?? 0)).reversed()
            throw ConfigError(
                parent.origin.diagnostic(
                    "the defaults lists include each other: " + cycle.joined(separator: " -> "),
                    notes: ["help: remove one of these entries to break the cycle"]))
        }
        guard let loaded = try repository.load(path) else {
            if parent.optional {
                parent.deleted = true
                return root
            }
            throw notFound(root)
        }
        var defaults = loaded.defaults.map(DefaultElement.init)
        if !defaults.isEmpty || (isRoot && !overrides.appendedGroups.isEmpty) {
            try validateSelf(parent, &defaults)
        }
        if isRoot {
            defaults.append(contentsOf: overrides.appendedGroups)
        }
        try updateOverrides(defaults, parent: parent, interpolated: interpolated)

        var children: [DefaultsTree.Child] = []
        func addChild(_ tree: DefaultsTree) throws(ConfigError) {
            let subtree = try expand(tree, isRoot: false, interpolated: interpolated)
            children.append(subtree.children == nil ? .leaf(tree.node) : .tree(subtree))
        }
        for element in defaults.reversed() {
            if element.isSelf {
                element.updateParent(baseDir: parent.parentBaseDir ?? "", package: parent.effectivePackage() ?? "")
                children.append(.leaf(element))
                continue
            }
            if element.isOverride { continue }
            element.updateParent(baseDir: parent.groupPath, package: parent.finalPackage())
            if overrides.isOverridden(element) {
                overrides.overrideDefaultOption(element)
            }
            if case .group(let group, .options(let options)) = element.kind {
                for item in options.reversed() {
                    if item.contains("${") {
                        throw ConfigError(
                            element.origin.diagnostic(
                                "in '\(path)': interpolation is not supported in the items of an options list"))
                    }
                    let node = DefaultElement(
                        .config(path: group + "/" + item), package: element.package, origin: element.origin)
                    node.optional = element.optional
                    node.updateParent(baseDir: parent.groupPath, package: parent.finalPackage())
                    try addChild(DefaultsTree(node, parent: root))
                }
            } else if element.isInterpolation {
                children.append(.leaf(element))
            } else {
                try addChild(DefaultsTree(element, parent: root))
            }
        }
        // Deferred interpolations, now that every group of this list has its choice.
        let known = overrides.knownChoices
        for index in children.indices {
            guard case .leaf(let element) = children[index], element.isInterpolation else { continue }
            try resolveInterpolation(element, known: known)
            let tree = DefaultsTree(element, parent: root)
            element.updateParent(baseDir: parent.groupPath, package: parent.finalPackage())
            let subtree = try expand(tree, isRoot: false, interpolated: true)
            if subtree.children != nil { children[index] = .tree(subtree) }
        }
        if !children.isEmpty {
            root.children = children.reversed()
        }
        return root
    }

    /// Checks `_self_` appears at most once and appends it when absent (so that a config's own
    /// content overrides its defaults).
    private func validateSelf(_ parent: DefaultElement, _ defaults: inout [DefaultElement]) throws(ConfigError) {
        var hasSelf = false
        var hasNonOverride = false
        for element in defaults {
            if !element.isOverride { hasNonOverride = true }
            if element.isSelf {
                if hasSelf {
                    throw ConfigError(
                        element.origin.diagnostic(
                            "'_self_' appears twice in the defaults list of '\(parent.configPath)'"))
                }
                hasSelf = true
            }
        }
        if (!hasSelf && hasNonOverride) || defaults.isEmpty {
            defaults.append(DefaultElement(.config(path: "_self_"), origin: parent.origin))
        }
    }

    private func updateOverrides(_ defaults: [DefaultElement], parent: DefaultElement, interpolated: Bool)
        throws(ConfigError)
    {
        var lastOverride: DefaultElement?
        for element in defaults where !element.isSelf {
            element.updateParent(baseDir: parent.groupPath, package: parent.finalPackage())
            if let last = lastOverride, !(element.isOverride || element.externalAppend) {
                throw ConfigError(
                    element.origin.diagnostic(
                        "in '\(parent.configPath)': '\(element.overrideKey): \(element.name ?? "null")' comes after 'override \(last.overrideKey): \(last.name ?? "null")'",
                        notes: ["help: 'override' entries must come last in a defaults list"]))
            }
            if element.isGroup && element.isOverride {
                lastOverride = element
                if interpolated {
                    throw ConfigError(
                        element.origin.diagnostic(
                            "in '\(parent.configPath)': 'override' entries are not allowed under a config group chosen by interpolation"
                        ))
                }
                overrides.addOverride(parentConfigPath: parent.configPath, element)
            }
        }
    }

    /// Resolves `${group}` references in a defaults entry against the known group choices.
    private func resolveInterpolation(_ element: DefaultElement, known: OrderedDictionary<String, String?>)
        throws(ConfigError)
    {
        let text: String
        switch element.kind {
        case .config: text = element.configPath
        case .group(_, .name(let name?)): text = name
        default: return
        }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                throw interpolationError(text, element, known)
            }
            let key = String(rest[start.upperBound..<end])
            guard let value = known[key], let value else {
                throw interpolationError(text, element, known)
            }
            result += value
            rest = rest[rest.index(after: end)...]
        }
        result += rest
        switch element.kind {
        case .config: element.kind = .config(path: result)
        case .group(let group, _): element.kind = .group(group, .name(result))
        }
    }

    private func interpolationError(
        _ text: String, _ element: DefaultElement, _ known: OrderedDictionary<String, String?>
    ) -> ConfigError {
        let keys = known.keys.filter { !$0.isEmpty }
        return ConfigError(
            element.origin.diagnostic(
                "cannot resolve the interpolation '\(text)' in a defaults list",
                notes: keys.isEmpty ? [] : ["note: the groups it can name are: " + keys.joined(separator: ", ")]))
    }

    private func missingChoice(_ element: DefaultElement) -> ConfigError {
        let key = element.overrideKey
        let options = repository.options(of: element.groupPath)
        var notes = ["help: choose one on the command line, e.g. '\(key)=\(options.first ?? "<option>")'"]
        notes += DefaultsOverrides.optionsNote(options)
        return ConfigError(element.origin.diagnostic("the config group '\(key)' must be chosen ('???')", notes: notes))
    }

    private func notFound(_ tree: DefaultsTree) -> ConfigError {
        let element = tree.node
        if element.primary {
            return ConfigError(Diagnostic("config file '\(repository.file(element.configPath))' does not exist"))
        }
        let inParent = tree.parent.map { " (in the defaults of '\($0.node.configPath)')" } ?? ""
        guard element.isGroup else {
            let group = element.groupPath
            var notes: [String] = []
            if let name = element.name, let close = Suggestion.closest(to: name, in: repository.options(of: group)) {
                notes.append("help: did you mean '\(group.isEmpty ? close : group + "/" + close)'?")
            }
            return ConfigError(
                element.origin.diagnostic(
                    "config '\(element.configPath)' not found: no file '\(repository.file(element.configPath))'\(inParent)",
                    notes: notes))
        }
        let group = element.groupPath
        let options = repository.options(of: group)
        var notes: [String] = []
        if let name = element.name, let close = Suggestion.closest(to: name, in: options) {
            notes.append("help: did you mean '\(close)'?")
        }
        notes += DefaultsOverrides.optionsNote(options)
        let name = element.name ?? "null"
        return ConfigError(
            element.origin.diagnostic("the config group '\(group)' has no option '\(name)'\(inParent)", notes: notes))
    }

    private func collect(_ tree: DefaultsTree, into output: inout [ResultDefault]) {
        guard let children = tree.children, !children.isEmpty else {
            add(tree.parent, tree.node, into: &output)
            return
        }
        for child in children {
            switch child {
            case .leaf(let element): add(tree, element, into: &output)
            case .tree(let subtree): collect(subtree, into: &output)
            }
        }
    }

    private func add(_ tree: DefaultsTree?, _ element: DefaultElement, into output: inout [ResultDefault]) {
        if element.deleted || element.isMissing || element.name == nil { return }
        if element.isSelf {
            guard let tree else { return }
            output.append(
                ResultDefault(
                    configPath: tree.node.configPath, package: tree.node.finalPackage(), isSelf: true,
                    primary: tree.node.primary, overrideKey: nil, origin: tree.node.origin))
        } else {
            output.append(
                ResultDefault(
                    configPath: element.configPath, package: element.finalPackage(), isSelf: false,
                    primary: element.primary, overrideKey: element.isGroup ? element.overrideKey : nil,
                    origin: element.origin))
        }
    }

    private func ensureNoDuplicates(_ output: [ResultDefault]) throws(ConfigError) {
        var seen: [String: ResultDefault] = [:]
        for item in output where !item.isSelf {
            guard let key = item.overrideKey else { continue }
            if let first = seen[key] {
                throw ConfigError(
                    item.origin.diagnostic(
                        "the config group '\(key)' appears more than once in the final defaults list",
                        notes: ["note: it was first chosen at \(first.origin)"]))
            }
            seen[key] = item
        }
    }
}
