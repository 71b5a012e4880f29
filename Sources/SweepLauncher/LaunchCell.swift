public import SweepConfig

/// One cell of a sweep as the launcher receives it: its place, stable id, run directory name,
/// overrides and composed, resolved config.
public struct LaunchCell: Sendable {
    /// The cell's position in launch order (0-based).
    public var index: Int
    /// The cell's stable id (a hash of its resolved config).
    public var id: String
    /// The name of the cell's run directory inside the sweep directory (sanitised by the planner).
    public var directoryName: String
    /// The override strings that make this cell.
    public var overrides: [String]
    /// The composed, resolved config; a top-level `sweep:` section is dropped before the trainer sees it.
    public var config: ConfigNode

    /// Creates a cell.
    public init(index: Int, id: String, directoryName: String, overrides: [String], config: ConfigNode) {
        self.index = index
        self.id = id
        self.directoryName = directoryName
        self.overrides = overrides
        self.config = config
    }

    /// The cell's line of `cells.jsonl`.
    public var record: CellRecord {
        CellRecord(index: index, id: id, directoryName: directoryName, overrides: overrides)
    }
}
