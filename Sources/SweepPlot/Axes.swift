/// A rectangular plotting area with x and y scales, drawn with spines, ticks, labels and a title.
public struct Axes: Sendable {
    /// The plotting area (inside the spines).
    public var frame: Rect
    /// Maps x data values to horizontal pixels across `frame`.
    public var x: Scale
    /// Maps y data values to vertical pixels across `frame` (lower values at the bottom).
    public var y: Scale
    /// The x-axis title, drawn below the tick labels.
    public var xLabel: String?
    /// The y-axis title, drawn rotated left of the tick labels.
    public var yLabel: String?
    /// The panel title, drawn above the frame.
    public var title: String?
    /// Explicit x ticks; `nil` chooses nice ticks from the frame width.
    public var xTicks: [Tick]?
    /// Explicit y ticks; `nil` chooses nice ticks from the frame height.
    public var yTicks: [Tick]?
    /// Font size of tick labels; axis titles use 1.1× and the title 1.2×.
    public var fontSize: Double = 11
    /// Whether light grid lines are drawn at the ticks.
    public var grid: Bool = true
    /// Whether tick labels are drawn (turn off for inner small-multiple panels).
    public var showXTickLabels = true
    /// Whether y tick labels are drawn.
    public var showYTickLabels = true

    /// Creates axes over `frame` for the given data domains.
    public init(
        frame: Rect, xDomain: (Double, Double), yDomain: (Double, Double), xKind: Scale.Kind = .linear,
        yKind: Scale.Kind = .linear
    ) {
        self.frame = frame
        self.x = Scale(kind: xKind, domain: xDomain, range: (frame.x, frame.maxX))
        self.y = Scale(kind: yKind, domain: yDomain, range: (frame.maxY, frame.y))
    }

    /// Maps a data point to pixels.
    public func point(_ dataX: Double, _ dataY: Double) -> Point {
        Point(x: x(dataX), y: y(dataY))
    }

    /// The x ticks that will be drawn.
    public var resolvedXTicks: [Tick] {
        xTicks ?? x.ticks(count: Self.tickCount(length: frame.width, spacing: 70))
    }

    /// The y ticks that will be drawn.
    public var resolvedYTicks: [Tick] {
        yTicks ?? y.ticks(count: Self.tickCount(length: frame.height, spacing: 40))
    }

    /// A tick count (3…10) suited to an axis of `length` pixels with about `spacing` pixels between ticks.
    public static func tickCount(length: Double, spacing: Double) -> Int {
        max(3, min(10, Int(length / spacing)))
    }

    /// Space needed around a frame for tick labels and titles: (top, left, bottom, right).
    public static func margins(
        yTickLabels: [String], fontSize: Double = 11, xLabel: Bool, yLabel: Bool, title: Bool
    ) -> (top: Double, left: Double, bottom: Double, right: Double) {
        let widest = yTickLabels.map { TextMetrics.width(of: $0, fontSize: fontSize) }.max() ?? 0
        let left = 8 + (yLabel ? fontSize * 1.1 + 8 : 0) + widest + 9
        let bottom = 8 + fontSize + 9 + (xLabel ? fontSize * 1.1 + 8 : 0)
        let top = title ? fontSize * 1.2 + 14 : 10
        return (top, left, bottom, 12)
    }

    /// Draws grid lines, spines, ticks, tick labels, axis titles and the title.
    public func draw(into svg: inout SVGDocument) {
        let xs = resolvedXTicks.filter { inDomain($0.value, x) }
        let ys = resolvedYTicks.filter { inDomain($0.value, y) }
        let ink = Color.ink.hex
        if grid {
            for tick in xs {
                let px = x(tick.value)
                svg.line(from: Point(x: px, y: frame.y), to: Point(x: px, y: frame.maxY), stroke: Color.gridGrey.hex)
            }
            for tick in ys {
                let py = y(tick.value)
                svg.line(from: Point(x: frame.x, y: py), to: Point(x: frame.maxX, y: py), stroke: Color.gridGrey.hex)
            }
        }
        svg.rect(frame, fill: "none", stroke: "#888888", strokeWidth: 1)
        // x ticks and labels, thinned so that labels never overlap.
        let xKeep = Self.thinning(
            positions: xs.map { x($0.value) }, extents: xs.map { TextMetrics.width(of: $0.label, fontSize: fontSize) })
        for (index, tick) in xs.enumerated() {
            let px = x(tick.value)
            svg.line(from: Point(x: px, y: frame.maxY), to: Point(x: px, y: frame.maxY + 5), stroke: ink)
            if showXTickLabels && xKeep.contains(index) {
                svg.text(
                    tick.label, at: Point(x: px, y: frame.maxY + 7 + fontSize * 0.85), fontSize: fontSize,
                    anchor: .middle)
            }
        }
        let yKeep = Self.thinning(
            positions: ys.map { y($0.value) }, extents: ys.map { _ in fontSize * 1.1 })
        var widest = 0.0
        for (index, tick) in ys.enumerated() {
            let py = y(tick.value)
            svg.line(from: Point(x: frame.x - 5, y: py), to: Point(x: frame.x, y: py), stroke: ink)
            if showYTickLabels && yKeep.contains(index) {
                svg.text(
                    tick.label, at: Point(x: frame.x - 7, y: py + fontSize * 0.35), fontSize: fontSize, anchor: .end)
                widest = max(widest, TextMetrics.width(of: tick.label, fontSize: fontSize))
            }
        }
        let titleSize = fontSize * 1.1
        if let xLabel, !xLabel.isEmpty {
            svg.text(
                xLabel, at: Point(x: frame.midX, y: frame.maxY + 7 + fontSize + 6 + titleSize * 0.85),
                fontSize: titleSize, anchor: .middle)
        }
        if let yLabel, !yLabel.isEmpty {
            let px = frame.x - 9 - widest - 8
            svg.text(yLabel, at: Point(x: px, y: frame.midY), fontSize: titleSize, anchor: .middle, rotation: -90)
        }
        if let title, !title.isEmpty {
            svg.text(
                title, at: Point(x: frame.midX, y: frame.y - 8), fontSize: fontSize * 1.2, anchor: .middle, bold: true)
        }
    }

    private func inDomain(_ value: Double, _ scale: Scale) -> Bool {
        let f = scale.fraction(value)
        return f >= -1e-9 && f <= 1 + 1e-9
    }

    /// Indices of labels to draw so that no two overlap: every k-th label, smallest k that fits.
    static func thinning(positions: [Double], extents: [Double], gap: Double = 6) -> Set<Int> {
        guard positions.count > 1 else { return Set(positions.indices) }
        for k in 1...positions.count {
            var fits = true
            var previous: Int?
            for index in stride(from: 0, to: positions.count, by: k) {
                if let p = previous,
                    abs(positions[index] - positions[p]) < (extents[index] + extents[p]) / 2 + gap
                {
                    fits = false
                    break
                }
                previous = index
            }
            if fits { return Set(stride(from: 0, to: positions.count, by: k)) }
        }
        return [0]
    }
}
