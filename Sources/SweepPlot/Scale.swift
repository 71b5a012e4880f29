/// Maps data values in a domain to positions in a pixel range, linearly or logarithmically.
public struct Scale: Hashable, Sendable {
    /// How values are mapped.
    public enum Kind: Hashable, Sendable {
        /// Linear mapping.
        case linear
        /// Base-10 logarithmic mapping; the domain must be positive (non-positive values clamp to the lower bound).
        case log
    }

    /// The mapping kind.
    public var kind: Kind
    /// The data value mapped to `rangeStart`.
    public var domainLower: Double
    /// The data value mapped to `rangeEnd`.
    public var domainUpper: Double
    /// The pixel position of `domainLower`.
    public var rangeStart: Double
    /// The pixel position of `domainUpper`.
    public var rangeEnd: Double

    /// Creates a scale; a degenerate or invalid domain is widened so that mapping never divides by zero.
    public init(kind: Kind = .linear, domain: (Double, Double), range: (Double, Double)) {
        var lower = domain.0.isFinite ? domain.0 : 0
        var upper = domain.1.isFinite ? domain.1 : 1
        if kind == .log {
            if upper <= 0 { upper = 1 }
            if lower <= 0 { lower = min(upper / 10, 1) }
            if lower == upper {
                lower /= 10
                upper *= 10
            }
        } else if lower == upper {
            let pad = lower == 0 ? 1 : abs(lower) * 0.1
            lower -= pad
            upper += pad
        }
        self.kind = kind
        self.domainLower = lower
        self.domainUpper = upper
        self.rangeStart = range.0
        self.rangeEnd = range.1
    }

    /// A linear scale.
    public static func linear(domain: (Double, Double), range: (Double, Double)) -> Scale {
        Scale(kind: .linear, domain: domain, range: range)
    }

    /// A base-10 logarithmic scale.
    public static func log(domain: (Double, Double), range: (Double, Double)) -> Scale {
        Scale(kind: .log, domain: domain, range: range)
    }

    /// The pixel position of `value`.
    public func callAsFunction(_ value: Double) -> Double {
        rangeStart + (rangeEnd - rangeStart) * fraction(value)
    }

    /// The position of `value` in the domain as a fraction (0 at `domainLower`, 1 at `domainUpper`; not clamped).
    public func fraction(_ value: Double) -> Double {
        switch kind {
        case .linear:
            return (value - domainLower) / (domainUpper - domainLower)
        case .log:
            let v = value > 0 ? value : domainLower
            return (cLog10(v) - cLog10(domainLower))
                / (cLog10(domainUpper) - cLog10(domainLower))
        }
    }

    /// About `count` nice ticks within the domain.
    public func ticks(count: Int = 5) -> [Tick] {
        switch kind {
        case .linear: return Ticks.linear(domainLower, domainUpper, count: count)
        case .log: return Ticks.log(domainLower, domainUpper, count: count)
        }
    }

    /// The scale with its domain extended to nice round values (powers of ten for log scales).
    public func niced(count: Int = 5) -> Scale {
        var copy = self
        let flipped = domainLower > domainUpper
        let low = min(domainLower, domainUpper)
        let high = max(domainLower, domainUpper)
        var newLow: Double
        var newHigh: Double
        switch kind {
        case .linear:
            (newLow, newHigh) = Ticks.niceDomain(low, high, count: count)
        case .log:
            newLow = NumberFormat.pow10(NumberFormat.log10Floor(low))
            let upperExponent = NumberFormat.log10Floor(high)
            newHigh = NumberFormat.pow10(upperExponent) >= high ? high : NumberFormat.pow10(upperExponent + 1)
        }
        if flipped { swap(&newLow, &newHigh) }
        copy.domainLower = newLow
        copy.domainUpper = newHigh
        return copy
    }

    /// The finite extent of `values` (positive values only for `.log`), padded by `padding` × span.
    public static func extent(_ values: [Double], kind: Kind = .linear, padding: Double = 0) -> (Double, Double) {
        var low = Double.infinity
        var high = -Double.infinity
        for v in values where v.isFinite && (kind == .linear || v > 0) {
            low = min(low, v)
            high = max(high, v)
        }
        if low > high { return kind == .log ? (1, 10) : (0, 1) }
        if padding > 0 {
            if kind == .log {
                let ratio = cPow10((cLog10(high) - cLog10(low)) * padding)
                return (low / ratio, high * ratio)
            }
            let pad = (high - low) * padding
            return (low - pad, high + pad)
        }
        return (low, high)
    }
}
