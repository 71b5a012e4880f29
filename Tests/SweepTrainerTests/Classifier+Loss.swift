@testable import SweepTrainer

extension Classifier {
    /// The mean loss of the rows of `x` (one per label) against `labels`; a training pass (filling
    /// the gradients) when `train`.
    @discardableResult
    func meanLoss(_ x: Matrix, labels: [UInt8], train: Bool, rng: inout SplitMix64) -> Double {
        labels.withUnsafeBufferPointer { l in
            guard let base = l.baseAddress else { return .nan }
            return run(x.data, labels: base, rows: labels.count, train: train, rng: &rng).sum / Double(labels.count)
        }
    }

    /// `meanLoss` with a fresh generator of `seed` (dropout masks, the same for every call).
    @discardableResult
    func meanLoss(_ x: Matrix, labels: [UInt8], train: Bool, seed: Int = 0) -> Double {
        var rng = SplitMix64(seed: seed)
        return meanLoss(x, labels: labels, train: train, rng: &rng)
    }
}
