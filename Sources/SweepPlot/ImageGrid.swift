/// A grid of small images (weight masks, digits) sharing one colour scale, with a colour bar.
public struct ImageGrid: Sendable {
    /// One image: `width × height` values, row-major, top row first.
    public struct Image: Sendable {
        /// The caption drawn above the image.
        public var title: String?
        /// Width in pixels (e.g. 28).
        public var width: Int
        /// Height in pixels (e.g. 28).
        public var height: Int
        /// `width × height` values.
        public var values: [Double]

        /// Creates an image.
        public init(title: String? = nil, width: Int, height: Int, values: [Double]) {
            self.title = title
            self.width = width
            self.height = height
            self.values = values
        }
    }

    /// How values become colours.
    public enum Coloring: Sendable {
        /// Blue–white–red, symmetric around zero over all images (for weights).
        case diverging
        /// White (low) to black (high) over the data extent, or 0…1 when all values lie there (for digits).
        case greys
        /// Any map and value range.
        case custom(ColorMap, ColorNormalization)
    }

    /// The images, placed row-major.
    public var images: [Image]
    /// Number of columns.
    public var columns: Int = 5
    /// Displayed size of each image in pixels (its longer side).
    public var cellSize: Double = 112
    /// The colouring.
    public var coloring: Coloring = .diverging
    /// The figure title.
    public var title: String?
    /// Whether a colour bar is drawn.
    public var showColorBar = true
    /// The colour bar's label.
    public var colorBarLabel: String?
    /// Base font size.
    public var fontSize: Double = 11

    /// Creates a grid of images.
    public init(images: [Image], columns: Int = 5, coloring: Coloring = .diverging, title: String? = nil) {
        self.images = images
        self.columns = columns
        self.coloring = coloring
        self.title = title
    }

    /// The colour map and value range used.
    public var colorScale: (map: ColorMap, normalization: ColorNormalization) {
        let all = images.flatMap(\.values)
        switch coloring {
        case .diverging:
            return (ColorMap.blueWhiteRed, ColorNormalization.symmetric(all))
        case .greys:
            let extent = ColorNormalization.extent(all)
            let unit = extent.lower >= 0 && extent.upper <= 1
            return (ColorMap.greys, unit ? ColorNormalization(lower: 0, upper: 1) : extent)
        case .custom(let map, let normalization):
            return (map, normalization)
        }
    }

    /// The grid as a standalone SVG document.
    public func render(xmlDeclaration: Bool = true) throws(PlotError) -> String {
        guard !images.isEmpty else { throw .empty(what: "image grid") }
        let hasCaptions = images.contains { !($0.title ?? "").isEmpty }
        let captionHeight = hasCaptions ? fontSize * 1.6 : 0
        let gap = 8.0
        let layout = GridLayout(
            count: images.count, columns: columns, cellWidth: cellSize + gap,
            cellHeight: cellSize + captionHeight + gap,
            origin: Point(x: 12, y: (title ?? "").isEmpty ? 8 : fontSize * 1.3 + 16))
        let scale = colorScale
        let bar = ColorBar(colorMap: scale.map, normalization: scale.normalization, label: colorBarLabel)
        let barHeight = max(min(layout.height - gap - captionHeight, 320), 60)
        let barWidth = showColorBar ? bar.width(height: barHeight) + 20 : 0
        let width = (layout.origin.x + layout.width + barWidth + 8).rounded(.up)
        let height = (layout.origin.y + layout.height + 4).rounded(.up)
        var svg = SVGDocument(width: width, height: height)
        if let title, !title.isEmpty {
            svg.text(
                title, at: Point(x: width / 2, y: fontSize * 1.3 + 4), fontSize: fontSize * 1.3, anchor: .middle,
                bold: true)
        }
        for (index, image) in images.enumerated() {
            guard image.width > 0, image.height > 0 else {
                throw .invalidParameter(name: "image \(index) size", reason: "\(image.width)×\(image.height) is empty")
            }
            let raster = try RasterImage.mapping(
                image.values, width: image.width, height: image.height, colorMap: scale.map,
                normalization: scale.normalization)
            let longest = Double(max(image.width, image.height))
            let factor = max(1, Int(min(cellSize / longest, 16).rounded(.down)))
            let cell = layout.cell(index)
            let displayWidth = cellSize * Double(image.width) / longest
            let displayHeight = cellSize * Double(image.height) / longest
            let frame = Rect(
                x: cell.x + (cellSize - displayWidth) / 2, y: cell.y + captionHeight, width: displayWidth,
                height: displayHeight)
            if let caption = image.title, !caption.isEmpty {
                svg.text(caption, at: Point(x: frame.midX, y: cell.y + fontSize), fontSize: fontSize, anchor: .middle)
            }
            svg.image(png: try raster.upscaled(by: factor).png(), in: frame)
            svg.rect(frame, fill: "none", stroke: "#888888", strokeWidth: 0.5)
        }
        if showColorBar {
            let frame = Rect(
                x: layout.origin.x + layout.width + 8, y: layout.origin.y + captionHeight, width: barWidth,
                height: barHeight)
            bar.draw(into: &svg, frame: frame)
        }
        return svg.render(xmlDeclaration: xmlDeclaration)
    }
}
