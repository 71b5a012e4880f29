/// A line chart: several series against a shared x axis, with optional ±std bands and a legend.
public struct LineChart: Sendable {
    /// One line.
    public struct Series: Sendable {
        /// The legend label.
        public var name: String
        /// x values (e.g. step or epoch).
        public var x: [Double]
        /// y values, one per x; non-finite values leave a gap.
        public var y: [Double]
        /// Optional standard deviations, one per x, drawn as a shaded band y ± std.
        public var std: [Double]?
        /// Explicit colour; `nil` takes the next palette colour.
        public var color: Color?
        /// Whether the line is dashed.
        public var dashed: Bool

        /// Creates a series.
        public init(
            name: String, x: [Double], y: [Double], std: [Double]? = nil, color: Color? = nil, dashed: Bool = false
        ) {
            self.name = name
            self.x = x
            self.y = y
            self.std = std
            self.color = color
            self.dashed = dashed
        }
    }

    /// The series, drawn in order.
    public var series: [Series] = []
    /// The chart title.
    public var title: String?
    /// The x-axis title.
    public var xLabel: String?
    /// The y-axis title.
    public var yLabel: String?
    /// The x scale kind.
    public var xKind: Scale.Kind = .linear
    /// The y scale kind (`.log` for losses spanning decades).
    public var yKind: Scale.Kind = .linear
    /// Fixed y domain; `nil` fits the data.
    public var yDomain: (Double, Double)?
    /// Fixed x domain; `nil` fits the data.
    public var xDomain: (Double, Double)?
    /// The palette for series without an explicit colour.
    public var palette: Palette?
    /// Figure width in pixels.
    public var width: Double = 640
    /// Figure height in pixels.
    public var height: Double = 400
    /// Base font size.
    public var fontSize: Double = 11
    /// Whether a legend is drawn (by default when there are two or more series).
    public var showLegend: Bool?

    /// Creates an empty chart.
    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// Appends a series.
    public mutating func add(_ series: Series) {
        self.series.append(series)
    }

    /// The chart as a standalone SVG document.
    public func render(xmlDeclaration: Bool = true) throws(PlotError) -> String {
        var svg = SVGDocument(width: width, height: height)
        try draw(into: &svg, in: Rect(x: 0, y: 0, width: width, height: height))
        return svg.render(xmlDeclaration: xmlDeclaration)
    }

    /// Draws the chart into `cell` of an existing document (for composite figures).
    public func draw(into svg: inout SVGDocument, in cell: Rect) throws(PlotError) {
        guard !series.isEmpty else { throw .empty(what: "line chart") }
        for s in series {
            guard s.x.count == s.y.count else {
                throw .lengthMismatch(what: "series '\(s.name)' y", expected: s.x.count, actual: s.y.count)
            }
            if let std = s.std, std.count != s.x.count {
                throw .lengthMismatch(what: "series '\(s.name)' std", expected: s.x.count, actual: std.count)
            }
        }
        let colors = palette ?? Palette.categorical(count: series.count)
        let colorOf = { (index: Int) -> Color in series[index].color ?? colors.color(index) }
        var xs: [Double] = []
        var ys: [Double] = []
        for s in series {
            xs += s.x
            for (index, value) in s.y.enumerated() {
                ys.append(value)
                if let std = s.std, std[index].isFinite {
                    ys.append(value + abs(std[index]))
                    if yKind == .linear || value - abs(std[index]) > 0 { ys.append(value - abs(std[index])) }
                }
            }
        }
        let legend = Legend(
            entries: series.indices.map { Legend.Entry(label: series[$0].name, color: colorOf($0), marker: .line) })
        let legendShown = showLegend ?? (series.count > 1)
        let legendWidth = legendShown ? legend.size.width + 16 : 0
        let axes = Axes.fitted(
            in: cell, xDomain: xDomain ?? Scale.extent(xs, kind: xKind),
            yDomain: yDomain ?? Scale.extent(ys, kind: yKind),
            xKind: xKind, yKind: yKind, xLabel: xLabel, yLabel: yLabel, title: title, fontSize: fontSize,
            rightExtra: legendWidth, nice: true)
        axes.draw(into: &svg)
        let clip = svg.clipRect(axes.frame)
        svg.beginGroup([("clip-path", clip)])
        for (index, s) in series.enumerated() {
            let color = colorOf(index).hex
            if let std = s.std {
                for run in Self.runs(s, axes: axes, yKind: yKind) {
                    var upper: [Point] = []
                    var lower: [Point] = []
                    for i in run where std[i].isFinite {
                        upper.append(axes.point(s.x[i], s.y[i] + abs(std[i])))
                        let low = s.y[i] - abs(std[i])
                        lower.append(axes.point(s.x[i], yKind == .log && low <= 0 ? axes.y.domainLower : low))
                    }
                    var path = PathBuilder()
                    path.polyline(upper + lower.reversed(), closed: true)
                    svg.path(path.data, fill: color, opacity: 0.2)
                }
            }
            var path = PathBuilder()
            for run in Self.runs(s, axes: axes, yKind: yKind) {
                let points = run.map { axes.point(s.x[$0], s.y[$0]) }
                if points.count == 1, let only = points.first {
                    svg.circle(center: only, radius: 2, fill: color)
                }
                path.polyline(points)
            }
            svg.path(path.data, stroke: color, strokeWidth: 2, extra: s.dashed ? [("stroke-dasharray", "6 4")] : [])
        }
        svg.endGroup()
        if legendShown {
            legend.draw(into: &svg, at: Point(x: axes.frame.maxX + 16, y: axes.frame.y))
        }
    }

    /// Index runs of consecutive drawable points (finite, and positive on a log axis).
    static func runs(_ s: Series, axes: Axes, yKind: Scale.Kind) -> [[Int]] {
        var result: [[Int]] = []
        var current: [Int] = []
        for i in s.x.indices {
            let ok =
                s.x[i].isFinite && s.y[i].isFinite && (yKind == .linear || s.y[i] > 0)
                && (axes.x.kind == .linear || s.x[i] > 0)
            if ok {
                current.append(i)
            } else if !current.isEmpty {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
