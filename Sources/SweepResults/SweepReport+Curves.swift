internal import Collections
internal import SweepPlot

extension SweepReport {
    /// The learning curves: one chart per main metric, one line per group of cells (mean with a
    /// ±std band over the repeat axis when groups hold several cells), coloured by a swept key.
    func curvesSection() -> String {
        let series = cells.map { MetricSeries(directory: $0.directory) }
        let metrics = curveMetrics(series)
        guard !metrics.isEmpty else {
            return "<p class=\"note\">No metric was written more than once per cell: no curves to draw.</p>"
        }
        let repeatKey = manifest.repeatKey ?? "seed"
        let keys = table?.keyColumns ?? KeyAnalysis(cells).varying.filter { $0 != repeatKey }
        var groups: OrderedDictionary<[String?], [Int]> = [:]
        for (index, cell) in cells.enumerated() { groups[keys.map { cell.overrides[$0] }, default: []].append(index) }
        let colorKey = Self.keyWithMostValues(keys, groups: Array(groups.keys))
        let colorValues: OrderedSet<String?> =
            colorKey.map { k in Self.orderedValues(groups.keys.map { $0[k] }) } ?? [nil]
        let dashKey = keys.indices.first { $0 != colorKey }
        let dashValues: OrderedSet<String?> = dashKey.map { k in Self.orderedValues(groups.keys.map { $0[k] }) } ?? []
        if let colorKey {
            // Legend entries in the colour key's value order (numeric when the values are numbers).
            let rank = groups.keys.enumerated().map {
                ($0.offset, colorValues.firstIndex(of: $0.element[colorKey]) ?? 0)
            }
            let order = rank.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
            groups = OrderedDictionary(uniqueKeysWithValues: order.map { (groups.keys[$0], groups.values[$0]) })
        }
        let xName = series.first { $0.xName != "line" }?.xName ?? "line"
        var charts: [String] = []
        for metric in metrics {
            var chart = LineChart(title: metric, xLabel: xName == "line" ? "line of metrics.jsonl" : xName)
            chart.width = 600
            chart.fontSize = 12
            for (setting, members) in groups {
                let points = members.map { series[$0].points[metric] ?? [] }.filter { !$0.isEmpty }
                guard !points.isEmpty else { continue }
                let (x, y, std) = Self.averaged(points)
                let colorIndex = colorKey.map { colorValues.firstIndex(of: setting[$0]) ?? 0 } ?? 0
                let dashed = dashKey.map { (dashValues.firstIndex(of: setting[$0]) ?? 0) % 2 == 1 } ?? false
                chart.add(
                    LineChart.Series(
                        name: keys.isEmpty ? "all cells" : HTML.setting(keys, setting), x: x, y: y,
                        std: members.count > 1 ? std : nil, color: Self.color(colorIndex, of: colorValues.count),
                        dashed: dashed))
            }
            let positive = chart.series.allSatisfy { $0.y.allSatisfy { !$0.isFinite || $0 > 0 } }
            let extent = Scale.extent(chart.series.flatMap(\.y), kind: .log)
            if positive, extent.1 / extent.0 >= 1000 { chart.yKind = .log }
            let legendRows = Double(chart.series.count)
            chart.height = max(340, legendRows * 18 + 80)
            guard let svg = try? chart.render(xmlDeclaration: false) else { continue }
            charts.append("<figure class=\"chart\">" + svg + "</figure>")
        }
        var intro = "One line per "
        intro += keys.isEmpty ? "cell" : "setting of " + keys.joined(separator: ", ")
        if let averaged = table?.averagedOver, table?.isGrouped == true, !averaged.isEmpty {
            intro += "; mean with a ±1 std band over " + averaged.joined(separator: ", ")
        }
        if let colorKey { intro += "; colour: " + keys[colorKey] }
        if let dashKey { intro += ", dashes: alternate values of " + keys[dashKey] }
        return HTML.element("p", [("class", "note")], text: intro + ".") + "\n<div class=\"charts\">\n"
            + charts.joined(separator: "\n") + "\n</div>"
    }

    /// The metrics worth a chart: written at least twice by some cell, not timings, the sweep's
    /// metric first; at most ``ReportOptions/maximumCurveCharts``.
    func curveMetrics(_ series: [MetricSeries]) -> [String] {
        var names: OrderedSet<String> = []
        for (cell, s) in zip(cells, series) {
            for name in cell.metricOrder where (s.points[name]?.count ?? 0) >= 2 && !name.hasPrefix("time/") {
                names.append(name)
            }
        }
        if let metric = manifest.metric, let index = names.firstIndex(of: metric) {
            names.remove(at: index)
            names.insert(metric, at: 0)
        }
        return Array(names.prefix(options.maximumCurveCharts))
    }

    /// The distinct values in ``ValueText/ordered(_:)`` order (numeric when all are numbers), unset last.
    static func orderedValues(_ values: [String?]) -> OrderedSet<String?> {
        let present = OrderedSet(values.compactMap { $0 })
        var ordered = OrderedSet<String?>(ValueText.ordered(Array(present)).map { Optional($0) })
        if values.contains(nil) { ordered.append(nil) }
        return ordered
    }

    /// The index of the key with most distinct values over `groups` (the first on ties).
    static func keyWithMostValues(_ keys: [String], groups: [[String?]]) -> Int? {
        var best: (index: Int, count: Int)?
        for index in keys.indices {
            let count = Set(groups.map { $0[index] }).count
            if best == nil || count > (best?.count ?? 0) { best = (index, count) }
        }
        return best?.index
    }

    /// A colour-blind-safe colour for category `index` of `count`: Okabe–Ito or Tableau 10 for
    /// few categories, viridis beyond.
    static func color(_ index: Int, of count: Int) -> Color {
        if count <= 10 { return Palette.categorical(count: count).color(index) }
        return ColorMap.viridis.color(at: Double(index) / Double(max(count - 1, 1)) * 0.9)
    }

    /// The mean and sample std over several cells' series at every x any of them has (a cell's
    /// last value at an x counts); std is NaN where fewer than two cells have a value.
    static func averaged(_ series: [[(x: Double, y: Double)]]) -> (x: [Double], y: [Double], std: [Double]) {
        if series.count == 1, let only = series.first { return (only.map(\.x), only.map(\.y), only.map { _ in .nan }) }
        var byX: [Double: [Double]] = [:]
        for points in series {
            var last: [Double: Double] = [:]
            for point in points { last[point.x] = point.y }
            for (x, y) in last { byX[x, default: []].append(y) }
        }
        let xs = byX.keys.sorted()
        var ys: [Double] = []
        var stds: [Double] = []
        for x in xs {
            let aggregate = Aggregate(byX[x] ?? [])
            ys.append(aggregate?.mean ?? .nan)
            stds.append(aggregate?.std ?? .nan)
        }
        return (xs, ys, stds)
    }
}
