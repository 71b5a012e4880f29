import Collections
public import SweepConfig

/// A cell that composed and passed the trainer's schema, with its identity.
public struct CheckedCell: Sendable {
    /// The cell.
    public var cell: Cell
    /// A hash of the resolved config without `sweep:` (so of its seed too): equal configs,
    /// equal ids, whatever the overrides that made them.
    public var id: String
    /// The composed, resolved config (with its `sweep:` section).
    public var config: ConfigNode
    /// The index of an earlier cell with the same resolved config; such a cell runs once.
    public var duplicateOf: Int?

    /// Creates a checked cell.
    public init(cell: Cell, id: String, config: ConfigNode, duplicateOf: Int? = nil) {
        self.cell = cell
        self.id = id
        self.config = config
        self.duplicateOf = duplicateOf
    }

    /// The cell as a JSON object (`index`, `id`, `overrides`, `dir`, and `duplicate_of` for a
    /// duplicate): one element of `sweep plan --json`, one line of a sweep's `cells.jsonl`.
    public var jsonObject: ConfigNode {
        var object = OrderedDictionary<String, ConfigNode>()
        object["index"] = ConfigNode(.int(cell.index))
        object["id"] = ConfigNode(.string(id))
        object["overrides"] = ConfigNode(.sequence(cell.overrides.map { ConfigNode(.string($0)) }))
        object["dir"] = ConfigNode(.string(cell.dir))
        if let duplicateOf { object["duplicate_of"] = ConfigNode(.int(duplicateOf)) }
        return ConfigNode(.mapping(object))
    }
}
