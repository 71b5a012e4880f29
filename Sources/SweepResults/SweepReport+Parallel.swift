internal import Collections
internal import SweepPlot

extension SweepReport {
    /// The parallel-coordinates plot: one axis per swept key, then the sweep's metric; one line
    /// per row of the results table, coloured by the metric. Nil when there is nothing to draw.
    func parallelSection() -> String? {
        guard let table, !table.keyColumns.isEmpty, !table.rows.isEmpty,
            let metric = table.sort?.metric ?? table.metricColumns.first,
            let column = table.metricColumns.firstIndex(of: metric)
        else { return nil }
        var axes: [ParallelCoordinates.Axis] = []
        for (index, key) in table.keyColumns.enumerated() {
            let texts = table.rows.map { $0.keys[index] }
            let numbers = texts.map { $0.flatMap(ValueText.number) }
            if numbers.allSatisfy({ $0?.isFinite ?? false }) {
                let values = numbers.map { $0 ?? .nan }
                let positive = values.allSatisfy { $0 > 0 }
                let extent = Scale.extent(values)
                let kind: Scale.Kind = positive && extent.1 / extent.0 >= 100 ? .log : .linear
                axes.append(ParallelCoordinates.Axis(name: key, values: values, kind: kind))
            } else {
                let distinct = OrderedSet(texts.map { $0 ?? "(unset)" })
                let categories = ValueText.ordered(Array(distinct))
                let values = texts.map { Double(categories.firstIndex(of: $0 ?? "(unset)") ?? 0) }
                axes.append(ParallelCoordinates.Axis(name: key, values: values, categories: categories))
            }
        }
        let values = table.rows.map { $0.values[column]?.mean ?? .nan }
        guard values.contains(where: \.isFinite) else { return nil }
        axes.append(ParallelCoordinates.Axis(name: metric.description, values: values))
        var plot = ParallelCoordinates(axes: axes, colorName: metric.description, colorValues: values)
        plot.width = min(1100, max(560, Double(axes.count) * 170 + 120))
        plot.height = 380
        plot.fontSize = 12
        if manifest.mode == .ascending || (manifest.mode == nil && table.sort?.direction == .ascending) {
            // Lower is better: the best lines get the bright end of the map.
            plot.colorMap = plot.colorMap.reversed
        }
        guard let svg = try? plot.render(xmlDeclaration: false) else { return nil }
        let note =
            "One line per row of the table: the swept keys, then \(metric.description) (also the colour"
            + (table.isGrouped ? ", mean over \(table.averagedOver.joined(separator: ", "))" : "") + ")."
        return HTML.element("p", [("class", "note")], text: note) + "\n<figure class=\"chart\">" + svg + "</figure>"
    }
}
