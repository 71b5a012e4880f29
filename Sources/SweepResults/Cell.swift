public import Collections
public import SweepLauncher

/// One cell of a sweep as read from disk: its overrides, state and metrics.
public struct Cell: Sendable {
    /// The sweep directory the cell belongs to.
    public var sweep: String
    /// The cell's index in the plan.
    public var index: Int
    /// The cell's stable id.
    public var id: String
    /// The cell's directory.
    public var directory: String
    /// The override key (without `+`/`++`) → value text, in override order.
    public var overrides: OrderedDictionary<String, String>
    /// The state from status.json.
    public var state: CellState
    /// Per-metric statistics from metrics.jsonl, keyed by name.
    public var metrics: [String: MetricStats]
    /// Final values from summary.json, keyed by name.
    public var summary: [String: Double]
    /// Metric names in first-seen order (metrics.jsonl, then summary.json).
    public var metricOrder: [String]

    /// Creates a cell.
    public init(
        sweep: String, index: Int, id: String, directory: String, overrides: OrderedDictionary<String, String>,
        state: CellState, metrics: [String: MetricStats] = [:], summary: [String: Double] = [:],
        metricOrder: [String] = []
    ) {
        self.sweep = sweep
        self.index = index
        self.id = id
        self.directory = directory
        self.overrides = overrides
        self.state = state
        self.metrics = metrics
        self.summary = summary
        self.metricOrder = metricOrder
    }

    /// The cell's value of a metric column, or nil when the cell never wrote it.
    public func value(_ spec: MetricSpec) -> Double? {
        if spec.reduction == .final, let v = summary[spec.name] { return v }
        return metrics[spec.name]?.value(spec.reduction)
    }
}
