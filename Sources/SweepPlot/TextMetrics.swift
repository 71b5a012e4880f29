/// Estimates the rendered width of text in a Helvetica/Arial-like sans-serif font.
public enum TextMetrics {
    /// Helvetica advance widths (1/1000 em) for ASCII 32…126.
    private static let asciiWidths: [UInt16] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space … /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 … ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ … O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P … _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` … o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  // p … ~
    ]

    /// The font family written into SVG text elements.
    public static let fontFamily = "Helvetica, Arial, sans-serif"

    /// The estimated width of `text` at `fontSize`.
    ///
    /// Generous (about 12 % wider than Helvetica, as wide as DejaVu Sans, the usual fallback on Linux),
    /// so that layouts leave room whichever sans-serif font the viewer picks; bold adds 8 %.
    public static func width(of text: String, fontSize: Double, bold: Bool = false) -> Double {
        var units = 0.0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 32 && v <= 126 {
                units += Double(asciiWidths[Int(v - 32)])
            } else if v < 32 {
                continue
            } else if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v)
            {
                units += 1000
            } else if (0x0300...0x036F).contains(v) {
                continue
            } else {
                units += 600
            }
        }
        return units * fontSize / 1000 * 1.12 * (bold ? 1.08 : 1)
    }
}
