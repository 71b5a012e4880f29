extension ResultsTable {
    /// The text a format gives (`style` matters for `.table` only); ends with a newline.
    public func rendered(_ format: ResultsFormat, style: OutputStyle = .plain) -> String {
        switch format {
        case .table: return text(style: style)
        case .md: return markdown()
        case .csv: return csv()
        case .json: return json()
        }
    }

    /// The lines above the table: constant keys and the keys averaged over.
    func preamble(code: Bool) -> [String] {
        var lines: [String] = []
        if !constants.isEmpty {
            let items = constants.map { code ? "`\($0.key)=\($0.value)`" : "\($0.key)=\($0.value)" }
            lines.append("constant: " + items.joined(separator: code ? ", " : " "))
        }
        if isGrouped, !averagedOver.isEmpty {
            let keys = averagedOver.map { code ? "`\($0)`" : $0 }
            lines.append("mean and sample std (n-1) over: " + keys.joined(separator: ", "))
        }
        return lines
    }

    /// The lines below the table: the best row's meaning and rows left out.
    func footnotes(mark: String) -> [String] {
        var lines: [String] = []
        if let sort, rows.contains(where: \.isBest) {
            let how = sort.direction == .ascending ? "lowest" : "highest"
            lines.append("\(mark) best: \(how) \(sort.metric)")
        } else if let sort {
            lines.append("sorted by \(sort.metric) (\(sort.direction == .ascending ? "ascending" : "descending"))")
        }
        if omittedRows > 0 { lines.append("(\(omittedRows) more rows not shown)") }
        return lines
    }

    /// Whether the table has failed / unfinished / state columns.
    var countColumns: (failed: Bool, unfinished: Bool, state: Bool) {
        (
            isGrouped && rows.contains { $0.failed > 0 }, isGrouped && rows.contains { $0.unfinished > 0 },
            !isGrouped && rows.contains { $0.state != .done }
        )
    }

    /// Header and body cells (without the best marker), metric cells formatted with `plusMinus`.
    func cells(plusMinus: String) -> (header: [String], rows: [[String]], numeric: [Bool]) {
        let extra = countColumns
        // A metric named like a key column (a trainer logging its lr) is told apart.
        var header =
            keyColumns
            + metricColumns.map { keyColumns.contains($0.description) ? $0.description + " (metric)" : $0.description }
        var numeric = keyColumns.map { _ in false } + metricColumns.map { _ in true }
        if isGrouped {
            header.append("n")
            numeric.append(true)
        }
        if extra.failed {
            header.append("failed")
            numeric.append(true)
        }
        if extra.unfinished {
            header.append("unfinished")
            numeric.append(true)
        }
        if extra.state {
            header.append("state")
            numeric.append(false)
        }
        let body = rows.map { row -> [String] in
            var cells = row.keys.map { $0 ?? "-" }
            for value in row.values {
                guard let value else {
                    cells.append("-")
                    continue
                }
                var text = NumberText.aggregate(value, plusMinus: plusMinus)
                if isGrouped, value.count != row.done { text += " (n=\(value.count))" }
                cells.append(text)
            }
            if isGrouped { cells.append(String(row.done)) }
            if extra.failed { cells.append(String(row.failed)) }
            if extra.unfinished { cells.append(String(row.unfinished)) }
            if extra.state { cells.append(row.state?.rawValue ?? "") }
            return cells
        }
        return (header, body, numeric)
    }

    /// The aligned terminal table.
    public func text(style: OutputStyle = .plain) -> String {
        let (header, body, numeric) = cells(plusMinus: style.plusMinus)
        var lines = preamble(code: false)
        if !lines.isEmpty { lines.append("") }
        if rows.isEmpty {
            lines.append("(no cells)")
            return lines.joined(separator: "\n") + "\n"
        }
        let mark = style.bestMark
        let hasBest = rows.contains(where: \.isBest)
        var table = TextTable(header: header, alignments: numeric.map { $0 ? .right : .left }, rows: body)
        table.rows = body
        let widths = table.widths
        let prefix = hasBest ? String(repeating: " ", count: mark.count + 1) : ""
        lines.append(prefix + style.bold(table.line(header, widths: widths)))
        lines.append(prefix + widths.map { String(repeating: style.rule, count: $0) }.joined(separator: "  "))
        for (row, cells) in zip(rows, body) {
            let line = table.line(cells, widths: widths)
            if row.isBest {
                lines.append(style.best(mark + " " + line))
            } else {
                lines.append(prefix + line)
            }
        }
        let notes = footnotes(mark: mark)
        if !notes.isEmpty {
            lines.append("")
            lines.append(contentsOf: notes)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Markdown table (best row marked with ★), with the constants above.
    public func markdown() -> String {
        let (header, body, numeric) = cells(plusMinus: "±")
        var lines = preamble(code: true)
        if !lines.isEmpty { lines.append("") }
        if rows.isEmpty {
            lines.append("(no cells)")
            return lines.joined(separator: "\n") + "\n"
        }
        let hasBest = rows.contains(where: \.isBest)
        func escape(_ s: String) -> String { s.replacing("|", with: "\\|") }
        func line(_ cells: [String]) -> String { "| " + cells.map(escape).joined(separator: " | ") + " |" }
        lines.append(line((hasBest ? [""] : []) + header))
        lines.append(
            "|" + ((hasBest ? [":-:"] : []) + numeric.map { $0 ? "---:" : "---" }).joined(separator: "|") + "|")
        for (row, cells) in zip(rows, body) {
            lines.append(line((hasBest ? [row.isBest ? "★" : ""] : []) + cells))
        }
        let notes = footnotes(mark: "★")
        if !notes.isEmpty {
            lines.append("")
            lines.append(contentsOf: notes)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
