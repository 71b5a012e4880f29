import Foundation
public import SweepConfig
import SweepYAML

/// A sweep file (under `sweeps/`): the config it sweeps, fixed overrides and a `sweep:` section.
///
/// ```yaml
/// config: ../configs/vae.yaml     # relative to this file's folder
/// overrides: [epochs=1]
/// sweep:
///   params: {beta: "1,10"}
/// ```
public struct SweepFile: Decodable, Sendable {
    /// The primary config, relative to the sweep file's folder.
    public var config: String
    /// Overrides applied to every cell (before those of the command line).
    public var overrides: [String]?
    /// The sweep, merged over the config's own `sweep:` section.
    public var sweep: ConfigNode?

    /// Whether the YAML at `path` is a sweep file: a mapping with a `config:` key and only
    /// `config`, `overrides` and `sweep` keys.
    public static func isSweepFile(_ node: ConfigNode) -> Bool {
        guard case .mapping(let mapping) = node.value, mapping["config"] != nil else { return false }
        return mapping.keys.allSatisfy { ["config", "overrides", "sweep"].contains($0) }
    }

    /// Reads `path` as a sweep file, or nil when it is a config file; YAML errors are located.
    public static func load(_ path: String) throws(ConfigError) -> SweepFile? {
        let root: Node?
        do {
            root = try YAML.parse(contentsOf: path)
        } catch {
            throw ConfigError(error.diagnostic)
        }
        guard let root else { return nil }
        let node = ConfigNode(yaml: root)
        guard isSweepFile(node) else { return nil }
        var file = try ConfigDecoder().decode(SweepFile.self, from: node)
        let folder = (path as NSString).deletingLastPathComponent
        if !file.config.hasPrefix("/") {
            file.config = normalized(folder.isEmpty ? file.config : folder + "/" + file.config)
        }
        return file
    }

    /// A relative path with `.` and `name/..` components removed (`sweeps/../configs/a.yaml` →
    /// `configs/a.yaml`), so that diagnostics show the path a user would write.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined
    }
}
