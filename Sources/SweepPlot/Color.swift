/// An opaque 8-bit sRGB colour.
public struct Color: Hashable, Sendable {
    /// Red component, 0–255.
    public var red: UInt8
    /// Green component, 0–255.
    public var green: UInt8
    /// Blue component, 0–255.
    public var blue: UInt8

    /// Creates a colour from 8-bit components.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Creates a colour from a 24-bit value such as `0x4E79A7`.
    public init(hex value: UInt32) {
        self.init(
            red: UInt8(truncatingIfNeeded: value >> 16), green: UInt8(truncatingIfNeeded: value >> 8),
            blue: UInt8(truncatingIfNeeded: value))
    }

    /// The colour as a lower-case CSS hex string, e.g. `#4e79a7`.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        var text = "#"
        for component in [red, green, blue] {
            text.append(digits[Int(component >> 4)])
            text.append(digits[Int(component & 0xF)])
        }
        return text
    }

    /// Linear interpolation in sRGB between `self` (t = 0) and `other` (t = 1); `t` is clamped to 0…1.
    public func mixed(with other: Color, _ t: Double) -> Color {
        let s = t.isNaN ? 0 : min(max(t, 0), 1)
        func lerp(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) + (Double(b) - Double(a)) * s).rounded())
        }
        return Color(red: lerp(red, other.red), green: lerp(green, other.green), blue: lerp(blue, other.blue))
    }

    /// Black.
    public static let black = Color(hex: 0x000000)
    /// White.
    public static let white = Color(hex: 0xFFFFFF)
    /// The dark grey used for axes and text.
    public static let ink = Color(hex: 0x222222)
    /// The light grey used for grid lines.
    public static let gridGrey = Color(hex: 0xE5E5E5)
}
