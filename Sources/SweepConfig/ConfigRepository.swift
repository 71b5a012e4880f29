import Foundation
import SweepYAML

/// The config files under one root folder: sub-folders are config groups, `.yaml` files are
/// configs. Loaded files are cached, so that each file is read and parsed once per composition.
final class ConfigRepository {
    /// A config file as loaded: its content without the defaults list, its header package and
    /// its defaults list.
    struct Loaded: Sendable {
        var body: ConfigNode
        var headerPackage: String?
        var defaults: [DefaultElement.Spec]
        var hasDefaults: Bool
        var file: String
    }

    /// The root folder; empty for the current directory (so that paths print as given).
    let root: String
    private let cache: ConfigCache

    init(root: String, cache: ConfigCache = ConfigCache()) {
        self.root = root
        self.cache = cache
    }

    /// The file a config path names (`model/vae` → `<root>/model/vae.yaml`).
    func file(_ configPath: String) -> String {
        let name = configPath.hasSuffix(".yaml") ? configPath : configPath + ".yaml"
        return full(name)
    }

    /// A path under the root as the file system takes it.
    func full(_ path: String) -> String {
        if root.isEmpty { return path.isEmpty ? "." : path }
        return path.isEmpty ? root : (root as NSString).appendingPathComponent(path)
    }

    func groupExists(_ path: String) -> Bool {
        cache.fileKind(full(path)) == .directory
    }

    func configExists(_ configPath: String) -> Bool {
        cache.fileKind(file(configPath)) == .file
    }

    /// The options of a group: its `.yaml` files without the extension, sorted.
    func options(of group: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: full(group))) ?? []
        return names.filter { $0.hasSuffix(".yaml") && configExists(group.isEmpty ? $0 : group + "/" + $0) }
            .map { String($0.dropLast(5)) }.sorted()
    }

    /// Loads a config by path; nil when no such file exists.
    func load(_ configPath: String) throws(ConfigError) -> Loaded? {
        if let cached = cache.loaded(configPath) { return cached }
        guard configExists(configPath) else {
            cache.store(nil, for: configPath)
            return nil
        }
        let path = file(configPath)
        let parsed: ConfigNode?
        do {
            parsed = try ConfigNode.parse(contentsOf: path)
        } catch {
            throw ConfigError(error.diagnostic)
        }
        let header = try Self.headerPackage(path)
        var loaded = Loaded(
            body: .emptyMapping(origin: .file(Mark(file: path, line: 1, column: 1))), headerPackage: header,
            defaults: [], hasDefaults: false, file: path)
        if let config = parsed {
            switch config.value {
            case .mapping(var mapping):
                if let defaults = mapping.removeValue(forKey: "defaults") {
                    loaded.defaults = try Self.defaultsList(defaults, configPath: configPath)
                    loaded.hasDefaults = true
                }
                loaded.body = ConfigNode(.mapping(mapping), origin: config.origin)
            case .null:
                break
            case .sequence:
                loaded.body = config
            default:
                throw ConfigError(
                    config.origin.diagnostic(
                        "a config file must hold a mapping at the top, not \(ConfigDecoder.describe(config.value))"))
            }
        }
        cache.store(loaded, for: configPath)
        return loaded
    }

    /// The `# @package` header: leading comment lines `# @key value` in the first 512 bytes.
    static func headerPackage(_ path: String) throws(ConfigError) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 512)) ?? Data()
        let text = String(decoding: data, as: UTF8.self)
        var package: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            guard line.hasPrefix("#"),
                line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces).hasPrefix("@")
            else { break }
            let content = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
            let parts = content.split(separator: " ", omittingEmptySubsequences: true)
            let mark = Mark(file: path, line: index + 1, column: 1)
            guard parts.count == 2 else {
                throw ConfigError(
                    Diagnostic.at(
                        mark,
                        parts.count < 2
                            ? "a header line must read '# @KEY VALUE', such as '# @package _global_'"
                            : "too many words in the header line '\(content)'"))
            }
            if parts[0] == "@package" { package = String(parts[1]) }
        }
        return package
    }

    /// Reads a `defaults:` sequence into elements.
    static func defaultsList(_ node: ConfigNode, configPath: String) throws(ConfigError) -> [DefaultElement.Spec] {
        guard case .sequence(let items) = node.value else {
            throw ConfigError(
                node.origin.diagnostic(
                    "'defaults' must be a list, not \(ConfigDecoder.describe(node.value))",
                    notes: ["help: write each entry on its own line as '- group: option'"]))
        }
        var result: [DefaultElement.Spec] = []
        for item in items {
            switch item.value {
            case .string(let text):
                let (path, package) = splitPackage(text)
                result.append(DefaultElement.Spec(kind: .config(path: path), package: package, origin: item.origin))
            case .mapping(let mapping):
                guard mapping.count == 1, let (key, value) = mapping.elements.first else {
                    throw ConfigError(
                        item.origin.diagnostic(
                            "a defaults entry must have exactly one key, this one has \(mapping.count)",
                            notes: ["help: write each entry on its own line as '- group: option'"]))
                }
                var words = key.split(separator: " ").map(String.init)
                let groupWithPackage = words.removeLast()
                var optional = false
                var isOverride = false
                for word in words {
                    if word == "optional" {
                        optional = true
                    } else if word == "override" {
                        isOverride = true
                    } else {
                        throw ConfigError(
                            item.origin.diagnostic(
                                "unknown keyword '\(word)' in the defaults entry '\(key)'",
                                notes: ["help: the keywords are 'optional' and 'override'"]))
                    }
                }
                let (group, package) = splitPackage(groupWithPackage)
                let groupValue: DefaultElement.GroupValue
                switch value.value {
                case .null: groupValue = .name(nil)
                case .missing: groupValue = .name("???")
                case .string(let s): groupValue = .name(s)
                case .sequence(let options):
                    var names: [String] = []
                    for option in options {
                        guard case .string(let s) = option.value else {
                            throw ConfigError(
                                option.origin.diagnostic(
                                    "the options of '\(group)' must be names of configs, not \(ConfigDecoder.describe(option.value))"
                                ))
                        }
                        names.append(s)
                    }
                    groupValue = .options(names)
                default:
                    throw ConfigError(
                        value.origin.diagnostic(
                            "the option of '\(group)' must be a config name, a list of names or null, not \(ConfigDecoder.describe(value.value))",
                            notes: ["help: quote it if it is a file name: \(group): '\(value.description)'"]))
                }
                result.append(
                    DefaultElement.Spec(
                        kind: .group(group, groupValue), package: package, optional: optional, isOverride: isOverride,
                        origin: value.origin))
            default:
                throw ConfigError(
                    item.origin.diagnostic(
                        "a defaults entry must be a config name or 'group: option', not \(ConfigDecoder.describe(item.value))"
                    ))
            }
        }
        return result
    }

    /// `group@pkg` → (`group`, `pkg`); a `:` rename part after the package is dropped as in Hydra.
    static func splitPackage(_ text: String) -> (String, String?) {
        guard let at = text.firstIndex(of: "@") else { return (text, nil) }
        var package = String(text[text.index(after: at)...])
        if let colon = package.firstIndex(of: ":") { package = String(package[..<colon]) }
        return (String(text[..<at]), package)
    }
}
