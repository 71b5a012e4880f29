import Collections
import Foundation
import SweepYAML

/// Composes a config the way Hydra 1.3 does: the primary file's folder is the config root,
/// its sub-folders are config groups; defaults lists choose and order the files that are
/// merged, then the overrides are applied and interpolations resolved.
public struct Composer: Sendable {
    /// The primary config file, as given.
    public let configFile: String
    /// The environment that `${oc.env:…}` reads.
    public var environment: [String: String]
    /// Files already read, shared by every composition from this value and its copies.
    let cache = ConfigCache()

    /// Creates a composer for a primary config file.
    public init(configFile: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.configFile = configFile
        self.environment = environment
    }

    /// The config root: the folder that holds the primary file (empty for the current folder).
    public var root: String {
        (resolvedFile as NSString).deletingLastPathComponent
    }

    /// The primary file with `.yaml` added when it was left out.
    var resolvedFile: String {
        if !configFile.hasSuffix(".yaml") && !FileManager.default.fileExists(atPath: configFile) {
            return configFile + ".yaml"
        }
        return configFile
    }

    /// The options of a config group (its `.yaml` files), sorted; empty for an unknown group.
    public func options(ofGroup group: String) -> [String] {
        ConfigRepository(root: root, cache: cache).options(of: group)
    }

    /// Parses the overrides and composes.
    public func compose(_ overrides: [String]) throws(ConfigError) -> Composition {
        var parsed: [Override] = []
        var errors: [Diagnostic] = []
        for text in overrides {
            do {
                parsed.append(try Override.parse(text))
            } catch {
                errors += error.diagnostics
            }
        }
        if !errors.isEmpty { throw ConfigError(errors) }
        return try compose(overrides: parsed)
    }

    /// Composes the config with parsed overrides; a sweep override is an error.
    public func compose(overrides: [Override]) throws(ConfigError) -> Composition {
        let sweeps = overrides.filter(\.isSweep)
        if !sweeps.isEmpty {
            throw ConfigError(
                sweeps.map { sweep in
                    Diagnostic(
                        "this is a sweep over several values; compose makes one config",
                        at: .override(text: sweep.text, column: sweep.valueColumn),
                        notes: ["help: to run every value, use 'sweep plan' or 'sweep run' with the same arguments"])
                })
        }
        let file = resolvedFile
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw Self.missingPrimary(file)
        }
        let repository = ConfigRepository(root: root, cache: cache)
        let name = String((file as NSString).lastPathComponent.dropLast(5))
        let applicable = overrides.filter {
            $0.key != "hydra" && !$0.key.hasPrefix("hydra.") && !$0.key.hasPrefix("hydra/")
        }
        let defaultsOverrides = try DefaultsOverrides(applicable, repository: repository)
        let builder = DefaultsListBuilder(repository: repository, overrides: defaultsOverrides)
        let defaults = try builder.build(primary: name, origin: .none)

        var config = ConfigNode.emptyMapping(origin: .file(Mark(file: file, line: 1, column: 1)))
        for item in defaults {
            guard let loaded = try repository.load(item.configPath) else { continue }
            if item.package.isEmpty, !loaded.body.isMapping {
                throw ConfigError(
                    loaded.body.origin.diagnostic(
                        "a config file must hold a mapping at the top, not \(ConfigDecoder.describe(loaded.body.value))",
                        notes: ["help: only a file placed under a package (a group option) may hold a list"]))
            }
            let incoming = ConfigNode.embedded(loaded.body, at: item.package)
            if let conflict = config.mergeConflict(with: incoming) { throw conflict }
            config.merge(incoming)
        }
        if case .mapping(var mapping) = config.value {
            mapping.removeValue(forKey: "hydra")
            config.value = .mapping(mapping)
        }
        try OverrideApplier(listGroups: { Self.groups(in: repository) }).apply(
            defaultsOverrides.configOverrides, to: &config)
        let interpolator = Interpolator(root: config, environment: environment)
        let resolved = try interpolator.resolveAll()
        var choices = OrderedDictionary<String, String?>()
        for (key, value) in defaultsOverrides.knownChoices where !key.hasPrefix("hydra/") {
            choices[key] = value
        }
        return Composition(
            config: resolved, unresolved: config, choices: choices,
            files: defaults.map { repository.file($0.configPath) }, mayHoldMissing: interpolator.sawMissing)
    }

    /// Every group folder under the root, as `a` and `a/b`.
    static func groups(in repository: ConfigRepository) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: repository.full("")) else { return [] }
        var groups: [String] = []
        while let path = enumerator.nextObject() as? String {
            if repository.groupExists(path) { groups.append(path) }
        }
        return groups.sorted()
    }

    static func missingPrimary(_ file: String) -> ConfigError {
        let directory = (file as NSString).deletingLastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        var notes: [String] = []
        if let close = Suggestion.closest(
            to: (file as NSString).lastPathComponent, in: names.filter { $0.hasSuffix(".yaml") })
        {
            notes.append("help: did you mean '\((directory as NSString).appendingPathComponent(close))'?")
        }
        return ConfigError(Diagnostic("config file '\(file)' does not exist", notes: notes))
    }
}
