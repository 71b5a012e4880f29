/// What a results table shows: columns, grouping, filter, order.
public struct ResultsOptions: Sendable, Hashable {
    /// The metric columns; empty: every metric the cells wrote except `step` and `epoch`.
    public var metrics: [MetricSpec] = []
    /// `--by`: group on these keys only (every other varying key is averaged over); nil: group
    /// on every varying key except the repeat axis.
    public var by: [String]?
    /// `--over`: the repeat axis; nil: the sweep's (`sweep.over`), else `seed`.
    public var over: String?
    /// `--sort`: the metric that orders the rows; nil: the sweep's `sweep.metric`.
    public var sort: MetricSpec?
    /// The direction of `sort`; nil: descending for `-METRIC` or `--desc`, else the sweep's
    /// `sweep.mode`, else ascending.
    public var direction: SortDirection?
    /// `--where`: every condition must hold for a cell to be shown.
    public var filters: [Filter] = []
    /// `--top`: only the first N rows after sorting.
    public var top: Int?

    /// Default options.
    public init(
        metrics: [MetricSpec] = [], by: [String]? = nil, over: String? = nil, sort: MetricSpec? = nil,
        direction: SortDirection? = nil, filters: [Filter] = [], top: Int? = nil
    ) {
        self.metrics = metrics
        self.by = by
        self.over = over
        self.sort = sort
        self.direction = direction
        self.filters = filters
        self.top = top
    }

    /// Metric names left out of the default columns (progress counters, not results).
    public static let counters: Set<String> = ["step", "epoch"]
}
