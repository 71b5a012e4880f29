/// "Nice" tick generation: steps of 1, 2 or 5 × 10ᵏ with exactly formatted labels.
public enum Ticks {
    /// A tick step `multiplier × 10^exponent` with `multiplier` ∈ {1, 2, 5}.
    struct Step: Equatable {
        var multiplier: Int
        var exponent: Int

        /// The step as a number.
        var value: Double { Double(multiplier) * NumberFormat.pow10(exponent) }

        /// `index × step`, computed so that decimal steps give the nearest double to the decimal value.
        func multiple(_ index: Int) -> Double {
            exponent >= 0
                ? Double(index * multiplier) * NumberFormat.pow10(exponent)
                : Double(index * multiplier) / NumberFormat.pow10(-exponent)
        }
    }

    /// The nice step for about `count` intervals over `lower…upper` (Heckbert's 1-2-5 rule, as in d3).
    static func step(lower: Double, upper: Double, count: Int) -> Step? {
        let span = upper - lower
        guard span > 0, span.isFinite, count > 0 else { return nil }
        let raw = span / Double(count)
        let exponent = NumberFormat.log10Floor(raw)
        let error = raw / NumberFormat.pow10(exponent)
        if error >= 50.0.squareRoot() { return Step(multiplier: 1, exponent: exponent + 1) }
        if error >= 10.0.squareRoot() { return Step(multiplier: 5, exponent: exponent) }
        if error >= 2.0.squareRoot() { return Step(multiplier: 2, exponent: exponent) }
        return Step(multiplier: 1, exponent: exponent)
    }

    /// About `count` nice ticks inside `lower…upper` (bounds in either order), labelled exactly.
    ///
    /// A degenerate range gives a single tick at that value.
    public static func linear(_ lower: Double, _ upper: Double, count: Int = 5) -> [Tick] {
        let low = min(lower, upper)
        let high = max(lower, upper)
        guard low.isFinite, high.isFinite else { return [] }
        guard let step = step(lower: low, upper: high, count: max(count, 1)),
            max(abs(low), abs(high)) / step.value < 1e15
        else {
            // A point, or a span too narrow for its magnitude to be divided into steps.
            return [Tick(value: low, label: NumberFormat.compact(low))]
        }
        let first = Int((low / step.value - 1e-9).rounded(.up))
        let last = Int((high / step.value + 1e-9).rounded(.down))
        guard last >= first, last - first <= 1000 else { return [] }
        let values = (first...last).map { step.multiple($0) }
        let labels = labels(for: values, step: step)
        return zip(values, labels).map { Tick(value: $0, label: $1) }
    }

    /// Extends `lower…upper` outwards to multiples of the nice step for about `count` ticks.
    public static func niceDomain(_ lower: Double, _ upper: Double, count: Int = 5) -> (lower: Double, upper: Double) {
        var low = min(lower, upper)
        var high = max(lower, upper)
        guard low.isFinite, high.isFinite else { return (0, 1) }
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        for _ in 0..<2 {
            guard let step = step(lower: low, upper: high, count: max(count, 1)),
                max(abs(low), abs(high)) / step.value < 1e15
            else { break }
            low = step.multiple(Int((low / step.value + 1e-9).rounded(.down)))
            high = step.multiple(Int((high / step.value - 1e-9).rounded(.up)))
        }
        return (low, high)
    }

    /// Ticks for a logarithmic axis over positive `lower…upper`: powers of ten, thinned when there
    /// are many decades, or 1-2-5 multiples when the range spans about a decade or less.
    public static func log(_ lower: Double, _ upper: Double, count: Int = 5) -> [Tick] {
        let low = min(lower, upper)
        let high = max(lower, upper)
        guard low > 0, high.isFinite, low.isFinite else { return [] }
        let firstExponent = NumberFormat.log10Floor(low)
        let lastExponent = NumberFormat.log10Floor(high)
        var ticks: [Tick] = []
        if lastExponent - firstExponent < 2 {
            // Within about a decade: 1, 2, 5 multiples.
            for exponent in firstExponent...lastExponent {
                for multiplier in [1, 2, 5] {
                    let step = Step(multiplier: multiplier, exponent: exponent)
                    let value = step.multiple(1)
                    if value >= low * (1 - 1e-12) && value <= high * (1 + 1e-12) {
                        ticks.append(Tick(value: value, label: logLabel(multiplier: multiplier, exponent: exponent)))
                    }
                }
            }
            if ticks.count >= 2 { return ticks }
            return linear(low, high, count: count)
        }
        let decades = lastExponent - firstExponent
        let stride = max(1, Int((Double(decades) / Double(max(count, 1))).rounded(.up)))
        var exponent = firstExponent
        if NumberFormat.pow10(exponent) < low * (1 - 1e-12) { exponent += 1 }
        // Align thinned exponents to multiples of the stride so labels look regular.
        while stride > 1 && ((exponent % stride) + stride) % stride != 0 { exponent += 1 }
        while exponent <= lastExponent {
            ticks.append(Tick(value: NumberFormat.pow10(exponent), label: logLabel(multiplier: 1, exponent: exponent)))
            exponent += stride
        }
        return ticks
    }

    /// The label of `multiplier × 10^exponent` on a log axis: decimal for moderate exponents, else `2e-5`.
    static func logLabel(multiplier: Int, exponent: Int) -> String {
        if exponent >= -4 && exponent <= 5 {
            let value = Step(multiplier: multiplier, exponent: exponent).multiple(1)
            return NumberFormat.fixed(value, decimals: max(0, -exponent))
        }
        return String(multiplier) + "e" + String(exponent)
    }

    /// Labels for values that are multiples of `step`: fixed decimals, or a shared-precision
    /// exponent notation (`2.5e-6`) for very large or very small magnitudes.
    static func labels(for values: [Double], step: Step) -> [String] {
        let largest = values.map { abs($0) }.max() ?? 0
        let useExponent = largest >= 1e6 || (largest > 0 && largest < 1e-3)
        if !useExponent {
            let decimals = max(0, -step.exponent)
            return values.map { NumberFormat.fixed($0, decimals: decimals) }
        }
        return values.map { value in
            if value == 0 { return "0" }
            let exponent = NumberFormat.log10Floor(abs(value))
            let decimals = max(0, exponent - step.exponent)
            let mantissa = value / NumberFormat.pow10(exponent)
            return NumberFormat.fixed(mantissa, decimals: decimals, trimZeros: false) + "e" + String(exponent)
        }
    }
}
