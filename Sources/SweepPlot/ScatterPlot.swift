/// Scatter plots of points coloured by class, as small multiples (e.g. hidden-unit pairs per epoch).
public struct ScatterPlot: Sendable {
    /// One panel's points.
    public struct Panel: Sendable {
        /// The panel title.
        public var title: String?
        /// x values.
        public var x: [Double]
        /// y values, one per x.
        public var y: [Double]
        /// Class index per point (colour = palette colour of the index).
        public var labels: [Int]
        /// The x-axis title.
        public var xLabel: String?
        /// The y-axis title.
        public var yLabel: String?

        /// Creates a panel.
        public init(
            title: String? = nil, x: [Double], y: [Double], labels: [Int], xLabel: String? = nil, yLabel: String? = nil
        ) {
            self.title = title
            self.x = x
            self.y = y
            self.labels = labels
            self.xLabel = xLabel
            self.yLabel = yLabel
        }
    }

    /// The panels, row-major.
    public var panels: [Panel]
    /// Columns of the panel grid.
    public var columns: Int
    /// Class names for the legend, indexed by label; `nil` uses the label numbers present.
    public var classNames: [String]?
    /// Class colours.
    public var palette: Palette = .tableau10
    /// Side of each square plotting area in pixels.
    public var panelSize: Double = 220
    /// Point radius in pixels.
    public var pointRadius: Double = 1.6
    /// Point opacity.
    public var pointOpacity: Double = 0.55
    /// At most this many points per panel are drawn (an evenly strided, deterministic subsample).
    public var maxPointsPerPanel = 2500
    /// Whether all panels share one x and one y domain (so that growth across panels is visible).
    public var sharedDomain = true
    /// The figure title.
    public var title: String?
    /// Base font size.
    public var fontSize: Double = 10

    /// Creates a figure from panels.
    public init(panels: [Panel], columns: Int = 3, title: String? = nil) {
        self.panels = panels
        self.columns = columns
        self.title = title
    }

    /// Small multiples of every pair of coordinates of `snapshots` (e.g. a 3-unit hidden layer per
    /// epoch): one row per snapshot, one column per pair (h1–h2, h1–h3, h2–h3 for three units).
    ///
    /// Each snapshot holds one vector per point; `labels` gives each point's class.
    public static func pairs(
        snapshots: [(title: String, points: [[Double]])], labels: [Int], unitNames: [String]? = nil
    ) throws(PlotError) -> ScatterPlot {
        guard let dimension = snapshots.first?.points.first?.count, dimension >= 2 else {
            throw .empty(what: "pair scatter plot")
        }
        var pairs: [(Int, Int)] = []
        for a in 0..<dimension { for b in (a + 1)..<dimension { pairs.append((a, b)) } }
        var panels: [Panel] = []
        for snapshot in snapshots {
            guard snapshot.points.count == labels.count else {
                throw .lengthMismatch(
                    what: "snapshot '\(snapshot.title)' points", expected: labels.count,
                    actual: snapshot.points.count)
            }
            for point in snapshot.points where point.count != dimension {
                throw .lengthMismatch(
                    what: "snapshot '\(snapshot.title)' point size", expected: dimension, actual: point.count)
            }
            for (a, b) in pairs {
                let name = { (i: Int) -> String in
                    unitNames.flatMap { i < $0.count ? $0[i] : nil } ?? "h" + String(i + 1)
                }
                panels.append(
                    Panel(
                        title: snapshot.title + ": " + name(a) + " vs " + name(b), x: snapshot.points.map { $0[a] },
                        y: snapshot.points.map { $0[b] }, labels: labels, xLabel: name(a), yLabel: name(b)))
            }
        }
        return ScatterPlot(panels: panels, columns: pairs.count)
    }

    /// The figure as a standalone SVG document.
    public func render(xmlDeclaration: Bool = true) throws(PlotError) -> String {
        guard !panels.isEmpty else { throw .empty(what: "scatter plot") }
        for panel in panels {
            guard panel.y.count == panel.x.count else {
                throw .lengthMismatch(
                    what: "panel '\(panel.title ?? "")' y", expected: panel.x.count, actual: panel.y.count)
            }
            guard panel.labels.count == panel.x.count else {
                throw .lengthMismatch(
                    what: "panel '\(panel.title ?? "")' labels", expected: panel.x.count,
                    actual: panel.labels.count)
            }
        }
        let allX = panels.flatMap(\.x)
        let allY = panels.flatMap(\.y)
        let sharedX = Scale.extent(allX, padding: 0.03)
        let sharedY = Scale.extent(allY, padding: 0.03)
        let presentLabels = Set(panels.flatMap(\.labels)).sorted()
        let legend = Legend(
            entries: presentLabels.map { label in
                let name = classNames.flatMap { label >= 0 && label < $0.count ? $0[label] : nil } ?? String(label)
                return Legend.Entry(label: name, color: palette.color(label), marker: .dot)
            })
        let niceShared = Axes.fitted(
            in: Rect(x: 0, y: 0, width: panelSize, height: panelSize), xDomain: sharedX, yDomain: sharedY)
        let widestY = (panels.count > 0 ? niceShared.resolvedYTicks.map(\.label) : []) + ["-0.00"]
        let margins = Axes.margins(yTickLabels: widestY, fontSize: fontSize, xLabel: true, yLabel: true, title: true)
        let layout = GridLayout(
            count: panels.count, columns: columns, cellWidth: margins.left + panelSize + margins.right,
            cellHeight: margins.top + panelSize + margins.bottom,
            origin: Point(x: 0, y: (title ?? "").isEmpty ? 0 : fontSize * 1.4 + 14))
        let width = (layout.width + legend.size.width + 28).rounded(.up)
        let height = (layout.origin.y + layout.height + 4).rounded(.up)
        var svg = SVGDocument(width: width, height: height)
        if let title, !title.isEmpty {
            svg.text(
                title, at: Point(x: layout.width / 2, y: fontSize * 1.4 + 4), fontSize: fontSize * 1.4,
                anchor: .middle, bold: true)
        }
        for (index, panel) in panels.enumerated() {
            let cell = layout.cell(index)
            let frame = Rect(x: cell.x + margins.left, y: cell.y + margins.top, width: panelSize, height: panelSize)
            let xDomain = sharedDomain ? sharedX : Scale.extent(panel.x, padding: 0.03)
            let yDomain = sharedDomain ? sharedY : Scale.extent(panel.y, padding: 0.03)
            let xNice = Scale.linear(domain: xDomain, range: (0, 1)).niced(
                count: Axes.tickCount(length: panelSize, spacing: 60))
            let yNice = Scale.linear(domain: yDomain, range: (0, 1)).niced(
                count: Axes.tickCount(length: panelSize, spacing: 40))
            var axes = Axes(
                frame: frame, xDomain: (xNice.domainLower, xNice.domainUpper),
                yDomain: (yNice.domainLower, yNice.domainUpper))
            axes.xTicks = axes.x.ticks(count: Axes.tickCount(length: panelSize, spacing: 60))
            axes.fontSize = fontSize
            axes.title = panel.title
            axes.xLabel = panel.xLabel
            axes.yLabel = panel.yLabel
            axes.draw(into: &svg)
            let clip = svg.clipRect(frame)
            svg.beginGroup([
                ("clip-path", clip), ("stroke-linecap", "round"),
                ("stroke-width", NumberFormat.coordinate(2 * pointRadius)),
                ("stroke-opacity", NumberFormat.fixed(pointOpacity, decimals: 3)),
            ])
            // Points as zero-length round-capped strokes, one path per class and round; four
            // interleaved rounds so that no class systematically hides the others.
            let stride = max(1, (panel.x.count + maxPointsPerPanel - 1) / max(maxPointsPerPanel, 1))
            let rounds = 4
            for round in 0..<rounds {
                var paths: [Int: String] = [:]
                var i = round * stride
                while i < panel.x.count {
                    let px = panel.x[i]
                    let py = panel.y[i]
                    if px.isFinite && py.isFinite {
                        let p = axes.point(px, py)
                        paths[panel.labels[i], default: ""] +=
                            "M" + NumberFormat.fixed(p.x, decimals: 1) + " " + NumberFormat.fixed(p.y, decimals: 1)
                            + "h0"
                    }
                    i += stride * rounds
                }
                for label in paths.keys.sorted() {
                    if let data = paths[label] {
                        svg.path(data, fill: "none", extra: [("stroke", palette.color(label).hex)])
                    }
                }
            }
            svg.endGroup()
        }
        legend.draw(into: &svg, at: Point(x: layout.width + 12, y: layout.origin.y + margins.top))
        return svg.render(xmlDeclaration: xmlDeclaration)
    }
}
