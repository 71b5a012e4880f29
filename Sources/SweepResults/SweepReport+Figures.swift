internal import Collections
internal import SweepPlot

extension SweepReport {
    /// The figure grid: for each figure file the cells wrote, one table per setting of the
    /// keys that are neither rows nor columns, each picture inline as a data URI.
    func figuresSection() -> String {
        var names: OrderedSet<String> = []
        for detail in details { names.append(contentsOf: detail.figures) }
        guard !names.isEmpty else { return "<p class=\"note\">No cell wrote figures (figures/*.svg, *.png).</p>" }
        var layout = "Columns: " + (grid.columnKey ?? "—") + "; rows: " + (grid.rowKey ?? "— (one row)")
        if let first = grid.panels.first, !first.setting.isEmpty {
            layout += "; one grid per " + first.setting.map(\.key).joined(separator: ", ")
        }
        layout += ". Choose with --rows KEY --cols KEY."
        var out = [HTML.element("p", [("class", "note")], text: layout)]
        for name in names.sorted() {
            out.append("<section class=\"figure\">")
            out.append(HTML.element("h3", [("id", "fig-" + name)], text: name))
            for panel in grid.panels {
                if !panel.setting.isEmpty {
                    out.append(
                        HTML.element(
                            "h4",
                            text: panel.setting.map { "\($0.key)=\($0.value ?? "(unset)")" }.joined(separator: ", ")))
                }
                out.append(gridTable(figure: name, panel: panel))
            }
            out.append("</section>")
        }
        return out.joined(separator: "\n")
    }

    /// One grid table of `figure`: column headings, row headings and a picture per cell.
    func gridTable(figure: String, panel: FigureGrid.Panel) -> String {
        // Equal columns that share the page width, at least 260 and at most 700 pixels each.
        let count = grid.columnValues.count
        var out = "<div class=\"scroll\"><table class=\"grid\" style=\"min-width:\(count * 260)px;"
        out += "max-width:\(count * 700)px\">"
        if grid.rowKey != nil { out += "<colgroup><col class=\"rowhead\"></colgroup>" }
        if let columnKey = grid.columnKey {
            out += "<thead><tr>" + (grid.rowKey == nil ? "" : "<th></th>")
            for value in grid.columnValues {
                out += HTML.element("th", text: "\(columnKey)=\(value ?? "(unset)")")
            }
            out += "</tr></thead>"
        }
        out += "<tbody>"
        for (r, rowValue) in grid.rowValues.enumerated() {
            out += "<tr>"
            if let rowKey = grid.rowKey {
                out += HTML.element("th", [("class", "row")], text: "\(rowKey)=\(rowValue ?? "(unset)")")
            }
            for c in grid.columnValues.indices {
                out += "<td>" + picture(figure, cell: panel.cells[r][c]) + "</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table></div>"
    }

    /// A cell's picture as an `<img class="fig">` with a data URI, or a note saying why there is none.
    func picture(_ figure: String, cell index: Int?) -> String {
        guard let index else { return "<div class=\"missing\">no cell</div>" }
        let cell = cells[index]
        let title = cellName(index)
        guard details[index].figures.contains(figure) else {
            let why = cell.state == .done ? "no \(figure)" : cell.state.rawValue
            return "<div class=\"missing state-\(cell.state.rawValue)\" title=\"\(HTML.attribute(title))\">"
                + HTML.text(why) + "</div>"
        }
        let path = FileSystem.join(FileSystem.join(cell.directory, "figures"), figure)
        guard var bytes = FileSystem.read(path) else {
            return "<div class=\"missing\">" + HTML.text("cannot read \(figure)") + "</div>"
        }
        bytes.removeLast()  // the terminator FileSystem.read adds
        guard bytes.count <= options.maximumFigureBytes else {
            return "<div class=\"missing\">" + HTML.text("\(figure): \(bytes.count / 1024) KB, not embedded") + "</div>"
        }
        let mime = figure.lowercased().hasSuffix(".png") ? "image/png" : "image/svg+xml"
        let caption = cell.state == .done ? title : title + " (" + cell.state.rawValue + ")"
        return "<img class=\"fig\" alt=\"" + HTML.attribute(figure + " of " + title) + "\" title=\""
            + HTML.attribute(caption) + "\" src=\"data:" + mime + ";base64," + Base64.encode(bytes) + "\">"
    }
}
