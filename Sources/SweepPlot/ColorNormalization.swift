/// Maps data values to the 0…1 input of a `ColorMap`.
public struct ColorNormalization: Hashable, Sendable {
    /// The value mapped to 0.
    public var lower: Double
    /// The value mapped to 1.
    public var upper: Double

    /// Maps `lower` to 0 and `upper` to 1 linearly; a degenerate range maps everything to 0.5.
    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// A range symmetric around zero, ±max|v| over `values` (±1 when all are zero or non-finite).
    public static func symmetric(_ values: [Double]) -> ColorNormalization {
        var largest = 0.0
        for v in values where v.isFinite { largest = max(largest, abs(v)) }
        if largest == 0 { largest = 1 }
        return ColorNormalization(lower: -largest, upper: largest)
    }

    /// The finite minimum and maximum of `values` (0…1 when there are none).
    public static func extent(_ values: [Double]) -> ColorNormalization {
        var low = Double.infinity
        var high = -Double.infinity
        for v in values where v.isFinite {
            low = min(low, v)
            high = max(high, v)
        }
        if low > high { return ColorNormalization(lower: 0, upper: 1) }
        return ColorNormalization(lower: low, upper: high)
    }

    /// The position of `value` in 0…1 (clamped; NaN maps to 0.5).
    public func callAsFunction(_ value: Double) -> Double {
        guard value.isFinite || value.isInfinite, !value.isNaN else { return 0.5 }
        let span = upper - lower
        guard span != 0, span.isFinite else { return 0.5 }
        return min(max((value - lower) / span, 0), 1)
    }
}
