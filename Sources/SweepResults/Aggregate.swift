/// One metric over the cells of a row: mean, sample standard deviation (n − 1) and count.
public struct Aggregate: Sendable, Hashable {
    /// The mean (NaN when a value is NaN; ±inf propagate as IEEE arithmetic says).
    public var mean: Double
    /// The sample standard deviation (n − 1); nil when n < 2.
    public var std: Double?
    /// How many values went in.
    public var count: Int

    /// Creates an aggregate.
    public init(mean: Double, std: Double?, count: Int) {
        self.mean = mean
        self.std = std
        self.count = count
    }

    /// The aggregate of `values`, or nil when there are none.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        count = values.count
        var sum = 0.0
        for v in values { sum += v }
        let mean = sum / Double(values.count)
        self.mean = mean
        if values.count < 2 {
            std = nil
        } else if !mean.isFinite {
            std = .nan
        } else if values.allSatisfy({ $0 == values[0] }) {
            std = 0
        } else {
            // Two passes: no cancellation for values far from zero.
            var squares = 0.0
            for v in values { squares += (v - mean) * (v - mean) }
            std = (squares / Double(values.count - 1)).squareRoot()
        }
    }
}
