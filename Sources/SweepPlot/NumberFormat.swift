/// Deterministic, locale-independent formatting of numbers for SVG output and labels.
public enum NumberFormat {
    private static let powersOfTen: [Double] = (0...15).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Formats `value` with at most `decimals` fraction digits, trailing zeros removed ("0.3", "12", "-1.25").
    ///
    /// Non-finite values format as "0" so that SVG output stays valid; `-0` formats as "0".
    public static func fixed(_ value: Double, decimals: Int, trimZeros: Bool = true) -> String {
        guard value.isFinite else { return "0" }
        let places = min(max(decimals, 0), 15)
        let scale = powersOfTen[places]
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else {
            // Too large for exact integer arithmetic: fall back to Swift's shortest round-trip form.
            return value.rounded().description
        }
        let integer = UInt64(scaled)
        let divisor = UInt64(scale)
        let whole = integer / divisor
        let fraction = integer % divisor
        var text = integer == 0 ? "" : (value < 0 ? "-" : "")
        text += String(whole)
        if places > 0 {
            var digits = String(fraction)
            if digits.count < places {
                digits = String(repeating: "0", count: places - digits.count) + digits
            }
            if trimZeros {
                while digits.hasSuffix("0") { digits.removeLast() }
            }
            if !digits.isEmpty { text += "." + digits }
        }
        return text
    }

    /// Formats an SVG coordinate or length with two decimals at most ("12.5", "3").
    public static func coordinate(_ value: Double) -> String {
        fixed(value, decimals: 2)
    }

    /// Formats a number for a label with about `significant` significant digits, switching to
    /// exponent notation ("1.5e-7") for very large or very small magnitudes.
    public static func compact(_ value: Double, significant: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        let exponent = Int((log10Floor(magnitude)))
        let digits = max(significant, 1)
        if exponent >= 6 || exponent <= -4 {
            let mantissa = value / pow10(exponent)
            return fixed(mantissa, decimals: digits - 1) + "e" + String(exponent)
        }
        return fixed(value, decimals: max(0, digits - 1 - exponent))
    }

    /// `10^exponent` computed so that integral exponents give the exact decimal power where possible.
    static func pow10(_ exponent: Int) -> Double {
        if exponent >= 0 {
            return exponent < powersOfTen.count ? powersOfTen[exponent] : pow10Slow(exponent)
        }
        return -exponent < powersOfTen.count ? 1 / powersOfTen[-exponent] : 1 / pow10Slow(-exponent)
    }

    private static func pow10Slow(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// `floor(log10(x))` for positive finite `x`, corrected for rounding at exact powers of ten.
    static func log10Floor(_ x: Double) -> Int {
        var exponent = Int(cLog10(x).rounded(.down))
        if pow10(exponent) > x { exponent -= 1 }
        if pow10(exponent + 1) <= x { exponent += 1 }
        return exponent
    }
}
