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
}
