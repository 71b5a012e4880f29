internal import CKernels
internal import Foundation

/// The trainer's losses, each returning a batch sum in Double and writing the gradient of the
/// batch mean (divided by `rows`) when asked.
enum Loss {
    /// Softmax cross-entropy of `logits` (rows × classes) against `labels`; also counts correct argmaxes.
    static func softmaxCrossEntropy(
        logits: UnsafePointer<Float>, labels: UnsafePointer<UInt8>, rows: Int, classes: Int,
        gradient: UnsafeMutablePointer<Float>?
    ) -> (sum: Double, correct: Int) {
        var total = 0.0
        var correct = 0
        let scale = 1 / Float(rows)
        for r in 0..<rows {
            let row = logits + r * classes
            var maxv = row[0]
            var arg = 0
            for j in 1..<classes where row[j] > maxv {
                maxv = row[j]
                arg = j
            }
            var s = 0.0
            for j in 0..<classes { s += Double(expf(row[j] - maxv)) }
            let y = Int(labels[r])
            total += log(s) - Double(row[y] - maxv)
            if arg == y { correct += 1 }
            if let gradient {
                let g = gradient + r * classes
                let inv = Float(1 / s)
                for j in 0..<classes { g[j] = expf(row[j] - maxv) * inv * scale }
                g[y] -= scale
            }
        }
        return (total, correct)
    }

    /// Bernoulli negative log-likelihood with logits: Σ max(ℓ,0) − ℓx + log(1+e^−|ℓ|) (eight lanes at
    /// a time, in CKernels); the gradient (σ(ℓ) − x)·scale when asked.
    static func bceWithLogits(
        logits: UnsafePointer<Float>, targets: UnsafePointer<Float>, count: Int, scale: Float,
        gradient: UnsafeMutablePointer<Float>?
    ) -> Double {
        sweep_bce_with_logits(logits, targets, count, scale, gradient)
    }

    /// KL(N(μ, σ²) ‖ N(0, 1)) summed over elements: ½ Σ (μ² + σ² − 1 − log σ²).
    static func gaussianKL(mu: UnsafePointer<Float>, sigma: UnsafePointer<Float>, count: Int) -> Double {
        var total = 0.0
        for i in 0..<count {
            let m = Double(mu[i]), s = Double(sigma[i])
            total += 0.5 * (m * m + s * s - 1 - 2 * log(s))
        }
        return total
    }
}
