/// A continuous colour map from 0…1 to colours, defined by evenly spaced stops.
public struct ColorMap: Hashable, Sendable {
    /// The evenly spaced stops: `stops.first` at 0 and `stops.last` at 1.
    public var stops: [Color]

    /// Creates a colour map from at least one evenly spaced stop.
    public init(stops: [Color]) {
        self.stops = stops.isEmpty ? [Color.black, Color.white] : stops
    }

    /// The colour at `t`, clamped to 0…1 (NaN maps to 0).
    public func color(at t: Double) -> Color {
        guard stops.count > 1 else { return stops[0] }
        let s = t.isNaN ? 0 : min(max(t, 0), 1)
        let position = s * Double(stops.count - 1)
        let lower = min(Int(position), stops.count - 2)
        return stops[lower].mixed(with: stops[lower + 1], position - Double(lower))
    }

    /// The map reversed (0 ↔ 1).
    public var reversed: ColorMap { ColorMap(stops: stops.reversed()) }

    /// Viridis (matplotlib's perceptually uniform sequential map), from dark purple to yellow.
    public static let viridis = ColorMap(stops: [
        Color(hex: 0x440154), Color(hex: 0x482475), Color(hex: 0x414487), Color(hex: 0x355F8D),
        Color(hex: 0x2A788E), Color(hex: 0x21918C), Color(hex: 0x22A884), Color(hex: 0x44BF70),
        Color(hex: 0x7AD151), Color(hex: 0xBDDF26), Color(hex: 0xFDE725),
    ])

    /// Greys from white (0) to black (1), for digit images (ink is dark).
    public static let greys = ColorMap(stops: [Color.white, Color.black])

    /// Diverging blue–white–red (ColorBrewer RdBu, reversed so negative is blue); white at 0.5.
    ///
    /// Blue versus red stays distinguishable under deuteranopia, protanopia and tritanopia.
    public static let blueWhiteRed = ColorMap(stops: [
        Color(hex: 0x053061), Color(hex: 0x2166AC), Color(hex: 0x4393C3), Color(hex: 0x92C5DE),
        Color(hex: 0xD1E5F0), Color(hex: 0xFFFFFF), Color(hex: 0xFDDBC7), Color(hex: 0xF4A582),
        Color(hex: 0xD6604D), Color(hex: 0xB2182B), Color(hex: 0x67001F),
    ])
}
