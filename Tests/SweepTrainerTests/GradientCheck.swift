@testable import SweepTrainer

/// Central finite differences against the analytic gradient, on a sample of each parameter's elements.
enum GradientCheck {
    struct Failure: CustomStringConvertible {
        var parameter: Int
        var element: Int
        var analytic: Double
        var numeric: Double
        var description: String { "param \(parameter)[\(element)]: analytic \(analytic) vs numeric \(numeric)" }
    }

    /// `compute(train)` runs the loss (filling gradients when `train`) and returns it.
    static func check(
        _ parameters: [Parameter], h: Float = 1e-2, perParameter: Int = 12, tolerance: Double = 2e-2,
        compute: (Bool) -> Double
    ) -> [Failure] {
        _ = compute(true)
        let grads = parameters.map(\.grad.array)
        var failures: [Failure] = []
        for (pi, p) in parameters.enumerated() {
            let n = p.count
            let stride = max(1, n / perParameter)
            for e in Swift.stride(from: 0, to: n, by: stride) {
                let old = p.value.data[e]
                p.value.data[e] = old + h
                let up = compute(false)
                p.value.data[e] = old - h
                let down = compute(false)
                p.value.data[e] = old
                let numeric = (up - down) / (2 * Double(h))
                let analytic = Double(grads[pi][e])
                if abs(numeric - analytic) > tolerance * max(1, abs(numeric), abs(analytic)) * 0.1 + 1e-3 {
                    failures.append(Failure(parameter: pi, element: e, analytic: analytic, numeric: numeric))
                }
            }
        }
        return failures
    }

    /// A deterministic pseudo-random matrix of `rows × columns` values in [lo, hi).
    static func matrix(rows: Int, columns: Int, seed: Int, lo: Float = -1, hi: Float = 1) -> Matrix {
        var rng = SplitMix64(seed: seed, stream: 99)
        let m = Matrix(rows: rows, columns: columns)
        for i in 0..<m.count { m.data[i] = lo + (hi - lo) * rng.unitFloat() }
        return m
    }
}
