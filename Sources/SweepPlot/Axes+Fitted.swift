extension Axes {
    /// Axes whose frame is fitted into `cell`, leaving room for tick labels, axis titles, the
    /// title and `rightExtra` pixels on the right (for a legend or colour bar).
    ///
    /// Domains are extended to nice round values when `nice` is set.
    public static func fitted(
        in cell: Rect, xDomain: (Double, Double), yDomain: (Double, Double), xKind: Scale.Kind = .linear,
        yKind: Scale.Kind = .linear, xLabel: String? = nil, yLabel: String? = nil, title: String? = nil,
        fontSize: Double = 11, rightExtra: Double = 0, nice: Bool = true
    ) -> Axes {
        let hasX = !(xLabel ?? "").isEmpty
        let hasY = !(yLabel ?? "").isEmpty
        let hasTitle = !(title ?? "").isEmpty
        let base = margins(yTickLabels: [], fontSize: fontSize, xLabel: hasX, yLabel: hasY, title: hasTitle)
        let frameHeight = max(cell.height - base.top - base.bottom, 10)
        var yScale = Scale(kind: yKind, domain: yDomain, range: (frameHeight, 0))
        var xScale = Scale(kind: xKind, domain: xDomain, range: (0, 1))
        if nice {
            yScale = yScale.niced(count: tickCount(length: frameHeight, spacing: 40))
            xScale = xScale.niced(count: tickCount(length: cell.width * 0.8, spacing: 70))
        }
        let labels = yScale.ticks(count: tickCount(length: frameHeight, spacing: 40)).map(\.label)
        let full = margins(yTickLabels: labels, fontSize: fontSize, xLabel: hasX, yLabel: hasY, title: hasTitle)
        let frame = cell.inset(top: full.top, left: full.left, bottom: full.bottom, right: full.right + rightExtra)
        var axes = Axes(
            frame: frame, xDomain: (xScale.domainLower, xScale.domainUpper),
            yDomain: (yScale.domainLower, yScale.domainUpper), xKind: xKind, yKind: yKind)
        axes.xLabel = xLabel
        axes.yLabel = yLabel
        axes.title = title
        axes.fontSize = fontSize
        return axes
    }
}
