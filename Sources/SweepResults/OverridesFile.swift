internal import SweepConfig
internal import SweepYAML

/// A cell's `overrides.yaml`: a list of override strings, or a mapping of key → value.
enum OverridesFile {
    /// The override strings `path` holds; empty with a warning when it cannot be read.
    static func read(_ path: String, warnings: inout [String]) -> [String] {
        guard FileSystem.exists(path) else { return [] }
        let root: Node?
        do {
            root = try YAML.parse(contentsOf: path)
        } catch {
            warnings.append("\(path): warning: cannot read the overrides; the cell has none")
            return []
        }
        guard let root else { return [] }
        switch ConfigNode(yaml: root).value {
        case .sequence(let items):
            return items.map(\.description)
        case .mapping(let map):
            return map.map { "\($0.key)=\($0.value.description)" }
        default:
            warnings.append("\(path): warning: expected a list of overrides; the cell has none")
            return []
        }
    }
}
