/// The aggregate posterior of a 2-D latent space per class: each class is the equal-weight mixture
/// of its images' Gaussians N(μ, diag σ²), drawn as a shaded field and highest-density contours.
public struct LatentDensityPlot: Sendable {
    /// One class's posterior components.
    public struct Class: Sendable {
        /// The legend label (e.g. "4").
        public var label: String
        /// Posterior means, one per image.
        public var means: [SIMD2<Double>]
        /// Posterior variances σ² (diagonal), one per image.
        public var variances: [SIMD2<Double>]

        /// Creates a class from its components' means and variances.
        public init(label: String, means: [SIMD2<Double>], variances: [SIMD2<Double>]) {
            self.label = label
            self.means = means
            self.variances = variances
        }
    }

    /// How classes are arranged.
    public enum Panels: Sendable {
        /// All classes in one panel, with a legend.
        case overlay
        /// One panel per class (same axes), in a grid with the given number of columns.
        case perClass(columns: Int)
        /// The overlay panel followed by one panel per class, in a grid.
        case both(columns: Int)
    }

    /// How each class's density is drawn.
    public enum Style: Sendable {
        /// A shaded field only.
        case shaded
        /// Contour lines only.
        case contours
        /// A shaded field with contour lines on top.
        case shadedWithContours
    }

    /// The classes, in legend order.
    public var classes: [Class]
    /// Grid cells per axis (the density is evaluated on `resolution × resolution` cells).
    public var resolution: Int = 200
    /// The data window (z₁ range, z₂ range); `nil` fits the components (a square window around them).
    public var bounds: (x: ClosedRange<Double>, y: ClosedRange<Double>)?
    /// Components are truncated beyond this many standard deviations.
    public var truncation: Double = 4
    /// Fractions of each class's mass enclosed by its contour lines (highest-density regions).
    public var contourMasses: [Double] = [0.5, 0.9]
    /// The arrangement.
    public var panels: Panels = .overlay
    /// The drawing style.
    public var style: Style = .shadedWithContours
    /// The class colours.
    public var palette: Palette = .tableau10
    /// The figure title.
    public var title: String?
    /// The horizontal axis title.
    public var xLabel = "z₁"
    /// The vertical axis title.
    public var yLabel = "z₂"
    /// Side of each square panel's plotting area in pixels.
    public var panelSize: Double = 420
    /// Base font size.
    public var fontSize: Double = 11
    /// Whether each class's label is written at its density peak in overlay panels.
    public var labelPeaks = true

    /// Creates a plot from per-class components.
    public init(classes: [Class], title: String? = nil) {
        self.classes = classes
        self.title = title
    }

    /// Groups per-image means and variances by integer class label (classes sorted by label,
    /// named by `names[label]` when given, else the label's number).
    public static func classes(
        means: [SIMD2<Double>], variances: [SIMD2<Double>], labels: [Int], names: [String]? = nil
    ) throws(PlotError) -> [Class] {
        guard variances.count == means.count else {
            throw .lengthMismatch(what: "variances", expected: means.count, actual: variances.count)
        }
        guard labels.count == means.count else {
            throw .lengthMismatch(what: "labels", expected: means.count, actual: labels.count)
        }
        var grouped: [Int: ([SIMD2<Double>], [SIMD2<Double>])] = [:]
        for index in means.indices {
            grouped[labels[index], default: ([], [])].0.append(means[index])
            grouped[labels[index], default: ([], [])].1.append(variances[index])
        }
        return grouped.keys.sorted().map { label in
            let name = names.flatMap { label >= 0 && label < $0.count ? $0[label] : nil } ?? String(label)
            let group = grouped[label] ?? ([], [])
            return Class(label: name, means: group.0, variances: group.1)
        }
    }

    /// The data window used: `bounds`, or a square around the 0.5–99.5 % quantiles of μ ± 2σ.
    public func resolvedBounds() -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        if let bounds { return bounds }
        var lowX: [Double] = []
        var highX: [Double] = []
        var lowY: [Double] = []
        var highY: [Double] = []
        for c in classes {
            for (m, v) in zip(c.means, c.variances) where m.x.isFinite && m.y.isFinite && v.x >= 0 && v.y >= 0 {
                let sx = 2 * v.x.squareRoot()
                let sy = 2 * v.y.squareRoot()
                guard sx.isFinite, sy.isFinite else { continue }
                lowX.append(m.x - sx)
                highX.append(m.x + sx)
                lowY.append(m.y - sy)
                highY.append(m.y + sy)
            }
        }
        guard !lowX.isEmpty else { return (-3...3, -3...3) }
        func quantile(_ values: [Double], _ q: Double) -> Double {
            let sorted = values.sorted()
            return sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count - 1) * q).rounded())))]
        }
        let x0 = quantile(lowX, 0.005)
        let x1 = quantile(highX, 0.995)
        let y0 = quantile(lowY, 0.005)
        let y1 = quantile(highY, 0.995)
        let half = max(x1 - x0, y1 - y0, 1e-6) * 0.55
        let cx = (x0 + x1) / 2
        let cy = (y0 + y1) / 2
        return ((cx - half)...(cx + half), (cy - half)...(cy + half))
    }

    /// Each class's density grid over the resolved bounds.
    public func densities() throws(PlotError) -> [DensityGrid] {
        guard resolution >= 2, resolution <= 2000 else {
            throw .invalidParameter(name: "resolution", reason: "\(resolution) must be between 2 and 2000")
        }
        let window = resolvedBounds()
        var grids: [DensityGrid] = []
        for c in classes {
            grids.append(
                try DensityGrid.gaussianMixture(
                    means: c.means, variances: c.variances, columns: resolution, rows: resolution, xRange: window.x,
                    yRange: window.y, truncation: truncation))
        }
        return grids
    }

    /// The figure as a standalone SVG document.
    public func render(xmlDeclaration: Bool = true) throws(PlotError) -> String {
        guard !classes.isEmpty else { throw .empty(what: "latent density plot") }
        let grids = try densities()
        let window = resolvedBounds()
        let legend = Legend(
            entries: classes.indices.map {
                Legend.Entry(label: classes[$0].label, color: palette.color($0), marker: .box)
            },
            title: nil)
        // Panel list: nil = overlay, else a class index.
        let panelList: [Int?]
        let columns: Int
        switch panels {
        case .overlay:
            panelList = [nil]
            columns = 1
        case .perClass(let c):
            panelList = classes.indices.map { $0 }
            columns = c
        case .both(let c):
            panelList = [nil] + classes.indices.map { $0 }
            columns = c
        }
        let single = panelList.count == 1
        let small = !single
        let panelFont = small ? fontSize * 0.9 : fontSize
        let margins = Axes.margins(
            yTickLabels: ["-00.0"], fontSize: panelFont, xLabel: true, yLabel: true, title: small || title != nil)
        let cellWidth = margins.left + panelSize + margins.right
        let cellHeight = margins.top + panelSize + margins.bottom
        let titleHeight = (title ?? "").isEmpty || single ? 0 : fontSize * 1.3 + 14
        let keyWidth =
            contourMasses.map {
                30
                    + TextMetrics.width(
                        of: NumberFormat.fixed($0 * 100, decimals: 1) + "% mass", fontSize: fontSize * 0.9)
            }.max() ?? 0
        let legendWidth = max(legend.size.width, style == .shaded ? 0 : keyWidth) + 24
        let layout = GridLayout(
            count: panelList.count, columns: columns, cellWidth: cellWidth, cellHeight: cellHeight,
            origin: Point(x: 0, y: titleHeight))
        let width = (layout.width + legendWidth).rounded(.up)
        let height = (layout.height + titleHeight + 4).rounded(.up)
        var svg = SVGDocument(width: width, height: height)
        if let title, !title.isEmpty, !single {
            svg.text(
                title, at: Point(x: layout.width / 2, y: fontSize * 1.3 + 4), fontSize: fontSize * 1.3,
                anchor: .middle, bold: true)
        }
        let levels = grids.map { $0.highestDensityLevels(masses: contourMasses) }
        for (index, panel) in panelList.enumerated() {
            let cell = layout.cell(index)
            var axes = Axes(
                frame: Rect(x: cell.x + margins.left, y: cell.y + margins.top, width: panelSize, height: panelSize),
                xDomain: (window.x.lowerBound, window.x.upperBound), yDomain: (window.y.lowerBound, window.y.upperBound)
            )
            axes.fontSize = panelFont
            axes.grid = false
            axes.xLabel = xLabel
            axes.yLabel = yLabel
            axes.title = single ? title : (panel.map { classes[$0].label } ?? "all classes")
            let members = panel.map { [$0] } ?? Array(classes.indices)
            if style != .contours {
                let raster = try shadedField(grids: grids, members: members)
                svg.image(png: try raster.png(), in: axes.frame, pixelated: false)
            }
            axes.draw(into: &svg)
            let clip = svg.clipRect(axes.frame)
            svg.beginGroup([("clip-path", clip)])
            if style != .shaded && members.count == 1 && classes.count > 1 {
                // Context: the other classes' innermost contours in light grey.
                var context = PathBuilder()
                for other in classes.indices where other != members[0] {
                    guard let level = levels[other].first, level > 0 else { continue }
                    for line in Contours.trace(grids[other], level: level) {
                        context.polyline(line.map { axes.point($0.x, $0.y) })
                    }
                }
                svg.path(context.data, stroke: "#b0b0b0", strokeWidth: 0.7)
            }
            if style != .shaded {
                for member in members {
                    let color = members.count == 1 ? Color.ink : palette.color(member).mixed(with: .black, 0.25)
                    for (levelIndex, level) in levels[member].enumerated() where level > 0 {
                        var path = PathBuilder()
                        for line in Contours.trace(grids[member], level: level) {
                            path.polyline(line.map { axes.point($0.x, $0.y) })
                        }
                        let dashed = levelIndex > 0
                        svg.path(
                            path.data, stroke: color.hex, strokeWidth: members.count == 1 ? 1.2 : 1,
                            extra: dashed ? [("stroke-dasharray", "4 3")] : [])
                    }
                }
            }
            svg.endGroup()
            if labelPeaks && members.count > 1 {
                for member in members {
                    let grid = grids[member]
                    guard let peak = grid.values.indices.max(by: { grid.values[$0] < grid.values[$1] }),
                        grid.values[peak] > 0
                    else { continue }
                    let center = grid.center(column: peak % grid.columns, row: peak / grid.columns)
                    let p = axes.point(center.x, center.y)
                    svg.text(
                        classes[member].label, at: Point(x: p.x, y: p.y + panelFont * 0.4), fontSize: panelFont * 1.15,
                        anchor: .middle, fill: palette.color(member).mixed(with: .black, 0.5).hex, bold: true,
                        halo: true)
                }
            }
        }
        legend.draw(into: &svg, at: Point(x: layout.width + 8, y: titleHeight + margins.top))
        if !contourMasses.isEmpty && style != .shaded {
            // A key for the contour line styles, below the legend.
            var y = titleHeight + margins.top + legend.size.height + fontSize * 1.5
            for (index, mass) in contourMasses.enumerated() {
                let dash = index > 0 ? "4 3" : nil
                svg.line(
                    from: Point(x: layout.width + 8, y: y - fontSize * 0.35),
                    to: Point(x: layout.width + 24, y: y - fontSize * 0.35), stroke: Color.ink.hex, width: 1, dash: dash
                )
                svg.text(
                    NumberFormat.fixed(mass * 100, decimals: 1) + "% mass", at: Point(x: layout.width + 30, y: y),
                    fontSize: fontSize * 0.9)
                y += fontSize * 1.4
            }
        }
        return svg.render(xmlDeclaration: xmlDeclaration)
    }

    /// An RGB raster (top row first) blending the members' densities: each class contributes its
    /// colour with opacity rising with its density relative to its own peak.
    func shadedField(grids: [DensityGrid], members: [Int]) throws(PlotError) -> RasterImage {
        let n = resolution
        var pixels = [UInt8](repeating: 255, count: n * n * 3)
        let peaks = members.map { grids[$0].maximum }
        let colors = members.map { palette.color($0) }
        for row in 0..<n {
            let outRow = n - 1 - row
            for column in 0..<n {
                var transparency = 1.0
                var weight = 0.0
                var red = 0.0
                var green = 0.0
                var blue = 0.0
                for (k, member) in members.enumerated() where peaks[k] > 0 {
                    let a = (grids[member].values[row * n + column] / peaks[k]).squareRoot()
                    guard a > 0.002 else { continue }
                    let alpha = min(a, 1) * (members.count == 1 ? 0.9 : 0.75)
                    transparency *= 1 - alpha
                    weight += alpha
                    red += alpha * Double(colors[k].red)
                    green += alpha * Double(colors[k].green)
                    blue += alpha * Double(colors[k].blue)
                }
                guard weight > 0 else { continue }
                let coverage = 1 - transparency
                let offset = (outRow * n + column) * 3
                pixels[offset] = UInt8((255 * (1 - coverage) + coverage * red / weight).rounded())
                pixels[offset + 1] = UInt8((255 * (1 - coverage) + coverage * green / weight).rounded())
                pixels[offset + 2] = UInt8((255 * (1 - coverage) + coverage * blue / weight).rounded())
            }
        }
        return try RasterImage(width: n, height: n, format: .rgb, pixels: pixels)
    }
}
