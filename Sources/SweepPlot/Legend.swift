/// A vertical legend: one marker and label per entry.
public struct Legend: Sendable {
    /// How an entry's marker is drawn.
    public enum Marker: Sendable {
        /// A short horizontal line (for line series).
        case line
        /// A filled circle (for scatter points).
        case dot
        /// A filled square (for areas and densities).
        case box
    }

    /// One legend entry.
    public struct Entry: Sendable {
        /// The label text.
        public var label: String
        /// The marker colour.
        public var color: Color
        /// The marker kind.
        public var marker: Marker

        /// Creates an entry.
        public init(label: String, color: Color, marker: Marker) {
            self.label = label
            self.color = color
            self.marker = marker
        }
    }

    /// The entries, top to bottom.
    public var entries: [Entry]
    /// An optional heading above the entries.
    public var title: String?
    /// Label font size.
    public var fontSize: Double = 11

    /// Creates a legend.
    public init(entries: [Entry], title: String? = nil) {
        self.entries = entries
        self.title = title
    }

    private var rowHeight: Double { fontSize * 1.5 }

    /// The legend's width and height.
    public var size: (width: Double, height: Double) {
        let labels = entries.map { TextMetrics.width(of: $0.label, fontSize: fontSize) }.max() ?? 0
        let heading = title.map { TextMetrics.width(of: $0, fontSize: fontSize) } ?? 0
        let width = max(22 + labels, heading)
        let height = Double(entries.count) * rowHeight + (title == nil ? 0 : rowHeight)
        return (width, height)
    }

    /// Draws the legend with its top-left corner at `origin`.
    public func draw(into svg: inout SVGDocument, at origin: Point) {
        var top = origin.y
        if let title {
            svg.text(title, at: Point(x: origin.x, y: top + fontSize), fontSize: fontSize, bold: true)
            top += rowHeight
        }
        for entry in entries {
            let centerY = top + rowHeight / 2
            switch entry.marker {
            case .line:
                svg.line(
                    from: Point(x: origin.x, y: centerY), to: Point(x: origin.x + 16, y: centerY),
                    stroke: entry.color.hex, width: 2.5)
            case .dot:
                svg.circle(center: Point(x: origin.x + 8, y: centerY), radius: 4.5, fill: entry.color.hex)
            case .box:
                svg.rect(Rect(x: origin.x + 2, y: centerY - 6, width: 12, height: 12), fill: entry.color.hex)
            }
            svg.text(entry.label, at: Point(x: origin.x + 22, y: centerY + fontSize * 0.35), fontSize: fontSize)
            top += rowHeight
        }
    }
}
