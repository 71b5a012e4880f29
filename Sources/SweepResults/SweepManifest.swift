public import SweepConfig
internal import SweepYAML

/// What the results stage takes from a sweep's `sweep.yaml`: the metric to rank by, its
/// direction and the repeat axis.
public struct SweepManifest: Sendable, Hashable {
    /// `sweep.metric`: the metric that ranks the rows by default.
    public var metric: String?
    /// `sweep.mode`: `min` or `max` (default `min`).
    public var mode: SortDirection?
    /// `sweep.over` (or `sweep.repeat`): the repeat axis, when the sweep names one.
    public var repeatKey: String?

    /// An empty manifest.
    public init(metric: String? = nil, mode: SortDirection? = nil, repeatKey: String? = nil) {
        self.metric = metric
        self.mode = mode
        self.repeatKey = repeatKey
    }

    /// Reads the settings from a manifest tree: under `sweep:`, `planner:`, `launcher:` or at
    /// the top level, in that order.
    public init(node: ConfigNode) {
        func string(_ key: String) -> String? {
            for section in ["sweep", "planner", "launcher", ""] {
                let path = section.isEmpty ? key : section + "." + key
                if case .string(let s)? = node.node(atPath: path)?.value, !s.isEmpty { return s }
            }
            return nil
        }
        metric = string("metric")
        switch string("mode")?.lowercased() {
        case "max"?, "maximize"?: mode = .descending
        case "min"?, "minimize"?: mode = .ascending
        default: mode = nil
        }
        repeatKey = string("over") ?? string("repeat")
    }

    /// Reads `path` (a `sweep.yaml`); nil when the file is missing, a warning when it is unreadable.
    static func read(_ path: String, warnings: inout [String]) -> SweepManifest? {
        guard FileSystem.exists(path) else { return nil }
        do {
            guard let root = try YAML.parse(contentsOf: path) else { return SweepManifest() }
            return SweepManifest(node: ConfigNode(yaml: root))
        } catch {
            let first = error.description.split(separator: "\n").first.map(String.init) ?? "unreadable"
            warnings.append("\(path): warning: cannot read the manifest (\(first)); ignored")
            return nil
        }
    }
}
