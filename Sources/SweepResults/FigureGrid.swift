internal import Collections

/// How the report lays out the figures the cells wrote: columns are the values of one swept key,
/// rows those of another, and every setting of the remaining swept keys is a grid of its own.
struct FigureGrid: Sendable {
    /// One grid: the cells for one setting of the keys that are neither rows nor columns.
    struct Panel: Sendable {
        /// The setting of the other keys (empty when there are none).
        var setting: [(key: String, value: String?)]
        /// `cells[row][column]`: the index (into the report's cells) shown there, if any.
        var cells: [[Int?]]
    }

    /// The key of the rows, nil for a single row.
    var rowKey: String?
    /// The key of the columns, nil for a single column.
    var columnKey: String?
    /// The row values (nil: cells that do not set the key).
    var rowValues: [String?]
    /// The column values.
    var columnValues: [String?]
    /// The grids, in the order their settings first occur.
    var panels: [Panel]

    /// Lays out `cells`: the rows and columns are `rowKey` and `columnKey` when given, else the
    /// swept keys with most values (columns first: a single swept key lays its values side by side).
    init(cells: [Cell], rowKey: String?, columnKey: String?) throws(ResultsError) {
        let keys = KeyAnalysis(cells)
        for (key, option) in [(rowKey, "--rows"), (columnKey, "--cols")] {
            if let key, !keys.all.contains(key) {
                throw ResultsError.unknownKey(key, option: option, known: keys.all)
            }
        }
        if let rowKey, rowKey == columnKey {
            throw ResultsError(
                "--rows and --cols name the same key '\(rowKey)'", notes: ["help: give two different keys"])
        }
        var values: [String: [String?]] = [:]
        for key in keys.varying {
            var seen: OrderedSet<String> = []
            var unset = false
            for cell in cells {
                if let value = cell.overrides[key] { seen.append(value) } else { unset = true }
            }
            values[key] = ValueText.ordered(Array(seen)).map { Optional($0) } + (unset ? [nil] : [])
        }
        for key in [rowKey, columnKey].compactMap({ $0 }) where values[key] == nil {
            values[key] = [cells.first?.overrides[key]]
        }
        // Most values first; ties in first-seen order.
        let ranked = keys.varying.enumerated().sorted { a, b in
            let (x, y) = (values[a.element]?.count ?? 0, values[b.element]?.count ?? 0)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
        var free = ranked.filter { $0 != rowKey && $0 != columnKey }
        var columns = columnKey
        var rows = rowKey
        if columns == nil, !free.isEmpty { columns = free.removeFirst() }
        if rows == nil, !free.isEmpty { rows = free.removeFirst() }
        self.rowKey = rows
        self.columnKey = columns
        let rowList = rows.flatMap { values[$0] } ?? [nil]
        let columnList = columns.flatMap { values[$0] } ?? [nil]
        rowValues = rowList
        columnValues = columnList
        let others = keys.varying.filter { free.contains($0) }
        var grids: OrderedDictionary<[String?], [[Int?]]> = [:]
        let empty = Array(repeating: Array(repeating: Int?.none, count: columnList.count), count: rowList.count)
        for (index, cell) in cells.enumerated() {
            let setting = others.map { cell.overrides[$0] }
            let r = rows.map { key in rowList.firstIndex(of: cell.overrides[key]) ?? 0 } ?? 0
            let c = columns.map { key in columnList.firstIndex(of: cell.overrides[key]) ?? 0 } ?? 0
            if grids[setting] == nil { grids[setting] = empty }
            if grids[setting]?[r][c] == nil { grids[setting]?[r][c] = index }
        }
        panels = grids.map { setting, grid in
            Panel(setting: zip(others, setting).map { (key: $0, value: $1) }, cells: grid)
        }
    }
}
