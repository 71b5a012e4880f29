internal import Foundation

/// A minimal SVG builder for the trainer's figures.
struct FiguresSVG {
    let width: Double
    let height: Double
    private(set) var body: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Ten class colours (Tableau 10).
    static let palette: [(Double, Double, Double)] = [
        (0.122, 0.467, 0.706), (1.0, 0.498, 0.055), (0.173, 0.627, 0.173), (0.839, 0.153, 0.157),
        (0.580, 0.404, 0.741), (0.549, 0.337, 0.294), (0.890, 0.467, 0.761), (0.498, 0.498, 0.498),
        (0.737, 0.741, 0.133), (0.090, 0.745, 0.812),
    ]

    static func color(_ c: (Double, Double, Double)) -> String {
        func h(_ v: Double) -> String {
            let s = String(Int((max(0, min(1, v)) * 255).rounded()), radix: 16)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + h(c.0) + h(c.1) + h(c.2)
    }

    static func classColor(_ k: Int) -> (Double, Double, Double) { palette[((k % 10) + 10) % 10] }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static func num(_ v: Double) -> String { String(format: "%.2f", v) }

    mutating func text(_ s: String, x: Double, y: Double, size: Double = 12, anchor: String = "middle", weight: String = "normal") {
        body.append(
            "<text x=\"\(Self.num(x))\" y=\"\(Self.num(y))\" font-size=\"\(Self.num(size))\" text-anchor=\"\(anchor)\" font-weight=\"\(weight)\">\(Self.escape(s))</text>")
    }

    mutating func rect(x: Double, y: Double, w: Double, h: Double, fill: String, stroke: String = "none") {
        body.append(
            "<rect x=\"\(Self.num(x))\" y=\"\(Self.num(y))\" width=\"\(Self.num(w))\" height=\"\(Self.num(h))\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>")
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#333") {
        body.append(
            "<line x1=\"\(Self.num(x1))\" y1=\"\(Self.num(y1))\" x2=\"\(Self.num(x2))\" y2=\"\(Self.num(y2))\" stroke=\"\(stroke)\" stroke-width=\"1\"/>")
    }

    mutating func image(_ raster: FiguresRaster, x: Double, y: Double, w: Double, h: Double, smooth: Bool = true) {
        let rendering = smooth ? "" : " style=\"image-rendering:pixelated\" image-rendering=\"pixelated\""
        body.append(
            "<image x=\"\(Self.num(x))\" y=\"\(Self.num(y))\" width=\"\(Self.num(w))\" height=\"\(Self.num(h))\" preserveAspectRatio=\"none\"\(rendering) href=\"\(raster.dataURI())\"/>")
    }

    /// A framed panel with tick labels at both ends of each axis.
    mutating func axes(x: Double, y: Double, w: Double, h: Double, xRange: (Double, Double), yRange: (Double, Double), xLabel: String, yLabel: String) {
        rect(x: x, y: y, w: w, h: h, fill: "none", stroke: "#333")
        let f = { (v: Double) in String(format: "%.3g", v) }
        text(f(xRange.0), x: x, y: y + h + 13, size: 10, anchor: "start")
        text(f(xRange.1), x: x + w, y: y + h + 13, size: 10, anchor: "end")
        text(xLabel, x: x + w / 2, y: y + h + 15, size: 11)
        text(f(yRange.0), x: x - 3, y: y + h, size: 10, anchor: "end")
        text(f(yRange.1), x: x - 3, y: y + 9, size: 10, anchor: "end")
        body.append(
            "<text x=\"\(Self.num(x - 8))\" y=\"\(Self.num(y + h / 2))\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 \(Self.num(x - 8)) \(Self.num(y + h / 2)))\">\(Self.escape(yLabel))</text>")
    }

    /// A class legend, one swatch per label.
    mutating func legend(_ labels: [String], x: Double, y: Double) {
        for (k, label) in labels.enumerated() {
            rect(x: x, y: y + Double(k) * 16, w: 10, h: 10, fill: Self.color(Self.classColor(k)))
            text(label, x: x + 14, y: y + Double(k) * 16 + 9, size: 11, anchor: "start")
        }
    }

    var document: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.num(width))\" height=\"\(Self.num(height))\" viewBox=\"0 0 \(Self.num(width)) \(Self.num(height))\" font-family=\"sans-serif\">\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + body.joined(separator: "\n") + "\n</svg>\n"
    }
}
