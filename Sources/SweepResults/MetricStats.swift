/// Running statistics of one metric over the lines of one cell's `metrics.jsonl`.
public struct MetricStats: Sendable, Hashable {
    /// The first value written.
    public var first: Double
    /// The last value written.
    public var last: Double
    /// The smallest value (NaN when every value is NaN).
    public var min: Double
    /// The largest value (NaN when every value is NaN).
    public var max: Double
    /// The sum of all values.
    public var sum: Double
    /// How many values were written.
    public var count: Int

    /// Statistics of one value.
    public init(_ value: Double) {
        first = value
        last = value
        min = value
        max = value
        sum = value
        count = 1
    }

    /// Adds a later value.
    public mutating func add(_ value: Double) {
        last = value
        if value < min || min.isNaN { min = value }
        if value > max || max.isNaN { max = value }
        sum += value
        count += 1
    }

    /// The value a reduction picks.
    public func value(_ reduction: Reduction) -> Double {
        switch reduction {
        case .final, .last: return last
        case .first: return first
        case .min: return min
        case .max: return max
        case .mean: return sum / Double(count)
        }
    }
}
