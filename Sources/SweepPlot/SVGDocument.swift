/// Builds a standalone SVG document; all text and attribute values are XML-escaped.
///
/// Element ids (gradients, clip paths) are made unique per document content, so several documents
/// can be inlined into one HTML page without clashes.
public struct SVGDocument: Sendable {
    /// Width in user units (pixels).
    public let width: Double
    /// Height in user units (pixels).
    public let height: Double
    private var definitions: [String] = []
    private var body: [String] = []
    private var depth = 1
    private var idCounter = 0
    /// A marker that cannot survive escaping, replaced by a content hash in `render()`.
    private static let idToken = "\u{1}"

    /// Creates an empty document of the given size.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Appends an element with ordered attributes and optional (escaped) text content.
    public mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        var line = "<" + name + Self.attributeString(attributes)
        if let text {
            line += ">" + XMLEscape.text(text) + "</" + name + ">"
        } else {
            line += "/>"
        }
        append(line)
    }

    /// Opens a group `<g>` with the given attributes; balance with `endGroup()`.
    public mutating func beginGroup(_ attributes: [(String, String)] = []) {
        append("<g" + Self.attributeString(attributes) + ">")
        depth += 1
    }

    /// Closes the innermost open group.
    public mutating func endGroup() {
        guard depth > 1 else { return }
        depth -= 1
        append("</g>")
    }

    /// Appends a rectangle.
    public mutating func rect(
        _ r: Rect, fill: String, stroke: String? = nil, strokeWidth: Double? = nil, opacity: Double? = nil
    ) {
        var attributes: [(String, String)] = [
            ("x", f(r.x)), ("y", f(r.y)), ("width", f(max(r.width, 0))), ("height", f(max(r.height, 0))),
            ("fill", fill),
        ]
        Self.addStroke(&attributes, stroke, strokeWidth)
        if let opacity { attributes.append(("opacity", NumberFormat.fixed(opacity, decimals: 3))) }
        element("rect", attributes)
    }

    /// Appends a straight line segment.
    public mutating func line(
        from a: Point, to b: Point, stroke: String, width: Double = 1, dash: String? = nil, opacity: Double? = nil
    ) {
        var attributes: [(String, String)] = [
            ("x1", f(a.x)), ("y1", f(a.y)), ("x2", f(b.x)), ("y2", f(b.y)), ("stroke", stroke),
            ("stroke-width", f(width)),
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let opacity { attributes.append(("stroke-opacity", NumberFormat.fixed(opacity, decimals: 3))) }
        element("line", attributes)
    }

    /// Appends a path; `fill` defaults to none.
    public mutating func path(
        _ data: String, fill: String = "none", stroke: String? = nil, strokeWidth: Double? = nil,
        opacity: Double? = nil, extra: [(String, String)] = []
    ) {
        guard !data.isEmpty else { return }
        var attributes: [(String, String)] = [("d", data), ("fill", fill)]
        Self.addStroke(&attributes, stroke, strokeWidth)
        if stroke != nil { attributes.append(("stroke-linejoin", "round")) }
        if let opacity { attributes.append(("opacity", NumberFormat.fixed(opacity, decimals: 3))) }
        attributes += extra
        element("path", attributes)
    }

    /// Appends a circle.
    public mutating func circle(
        center: Point, radius: Double, fill: String, stroke: String? = nil, strokeWidth: Double? = nil,
        opacity: Double? = nil
    ) {
        var attributes: [(String, String)] = [
            ("cx", f(center.x)), ("cy", f(center.y)), ("r", f(radius)), ("fill", fill),
        ]
        Self.addStroke(&attributes, stroke, strokeWidth)
        if let opacity { attributes.append(("fill-opacity", NumberFormat.fixed(opacity, decimals: 3))) }
        element("circle", attributes)
    }

    /// Appends a single line of text whose baseline starts (or is centred/ends) at `position`.
    ///
    /// `rotation` (degrees) turns the text around `position`; `-90` reads bottom-to-top. `halo`
    /// draws a white outline underneath (not combined with rotation).
    public mutating func text(
        _ string: String, at position: Point, fontSize: Double, anchor: TextAnchor = .start,
        fill: String = Color.ink.hex, bold: Bool = false, rotation: Double? = nil, halo: Bool = false
    ) {
        if halo {
            // A white outline under the text keeps it readable over lines and shading; drawn as a
            // separate element because not every renderer honours `paint-order`.
            var under: [(String, String)] = [("x", f(position.x)), ("y", f(position.y)), ("font-size", f(fontSize))]
            if anchor != .start { under.append(("text-anchor", anchor.rawValue)) }
            if bold { under.append(("font-weight", "bold")) }
            under += [
                ("fill", "#ffffff"), ("stroke", "#ffffff"), ("stroke-width", f(max(fontSize / 4, 2))),
                ("stroke-linejoin", "round"),
            ]
            element("text", under, text: string)
        }
        var attributes: [(String, String)] = [("x", f(position.x)), ("y", f(position.y))]
        attributes.append(("font-size", f(fontSize)))
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        if fill != Color.ink.hex { attributes.append(("fill", fill)) }
        if bold { attributes.append(("font-weight", "bold")) }
        if let rotation, rotation != 0 {
            attributes.append(
                (
                    "transform",
                    "rotate(" + NumberFormat.fixed(rotation, decimals: 2) + " " + f(position.x) + " "
                        + f(position.y) + ")"
                ))
        }
        element("text", attributes, text: string)
    }

    /// Appends a PNG image (as a base64 data URI) stretched over `frame`.
    ///
    /// `pixelated` asks viewers to scale without smoothing (for masks and digits).
    public mutating func image(png: [UInt8], in frame: Rect, pixelated: Bool = true) {
        var attributes: [(String, String)] = [
            ("x", f(frame.x)), ("y", f(frame.y)), ("width", f(frame.width)), ("height", f(frame.height)),
            ("preserveAspectRatio", "none"),
        ]
        if pixelated { attributes.append(("style", "image-rendering:pixelated;image-rendering:crisp-edges")) }
        attributes.append(("href", "data:image/png;base64," + Base64.encode(png)))
        element("image", attributes)
    }

    /// Defines a linear gradient through evenly spaced colours and returns its paint reference `url(#…)`.
    ///
    /// With `vertical`, the first colour is at the bottom and the last at the top (as in a colour bar).
    public mutating func linearGradient(_ colors: [Color], vertical: Bool) -> String {
        let id = newID("g")
        let coordinates: [(String, String)] =
            vertical
            ? [("x1", "0"), ("y1", "1"), ("x2", "0"), ("y2", "0")]
            : [("x1", "0"), ("y1", "0"), ("x2", "1"), ("y2", "0")]
        var text = "<linearGradient" + Self.attributeString([("id", id)] + coordinates) + ">"
        let count = max(colors.count - 1, 1)
        for (index, color) in colors.enumerated() {
            let offset = NumberFormat.fixed(Double(index) / Double(count), decimals: 4)
            text += "<stop" + Self.attributeString([("offset", offset), ("stop-color", color.hex)]) + "/>"
        }
        text += "</linearGradient>"
        definitions.append(text)
        return "url(#" + id + ")"
    }

    /// Defines a rectangular clip path and returns its reference `url(#…)` for a `clip-path` attribute.
    public mutating func clipRect(_ r: Rect) -> String {
        let id = newID("c")
        definitions.append(
            "<clipPath id=\"" + id + "\"><rect"
                + Self.attributeString([
                    ("x", f(r.x)), ("y", f(r.y)), ("width", f(r.width)), ("height", f(r.height)),
                ]) + "/></clipPath>")
        return "url(#" + id + ")"
    }

    /// The SVG text; `xmlDeclaration` adds `<?xml …?>` for standalone files (omit it to inline in HTML).
    public func render(xmlDeclaration: Bool = true) -> String {
        var out = xmlDeclaration ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        out +=
            "<svg"
            + Self.attributeString([
                ("xmlns", "http://www.w3.org/2000/svg"), ("width", f(width)), ("height", f(height)),
                ("viewBox", "0 0 " + f(width) + " " + f(height)), ("font-family", TextMetrics.fontFamily),
            ]) + ">\n"
        if !definitions.isEmpty {
            out += "  <defs>\n"
            for definition in definitions { out += "    " + definition + "\n" }
            out += "  </defs>\n"
        }
        out += "  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        for line in body { out += line + "\n" }
        for _ in 1..<depth { out += "</g>\n" }
        out += "</svg>\n"
        guard idCounter > 0 else { return out }
        let prefix = "s" + Self.fnv1a(out) + "-"
        return out.replacingAll(Self.idToken, with: prefix)
    }

    // MARK: - Helpers

    private func f(_ value: Double) -> String { NumberFormat.coordinate(value) }

    private mutating func append(_ line: String) {
        body.append(String(repeating: "  ", count: depth) + line)
    }

    private mutating func newID(_ kind: String) -> String {
        idCounter += 1
        return Self.idToken + kind + String(idCounter)
    }

    private static func addStroke(_ attributes: inout [(String, String)], _ stroke: String?, _ width: Double?) {
        guard let stroke else { return }
        attributes.append(("stroke", stroke))
        if let width { attributes.append(("stroke-width", NumberFormat.coordinate(width))) }
    }

    private static func attributeString(_ attributes: [(String, String)]) -> String {
        var text = ""
        for (name, value) in attributes {
            // Keep the id token intact: it is replaced after escaping.
            let escaped =
                value.contains(idToken)
                ? value.split(separator: Character(idToken), omittingEmptySubsequences: false)
                    .map { XMLEscape.attribute(String($0)) }.joined(separator: idToken)
                : XMLEscape.attribute(value)
            text += " " + name + "=\"" + escaped + "\""
        }
        return text
    }

    private static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let digits = Array("0123456789abcdef")
        var out = ""
        for shift in stride(from: 28, through: 0, by: -4) { out.append(digits[Int((hash >> UInt64(shift)) & 0xF)]) }
        return out
    }
}

extension String {
    /// `self` with every occurrence of `target` replaced by `replacement`.
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
