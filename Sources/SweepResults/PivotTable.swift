public import Collections
internal import SweepConfig

/// One metric as a 2-D grid: one row per value of a key, one column per value of another (the
/// way a grid is read: β down, lr across). Each entry aggregates the done cells with that pair.
public struct PivotTable: Sendable {
    /// The key whose values are the rows.
    public var rowKey: String
    /// The key whose values are the columns.
    public var columnKey: String
    /// The metric shown.
    public var metric: MetricSpec
    /// Row values (numeric order when all are numbers, else first-seen order).
    public var rowValues: [String]
    /// Column values (same order rule).
    public var columnValues: [String]
    /// `entries[row][column]`: nil when no done cell has that pair.
    public var entries: [[Aggregate?]]
    /// Keys with one value in every cell (listed above the table).
    public var constants: OrderedDictionary<String, String>
    /// Other varying keys, averaged over.
    public var averagedOver: [String]
    /// Which entry is best, when the direction is known.
    public var best: (row: Int, column: Int)?
    /// The direction that picks the best entry.
    public var direction: SortDirection?

    /// Builds the pivot of `cells` after `options.filters`; `options.metrics` must name one metric
    /// (or the sweep's `sweep.metric` is used).
    public init(
        cells allCells: [Cell], rowKey: String, columnKey: String, manifest: SweepManifest = SweepManifest(),
        options: ResultsOptions, warnings: inout [String]
    ) throws(ResultsError) {
        let keys = KeyAnalysis(allCells)
        for key in [rowKey, columnKey] where !keys.all.contains(key) {
            throw ResultsError.unknownKey(key, option: "--pivot", known: keys.all)
        }
        guard rowKey != columnKey else { throw ResultsError("--pivot needs two different keys, got '\(rowKey)' twice") }
        let spec: MetricSpec
        if options.metrics.count == 1 {
            spec = options.metrics[0]
        } else if options.metrics.isEmpty, let sort = options.sort {
            spec = sort
        } else if options.metrics.isEmpty, let name = manifest.metric {
            spec = (try? MetricSpec(parsing: name)) ?? MetricSpec(name)
        } else {
            throw ResultsError(
                "--pivot shows one metric", notes: ["help: name it with --metric, e.g. --metric test/acc"])
        }
        if !allCells.isEmpty, !allCells.contains(where: { $0.value(spec) != nil }) {
            var error = ResultsError("no cell wrote the metric '\(spec.name)'")
            if let near = Suggestions.closest(to: spec.name, in: Set(allCells.flatMap(\.metricOrder))) {
                error.notes.append("help: did you mean '\(near)'?")
            }
            throw error
        }
        let cells = try ResultsTable.filter(allCells, options.filters, keys: keys)
        let analysis = KeyAnalysis(cells)
        self.rowKey = rowKey
        self.columnKey = columnKey
        metric = spec
        constants = analysis.constants
        constants.removeValue(forKey: rowKey)
        constants.removeValue(forKey: columnKey)
        averagedOver = analysis.varying.filter { $0 != rowKey && $0 != columnKey }
        let repeatKey = options.over ?? manifest.repeatKey ?? "seed"
        let others = averagedOver.filter { $0 != repeatKey }
        if !others.isEmpty {
            warnings.append(
                "warning: the pivot also averages over \(others.joined(separator: ", ")), which vary too; "
                    + "narrow it with --where")
        }
        var rowSeen: OrderedSet<String> = []
        var columnSeen: OrderedSet<String> = []
        for cell in cells {
            if let r = cell.overrides[rowKey] { rowSeen.append(r) }
            if let c = cell.overrides[columnKey] { columnSeen.append(c) }
        }
        let rows = ValueText.ordered(Array(rowSeen))
        let columns = ValueText.ordered(Array(columnSeen))
        rowValues = rows
        columnValues = columns
        var buckets: [String: [String: [Double]]] = [:]
        for cell in cells where cell.state == .done {
            guard let r = cell.overrides[rowKey], let c = cell.overrides[columnKey], let v = cell.value(spec) else {
                continue
            }
            buckets[r, default: [:]][c, default: []].append(v)
        }
        let grid = rows.map { r in columns.map { c in buckets[r]?[c].flatMap { Aggregate($0) } } }
        entries = grid
        direction =
            options.direction
            ?? (manifest.metric.flatMap { try? MetricSpec(parsing: $0) } == spec ? manifest.mode : nil)
        var bestEntry: (row: Int, column: Int)?
        if let direction {
            var bestValue: Double?
            for (i, row) in grid.enumerated() {
                for (j, entry) in row.enumerated() {
                    guard let v = entry?.mean, !v.isNaN else { continue }
                    if let b = bestValue, direction == .ascending ? v >= b : v <= b { continue }
                    bestValue = v
                    bestEntry = (i, j)
                }
            }
        }
        best = bestEntry
    }
}

extension PivotTable {
    /// The text a format gives; ends with a newline.
    public func rendered(_ format: ResultsFormat, style: OutputStyle = .plain) -> String {
        switch format {
        case .table, .md:
            let md = format == .md
            let pm = md ? "±" : style.plusMinus
            let mark = md ? "★" : style.bestMark
            var lines: [String] = []
            if !constants.isEmpty {
                let items = constants.map { md ? "`\($0.key)=\($0.value)`" : "\($0.key)=\($0.value)" }
                lines.append("constant: " + items.joined(separator: md ? ", " : " "))
            }
            if !averagedOver.isEmpty {
                lines.append("mean and sample std (n-1) over: " + averagedOver.joined(separator: ", "))
            }
            lines.append("\(metric) by \(rowKey) (rows) and \(columnKey) (columns)")
            lines.append("")
            let header = ["\(rowKey) \\ \(columnKey)"] + columnValues
            let body = rowValues.indices.map { i in
                [rowValues[i]]
                    + columnValues.indices.map { j -> String in
                        guard let entry = entries[i][j] else { return "-" }
                        var text = NumberText.aggregate(entry, plusMinus: pm)
                        if let best, best == (i, j) { text = mark + " " + text }
                        return text
                    }
            }
            if md {
                func line(_ cells: [String]) -> String {
                    "| " + cells.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ") + " |"
                }
                lines.append(line(header))
                lines.append("|---|" + columnValues.map { _ in "---:|" }.joined())
                lines.append(contentsOf: body.map(line))
            } else {
                let table = TextTable(
                    header: header, alignments: [.left] + columnValues.map { _ in .right }, rows: body)
                let widths = table.widths
                lines.append(style.bold(table.line(header, widths: widths)))
                lines.append(widths.map { String(repeating: style.rule, count: $0) }.joined(separator: "  "))
                lines.append(contentsOf: body.map { table.line($0, widths: widths) })
            }
            if best != nil, let direction {
                lines.append("")
                lines.append("\(mark) best: \(direction == .ascending ? "lowest" : "highest") \(metric)")
            }
            return lines.joined(separator: "\n") + "\n"
        case .csv:
            var lines = [CSVText.line([rowKey] + columnValues)]
            for (i, r) in rowValues.enumerated() {
                lines.append(CSVText.line([r] + entries[i].map { $0.map { NumberText.exact($0.mean) } ?? "" }))
            }
            return lines.joined(separator: "\n") + "\n"
        case .json:
            let object = ConfigNode.object([
                ("metric", ConfigNode(.string(metric.description))),
                ("rows", ConfigNode(.string(rowKey))),
                ("columns", ConfigNode(.string(columnKey))),
                ("row_values", .strings(rowValues)),
                ("column_values", .strings(columnValues)),
                (
                    "entries",
                    ConfigNode(
                        .sequence(
                            entries.map { row in
                                ConfigNode(.sequence(row.map { $0.map(JSONNode.aggregate) ?? ConfigNode(.null) }))
                            }))
                ),
            ])
            return object.jsonText(indent: 2) + "\n"
        }
    }
}
