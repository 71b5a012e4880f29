@testable import SweepResults

/// The standard grouped fixture: β ∈ {1, 10} × seed ∈ {0, 1, 2}, epochs=1 constant; the cell
/// β=10 seed=2 failed (its metrics must not be averaged in).
///
/// Hand-computed: β=1 test/acc 0.90, 0.92, 0.94 → mean 0.92, sample std 0.02; train/loss
/// 0.3, 0.2, 0.1 → 0.2 ± 0.1. β=10 test/acc 0.80, 0.86 → 0.83 ± √0.0018 = 0.042426…; train/loss
/// 0.5, 0.7 → 0.6 ± √0.02 = 0.141421….
func betaSeedFixture(manifest: String? = "sweep:\n  metric: test/acc\n  mode: max\n") throws -> SweepFixture {
    let acc: [String: [Double]] = ["1": [0.90, 0.92, 0.94], "10": [0.80, 0.86, 0.10]]
    let loss: [String: [Double]] = ["1": [0.3, 0.2, 0.1], "10": [0.5, 0.7, 9.0]]
    var cells: [SweepFixture.CellSpec] = []
    for beta in ["1", "10"] {
        for seed in 0..<3 {
            let a = acc[beta]?[seed] ?? 0
            let l = loss[beta]?[seed] ?? 0
            cells.append(
                .init(
                    overrides: ["beta=\(beta)", "seed=\(seed)", "epochs=1"],
                    state: beta == "10" && seed == 2 ? "failed" : "done",
                    metrics: metricLines([(1, 0.5, 5.0), (2, a, l)])))
        }
    }
    return try SweepFixture(cells, manifest: manifest)
}
