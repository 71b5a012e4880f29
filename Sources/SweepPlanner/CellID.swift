import Collections
public import SweepConfig

/// The identity of a cell: a hash of what the trainer reads.
public enum CellID {
    /// The number of hex digits of an id.
    public static let length = 16

    /// The id of a resolved config: the SHA-256 (first 16 hex digits) of its canonical JSON
    /// (mapping keys sorted, one line) without the orchestrator's `sweep:` section.
    public static func of(_ config: ConfigNode) -> String {
        String(SHA256.hex(canonicalJSON(TrainerSchema.withoutSweep(config))).prefix(length))
    }

    /// The config as one-line JSON with every mapping's keys sorted and integral floats written
    /// as integers (`beta=1` and `beta=1.0` make the same config, as they compare equal).
    public static func canonicalJSON(_ config: ConfigNode) -> String {
        sorted(config).jsonText(indent: 0)
    }

    private static func sorted(_ node: ConfigNode) -> ConfigNode {
        switch node.value {
        case .mapping(let mapping):
            var out = OrderedDictionary<String, ConfigNode>()
            for key in mapping.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
                if let child = mapping[key] { out[key] = sorted(child) }
            }
            return ConfigNode(.mapping(out))
        case .sequence(let items):
            return ConfigNode(.sequence(items.map(sorted)))
        case .float(let d) where d.rounded() == d && abs(d) < 9.0e15:
            return ConfigNode(.int(Int(d)))
        default:
            return ConfigNode(node.value)
        }
    }
}
