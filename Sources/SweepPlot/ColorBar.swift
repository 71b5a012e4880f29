/// A vertical colour bar with ticks, showing how values map to colours.
public struct ColorBar: Sendable {
    /// The colour map shown.
    public var colorMap: ColorMap
    /// The value range shown (bottom to top).
    public var normalization: ColorNormalization
    /// An optional label drawn rotated to the right of the tick labels.
    public var label: String?
    /// Tick label font size.
    public var fontSize: Double = 11
    /// Width of the coloured bar.
    public var barWidth: Double = 12

    /// Creates a colour bar.
    public init(colorMap: ColorMap, normalization: ColorNormalization, label: String? = nil) {
        self.colorMap = colorMap
        self.normalization = normalization
        self.label = label
    }

    /// The ticks drawn for a bar of `height` pixels.
    public func ticks(height: Double) -> [Tick] {
        Ticks.linear(normalization.lower, normalization.upper, count: Axes.tickCount(length: height, spacing: 35))
    }

    /// The total width (bar, ticks, labels and title) for a bar of `height` pixels.
    public func width(height: Double) -> Double {
        let widest = ticks(height: height).map { TextMetrics.width(of: $0.label, fontSize: fontSize) }.max() ?? 0
        return barWidth + 7 + widest + (label == nil ? 0 : fontSize * 1.1 + 8)
    }

    /// Draws the bar with its coloured part filling `x…x+barWidth` × `frame.y…frame.maxY`.
    public func draw(into svg: inout SVGDocument, frame: Rect) {
        let bar = Rect(x: frame.x, y: frame.y, width: barWidth, height: frame.height)
        let samples = (0...32).map { colorMap.color(at: Double($0) / 32) }
        let paint = svg.linearGradient(samples, vertical: true)
        svg.rect(bar, fill: paint, stroke: "#888888", strokeWidth: 0.5)
        let scale = Scale.linear(domain: (normalization.lower, normalization.upper), range: (bar.maxY, bar.y))
        var widest = 0.0
        for tick in ticks(height: frame.height) {
            let py = scale(tick.value)
            guard py >= bar.y - 0.5, py <= bar.maxY + 0.5 else { continue }
            svg.line(from: Point(x: bar.maxX, y: py), to: Point(x: bar.maxX + 4, y: py), stroke: Color.ink.hex)
            svg.text(tick.label, at: Point(x: bar.maxX + 6, y: py + fontSize * 0.35), fontSize: fontSize)
            widest = max(widest, TextMetrics.width(of: tick.label, fontSize: fontSize))
        }
        if let label {
            let px = bar.maxX + 7 + widest + 6 + fontSize * 0.55
            svg.text(label, at: Point(x: px, y: bar.midY), fontSize: fontSize * 1.1, anchor: .middle, rotation: 90)
        }
    }
}
