/// Places equally sized panels in rows and columns (small multiples).
public struct GridLayout: Hashable, Sendable {
    /// Number of panels.
    public var count: Int
    /// Number of columns.
    public var columns: Int
    /// Size of each panel's cell (including the panel's own margins).
    public var cellWidth: Double
    /// Height of each cell.
    public var cellHeight: Double
    /// The origin of the first cell.
    public var origin: Point

    /// Creates a layout of `count` cells in `columns` columns (at least one of each).
    public init(count: Int, columns: Int, cellWidth: Double, cellHeight: Double, origin: Point = Point(x: 0, y: 0)) {
        self.count = max(count, 0)
        self.columns = max(1, min(columns, max(count, 1)))
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
        self.origin = origin
    }

    /// Number of rows.
    public var rows: Int { (count + columns - 1) / columns }

    /// Total width of the grid.
    public var width: Double { Double(columns) * cellWidth }

    /// Total height of the grid.
    public var height: Double { Double(rows) * cellHeight }

    /// The cell of panel `index` (row-major).
    public func cell(_ index: Int) -> Rect {
        Rect(
            x: origin.x + Double(index % columns) * cellWidth, y: origin.y + Double(index / columns) * cellHeight,
            width: cellWidth, height: cellHeight)
    }

    /// Whether panel `index` is in the first column (where y tick labels are usually drawn).
    public func isFirstColumn(_ index: Int) -> Bool { index % columns == 0 }

    /// Whether panel `index` is in the last row, or has no panel below it.
    public func isBottom(_ index: Int) -> Bool { index + columns >= count }
}
