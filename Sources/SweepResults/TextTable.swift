/// Lays out rows of text in aligned columns.
struct TextTable {
    /// How a column's cells line up.
    enum Alignment {
        /// Padded on the right.
        case left
        /// Padded on the left.
        case right
    }

    var header: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []

    /// The width of every column (in characters).
    var widths: [Int] {
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        return widths
    }

    /// One line: cells padded to `widths`, separated by two spaces, no trailing spaces.
    func line(_ cells: [String], widths: [Int]) -> String {
        var parts: [String] = []
        for (i, cell) in cells.enumerated() {
            let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
            parts.append(alignments[i] == .left ? cell + pad : pad + cell)
        }
        var text = parts.joined(separator: "  ")
        while text.last == " " { text.removeLast() }
        return text
    }
}
