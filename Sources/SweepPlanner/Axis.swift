/// One dimension of a grid: one key, or several zipped keys that move together, with the
/// override line each key takes at every position.
public struct Axis: Sendable, Equatable {
    /// The key elements (`lr`, `+tag`, `model`), one per zipped key.
    public var keys: [String]
    /// `columns[k][i]` is the override line of `keys[k]` at position `i`.
    public var columns: [Column]

    /// Creates an axis; every column must have the same length.
    public init(keys: [String], columns: [Column]) {
        self.keys = keys
        self.columns = columns
    }

    /// Creates an axis of stored lines; every column must have the same length.
    public init(keys: [String], columns: [[String]]) {
        self.init(keys: keys, columns: columns.map(Column.init))
    }

    /// How many positions the axis has.
    public var count: Int { columns.first?.count ?? 0 }

    /// Whether the axis varies (more than one position), so that run-dir names show it.
    public var varies: Bool { count > 1 }
}
