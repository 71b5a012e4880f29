/// What `sweep report` lays out: the keys of the figure grid's rows and columns.
public struct ReportOptions: Sendable, Hashable {
    /// `--rows`: the key whose values are the figure grid's rows; nil: chosen automatically.
    public var rowKey: String?
    /// `--cols`: the key whose values are the figure grid's columns; nil: chosen automatically.
    public var columnKey: String?
    /// At most this many learning-curve charts (one per main metric).
    public var maximumCurveCharts = 8
    /// Figure files larger than this many bytes are listed, not embedded.
    public var maximumFigureBytes = 8 << 20

    /// Default options.
    public init(rowKey: String? = nil, columnKey: String? = nil) {
        self.rowKey = rowKey
        self.columnKey = columnKey
    }
}
