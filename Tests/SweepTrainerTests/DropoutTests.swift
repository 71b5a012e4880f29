import Testing

@testable import SweepTrainer

@Suite("Dropout")
struct DropoutTests {
    @Test("evaluation ignores dropout; training masks with inverted scaling")
    func evaluationIsDeterministic() {
        var rng = SplitMix64(seed: 1)
        let withDrop = Network(
            widths: [6, 50, 3], activation: .sigmoid, initializer: .xavierUniform, dropout: 0.4, capacity: 2, rng: &rng)
        rng = SplitMix64(seed: 1)
        let plain = Network(
            widths: [6, 50, 3], activation: .sigmoid, initializer: .xavierUniform, dropout: 0, capacity: 2, rng: &rng)
        let x = GradientCheck.matrix(rows: 2, columns: 6, seed: 9)
        var r1 = SplitMix64(seed: 5), r2 = SplitMix64(seed: 6)
        let a = Array(
            UnsafeBufferPointer(start: withDrop.forward(x.data, rows: 2, training: false, rng: &r1), count: 6))
        let b = Array(UnsafeBufferPointer(start: plain.forward(x.data, rows: 2, training: false, rng: &r2), count: 6))
        #expect(a == b)
        // Training: every hidden value is 0 or the plain activation / (1 − p).
        _ = withDrop.forward(x.data, rows: 2, training: true, rng: &r1)
        _ = plain.forward(x.data, rows: 2, training: false, rng: &r2)
        let dropped = withDrop.h[0].array, kept = plain.h[0].array
        var zeros = 0
        for (d, k) in zip(dropped, kept) {
            if d == 0 { zeros += 1 } else { #expect(abs(d - k / 0.6) < 1e-5) }
        }
        #expect(zeros > 10 && zeros < 70)
    }
}
