extension SweepDirectory {
    /// Every cell's record and status, in index order.
    public func cellStatuses() throws(LauncherError) -> [(record: CellRecord, status: CellStatus)] {
        var result: [(record: CellRecord, status: CellStatus)] = []
        for record in try records() {
            result.append((record, try status(of: record)))
        }
        return result
    }

    /// What `sweep status` prints: the counts per state, then one line per cell.
    public func statusText() throws(LauncherError) -> String {
        let cells = try cellStatuses()
        var counts: [CellState: Int] = [:]
        for cell in cells { counts[cell.status.state, default: 0] += 1 }
        let summary = CellState.allCases.compactMap { state in
            counts[state].map { "\($0) \(state.rawValue)" }
        }
        var lines = ["\(path)", "\(cells.count) cells: " + summary.joined(separator: ", ")]
        let width = cells.map(\.record.directoryName.count).max() ?? 0
        for (record, status) in cells {
            let name = record.directoryName.padding(to: width)
            let attempts = status.attempts > 1 ? " (\(status.attempts) attempts)" : ""
            lines.append("  \(name)  \(status.outcomeText)\(attempts)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
