/// Categorical colour palettes that stay distinguishable under common colour-vision deficiencies.
public struct Palette: Hashable, Sendable {
    /// The palette's colours in order.
    public var colors: [Color]

    /// Creates a palette from colours; an empty list falls back to Tableau-10.
    public init(_ colors: [Color]) {
        self.colors = colors.isEmpty ? Palette.tableau10.colors : colors
    }

    /// The colour for category `index`, cycling when there are more categories than colours.
    public func color(_ index: Int) -> Color {
        let n = colors.count
        return colors[((index % n) + n) % n]
    }

    /// Okabe & Ito (2008): eight colours safe for all common colour-vision deficiencies (black last).
    public static let okabeIto = Palette([
        Color(hex: 0xE69F00), Color(hex: 0x56B4E9), Color(hex: 0x009E73), Color(hex: 0xF0E442),
        Color(hex: 0x0072B2), Color(hex: 0xD55E00), Color(hex: 0xCC79A7), Color(hex: 0x000000),
    ])

    /// Tableau 10 (2016 revision): ten colours designed for colour-vision-deficiency robustness.
    public static let tableau10 = Palette([
        Color(hex: 0x4E79A7), Color(hex: 0xF28E2B), Color(hex: 0xE15759), Color(hex: 0x76B7B2),
        Color(hex: 0x59A14F), Color(hex: 0xEDC948), Color(hex: 0xB07AA1), Color(hex: 0xFF9DA7),
        Color(hex: 0x9C755F), Color(hex: 0xBAB0AC),
    ])

    /// The palette to use for `count` categories: Okabe–Ito up to 8, Tableau 10 beyond.
    public static func categorical(count: Int) -> Palette {
        count <= 8 ? okabeIto : tableau10
    }
}
