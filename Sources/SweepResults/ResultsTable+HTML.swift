extension ResultsTable {
    /// The table as an HTML `<table class="sortable">`: every cell that holds a number carries
    /// it in `data-v` (the mean, full precision) so that the page's script can sort by clicking
    /// a column heading; without the script the rows stay in the table's own order.
    func html() -> String {
        let (header, body, numeric) = cells(plusMinus: "±")
        var out: [String] = []
        let preamble = preamble(code: false)
        for line in preamble { out.append(HTML.element("p", [("class", "note")], text: line)) }
        out.append("<div class=\"scroll\"><table class=\"sortable results\">")
        out.append(
            "<thead><tr>"
                + zip(header, numeric).map { title, isNumber in
                    HTML.element("th", isNumber ? [("class", "num")] : [], text: title)
                }.joined() + "</tr></thead>")
        out.append("<tbody>")
        for (row, texts) in zip(rows, body) {
            var cells: [String] = []
            for (index, text) in texts.enumerated() {
                var attributes: [(String, String)] = []
                if numeric[index] { attributes.append(("class", "num")) }
                if let value = sortValue(row, column: index) { attributes.append(("data-v", value)) }
                cells.append(HTML.element("td", attributes, text: text))
            }
            out.append((row.isBest ? "<tr class=\"best\">" : "<tr>") + cells.joined() + "</tr>")
        }
        out.append("</tbody></table></div>")
        for line in footnotes(mark: "★") { out.append(HTML.element("p", [("class", "note")], text: line)) }
        return out.joined(separator: "\n")
    }

    /// The number a column sorts by: a key's numeric value, a metric's mean, or a count.
    private func sortValue(_ row: Row, column: Int) -> String? {
        if column < keyColumns.count {
            return row.keys[column].flatMap(ValueText.number).map { NumberText.exact($0) }
        }
        let metric = column - keyColumns.count
        if metric < metricColumns.count {
            return row.values[metric].map { NumberText.exact($0.mean) }
        }
        return nil
    }
}
