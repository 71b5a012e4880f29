public import Collections
public import SweepLauncher

/// One row per setting of the grouping keys, with the metrics of its cells aggregated.
public struct ResultsTable: Sendable {
    /// One row.
    public struct Row: Sendable {
        /// The row's value of every key column (nil: the cells do not set that key).
        public var keys: [String?]
        /// One aggregate per metric column (nil: no cell of the row wrote that metric).
        public var values: [Aggregate?]
        /// How many cells the row holds.
        public var cells: Int
        /// How many of them are done (only these are averaged in a grouped table).
        public var done: Int
        /// How many failed, timed out or were cancelled.
        public var failed: Int
        /// How many are pending or running.
        public var unfinished: Int
        /// The state, when the row is one cell.
        public var state: CellState?
        /// Whether this is the best row (by the sort metric).
        public var isBest: Bool = false
    }

    /// Keys with one value in every cell (listed once above the table).
    public var constants: OrderedDictionary<String, String>
    /// The key columns.
    public var keyColumns: [String]
    /// Keys that vary but are averaged over (the repeat axis, or what `--by` leaves out).
    public var averagedOver: [String]
    /// The metric columns.
    public var metricColumns: [MetricSpec]
    /// Whether rows aggregate several cells (mean ± std, n) rather than show one cell each.
    public var isGrouped: Bool
    /// The rows, sorted and cut to `--top`.
    public var rows: [Row]
    /// The sort column and direction, when the rows are ranked.
    public var sort: (metric: MetricSpec, direction: SortDirection)?
    /// Rows left out by `--top`.
    public var omittedRows: Int
}

extension ResultsTable {
    /// Builds the table of `cells` (already read), with warnings for settings that cannot apply.
    public init(
        cells allCells: [Cell], manifest: SweepManifest = SweepManifest(), options: ResultsOptions,
        warnings: inout [String]
    ) throws(ResultsError) {
        let keys = KeyAnalysis(allCells)
        let cells = try Self.filter(allCells, options.filters, keys: keys)
        let analysis = KeyAnalysis(cells)
        let repeatKey = options.over ?? manifest.repeatKey ?? "seed"
        if let over = options.over, !keys.all.contains(over) {
            throw ResultsError.unknownKey(over, option: "--over", known: keys.all)
        }
        var groupKeys: [String]
        if let by = options.by {
            for key in by where !keys.all.contains(key) {
                throw ResultsError.unknownKey(key, option: "--by", known: keys.all)
            }
            groupKeys = by
        } else {
            groupKeys = analysis.varying.filter { $0 != repeatKey }
        }
        constants = analysis.constants
        for key in groupKeys { constants.removeValue(forKey: key) }
        keyColumns = groupKeys
        averagedOver = analysis.varying.filter { !groupKeys.contains($0) }

        // Metric columns and the sort column.
        var columns = options.metrics.isEmpty ? Self.defaultMetrics(cells) : options.metrics
        var sortSpec = options.sort
        var direction = options.direction
        if sortSpec == nil, let metric = manifest.metric {
            let spec = (try? MetricSpec(parsing: metric)) ?? MetricSpec(metric)
            if cells.contains(where: { $0.value(spec) != nil }) || cells.isEmpty {
                sortSpec = spec
                direction = direction ?? manifest.mode
            } else {
                warnings.append("warning: no cell wrote sweep.metric '\(metric)'; rows are not ranked")
            }
        }
        if let spec = sortSpec {
            if let match = columns.first(where: { $0.name == spec.name && (spec.reduction == .final || $0 == spec) }) {
                sortSpec = match
            } else {
                columns.append(spec)
            }
            if !allCells.isEmpty, !allCells.contains(where: { $0.value(spec) != nil }) {
                let names = Set(allCells.flatMap(\.metricOrder))
                var error = ResultsError("no cell wrote the metric '\(spec.name)'")
                if let near = Suggestions.closest(to: spec.name, in: names) {
                    error.notes.append("help: did you mean '\(near)'?")
                }
                throw error
            }
        }
        for spec in options.metrics where !allCells.contains(where: { $0.value(spec) != nil }) {
            let names = Set(allCells.flatMap(\.metricOrder))
            let near = Suggestions.closest(to: spec.name, in: names).map { " (did you mean '\($0)'?)" } ?? ""
            warnings.append("warning: no cell wrote the metric '\(spec.name)'\(near)")
        }
        metricColumns = columns

        // Groups in plan order.
        var groups: OrderedDictionary<[String?], [Int]> = [:]
        for (i, cell) in cells.enumerated() {
            groups[groupKeys.map { cell.overrides[$0] }, default: []].append(i)
        }
        let grouped = groups.values.contains { $0.count > 1 }
        isGrouped = grouped
        var rows: [Row] = groups.map { key, members in
            var row = Row(
                keys: key, values: [], cells: members.count, done: 0, failed: 0, unfinished: 0,
                state: members.count == 1 ? cells[members[0]].state : nil)
            for m in members {
                let state = cells[m].state
                if state == .done { row.done += 1 }
                if state.isFailure { row.failed += 1 }
                if state.isUnfinished { row.unfinished += 1 }
            }
            // One cell per row: the cell shows what it wrote, whatever its state. Grouped: done
            // cells only.
            let contributing = grouped ? members.filter { cells[$0].state == .done } : members
            row.values = columns.map { spec in Aggregate(contributing.compactMap { cells[$0].value(spec) }) }
            return row
        }

        if let spec = sortSpec, let column = columns.firstIndex(of: spec) {
            let dir = direction ?? .ascending
            sort = (spec, dir)
            rows = Self.ranked(rows, column: column, direction: dir)
            if let first = rows.first, let value = first.values[column]?.mean, !value.isNaN {
                rows[0].isBest = true
            }
        } else {
            sort = nil
        }
        omittedRows = 0
        if let top = options.top, top >= 0, rows.count > top {
            omittedRows = rows.count - top
            rows.removeLast(rows.count - top)
        }
        self.rows = rows
    }

    /// Every metric the cells wrote, in first-seen order, without the progress counters.
    static func defaultMetrics(_ cells: [Cell]) -> [MetricSpec] {
        var seen: OrderedSet<String> = []
        for cell in cells {
            for name in cell.metricOrder where !ResultsOptions.counters.contains(name) { seen.append(name) }
        }
        return seen.map { MetricSpec($0) }
    }

    /// Rows ordered by one column; rows without a value (or NaN) last, ties in plan order.
    static func ranked(_ rows: [Row], column: Int, direction: SortDirection) -> [Row] {
        let indexed = rows.enumerated().map { ($0.offset, $0.element) }
        return indexed.sorted { a, b in
            let x = a.1.values[column]?.mean
            let y = b.1.values[column]?.mean
            let xOK = x.map { !$0.isNaN } ?? false
            let yOK = y.map { !$0.isNaN } ?? false
            if xOK != yOK { return xOK }
            if let x, let y, xOK, x != y { return direction == .ascending ? x < y : x > y }
            return a.0 < b.0
        }.map(\.1)
    }

    /// The cells that pass every filter.
    static func filter(_ cells: [Cell], _ filters: [Filter], keys: KeyAnalysis) throws(ResultsError) -> [Cell] {
        guard !filters.isEmpty else { return cells }
        let metricNames = Set(cells.flatMap(\.metricOrder))
        var tests: [(Cell) -> Bool] = []
        for filter in filters {
            if keys.all.contains(filter.key) {
                tests.append { filter.matches($0.overrides[filter.key]) }
            } else if let spec = try? MetricSpec(parsing: filter.key), metricNames.contains(spec.name) {
                tests.append { filter.matches(number: $0.value(spec)) }
            } else {
                throw ResultsError.unknownKey(filter.key, option: "--where", known: keys.all.union(metricNames))
            }
        }
        return cells.filter { cell in tests.allSatisfy { $0(cell) } }
    }
}

extension ResultsError {
    /// An option names a key no cell has.
    static func unknownKey(_ key: String, option: String, known: Set<String>) -> ResultsError {
        var error = ResultsError("\(option) names '\(key)', which no cell sets")
        if let near = Suggestions.closest(to: key, in: known) {
            error.notes.append("help: did you mean '\(near)'?")
        }
        if !known.isEmpty, known.count <= 20 {
            error.notes.append("help: the keys are " + known.sorted().joined(separator: ", "))
        }
        return error
    }
}
