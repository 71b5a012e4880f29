/// A parallel-coordinates plot: one vertical axis per variable, one polyline per row, coloured by a metric.
public struct ParallelCoordinates: Sendable {
    /// One vertical axis.
    public struct Axis: Sendable {
        /// The axis name, drawn above it.
        public var name: String
        /// One value per row; non-finite values break that row's line.
        public var values: [Double]
        /// Linear or logarithmic (e.g. for learning rates).
        public var kind: Scale.Kind
        /// Names of categories when `values` are category indices 0, 1, …; ticks then show the names.
        public var categories: [String]?

        /// Creates an axis.
        public init(name: String, values: [Double], kind: Scale.Kind = .linear, categories: [String]? = nil) {
            self.name = name
            self.values = values
            self.kind = kind
            self.categories = categories
        }
    }

    /// The axes, left to right.
    public var axes: [Axis]
    /// The colouring metric's name (colour bar label).
    public var colorName: String
    /// The colouring metric, one value per row.
    public var colorValues: [Double]
    /// The colour map for the metric.
    public var colorMap: ColorMap = .viridis
    /// The figure title.
    public var title: String?
    /// Figure width in pixels.
    public var width: Double = 760
    /// Figure height in pixels.
    public var height: Double = 420
    /// Line opacity.
    public var lineOpacity: Double = 0.75
    /// Base font size.
    public var fontSize: Double = 11

    /// Creates a plot; `colorValues` has one value per row.
    public init(axes: [Axis], colorName: String, colorValues: [Double], title: String? = nil) {
        self.axes = axes
        self.colorName = colorName
        self.colorValues = colorValues
        self.title = title
    }

    /// The plot as a standalone SVG document.
    public func render(xmlDeclaration: Bool = true) throws(PlotError) -> String {
        guard axes.count >= 2 else {
            throw .invalidParameter(
                name: "axes", reason: "a parallel-coordinates plot needs at least 2 axes, got \(axes.count)")
        }
        let rows = colorValues.count
        for axis in axes where axis.values.count != rows {
            throw .lengthMismatch(what: "axis '\(axis.name)' values", expected: rows, actual: axis.values.count)
        }
        guard rows > 0 else { throw .empty(what: "parallel-coordinates plot") }
        let normalization = ColorNormalization.extent(colorValues)
        let bar = ColorBar(colorMap: colorMap, normalization: normalization, label: colorName)
        let hasTitle = !(title ?? "").isEmpty
        let top = (hasTitle ? fontSize * 1.3 + 16 : 8) + fontSize * 2.6 + 8
        let bottom = 16.0
        let plotHeight = max(height - top - bottom, 40)
        let barWidth = bar.width(height: plotHeight) + 24
        // Axis labels sit left of each axis; reserve the first axis's widest label.
        let scales = axes.map { axis -> Scale in
            if axis.categories != nil {
                let count = Double(max((axis.categories?.count ?? 1) - 1, 1))
                return Scale(kind: .linear, domain: (-0.25, count + 0.25), range: (top + plotHeight, top))
            }
            let extent = Scale.extent(axis.values, kind: axis.kind)
            return Scale(kind: axis.kind, domain: extent, range: (top + plotHeight, top))
                .niced(count: Axes.tickCount(length: plotHeight, spacing: 50))
        }
        let tickSets = zip(axes, scales).map { axis, scale -> [Tick] in
            if let categories = axis.categories {
                return categories.enumerated().map { Tick(value: Double($0.offset), label: $0.element) }
            }
            return scale.ticks(count: Axes.tickCount(length: plotHeight, spacing: 50))
        }
        let firstWidest = tickSets[0].map { TextMetrics.width(of: $0.label, fontSize: fontSize) }.max() ?? 0
        let left = max(16 + firstWidest, TextMetrics.width(of: axes[0].name, fontSize: fontSize, bold: true) / 2 + 8)
        let lastName = TextMetrics.width(of: axes[axes.count - 1].name, fontSize: fontSize, bold: true) / 2
        let right = width - barWidth - max(12, lastName)
        let spacing = (right - left) / Double(axes.count - 1)
        let positions = axes.indices.map { left + Double($0) * spacing }
        var svg = SVGDocument(width: width, height: height)
        if let title, hasTitle {
            svg.text(
                title, at: Point(x: width / 2, y: fontSize * 1.3 + 6), fontSize: fontSize * 1.3, anchor: .middle,
                bold: true)
        }
        // Lines, drawn with the best metric last (on top).
        let order = (0..<rows).sorted { a, b in
            let va = colorValues[a].isFinite ? colorValues[a] : -Double.infinity
            let vb = colorValues[b].isFinite ? colorValues[b] : -Double.infinity
            return va == vb ? a < b : va < vb
        }
        svg.beginGroup([
            ("fill", "none"), ("stroke-width", "1.5"), ("stroke-opacity", NumberFormat.fixed(lineOpacity, decimals: 3)),
        ])
        for row in order {
            var path = PathBuilder()
            var previousDrawn = false
            for (index, axis) in axes.enumerated() {
                let value = axis.values[row]
                let ok = value.isFinite && (axis.kind == .linear || value > 0)
                if ok {
                    let y = scales[index](value)
                    if previousDrawn { path.line(positions[index], y) } else { path.move(positions[index], y) }
                }
                previousDrawn = ok
            }
            let color =
                colorValues[row].isFinite ? colorMap.color(at: normalization(colorValues[row])) : Color(hex: 0xAAAAAA)
            svg.path(path.data, fill: "none", extra: [("stroke", color.hex)])
        }
        svg.endGroup()
        // Axes on top of the lines; names alternate between two rows when they would collide.
        let names = axes.map { TextMetrics.width(of: $0.name, fontSize: fontSize, bold: true) }
        let stagger = zip(names, names.dropFirst()).contains { ($0 + $1) / 2 + 6 > spacing }
        for (index, axis) in axes.enumerated() {
            let x = positions[index]
            svg.line(from: Point(x: x, y: top), to: Point(x: x, y: top + plotHeight), stroke: Color.ink.hex, width: 1.2)
            let ticks = tickSets[index]
            let keep = Axes.thinning(
                positions: ticks.map { scales[index]($0.value) }, extents: ticks.map { _ in fontSize * 1.1 })
            for (tickIndex, tick) in ticks.enumerated() {
                let y = scales[index](tick.value)
                guard y >= top - 0.5, y <= top + plotHeight + 0.5 else { continue }
                svg.line(from: Point(x: x - 4, y: y), to: Point(x: x, y: y), stroke: Color.ink.hex)
                if keep.contains(tickIndex) {
                    svg.text(
                        tick.label, at: Point(x: x - 6, y: y + fontSize * 0.35), fontSize: fontSize * 0.9, anchor: .end,
                        halo: true)
                }
            }
            let raise = stagger && index % 2 == 1 ? fontSize * 1.3 : 0
            svg.text(axis.name, at: Point(x: x, y: top - 10 - raise), fontSize: fontSize, anchor: .middle, bold: true)
        }
        bar.draw(into: &svg, frame: Rect(x: width - barWidth + 12, y: top, width: barWidth, height: plotHeight))
        return svg.render(xmlDeclaration: xmlDeclaration)
    }
}
