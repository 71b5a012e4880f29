import CKernels
import Foundation
import SweepTrainerConfig
import Testing

@testable import SweepTrainer

/// The C kernels behind Adam, the Bernoulli loss and batch conversion: accurate, and the AVX2 and
/// baseline code give the same bits (so a run is reproducible across machines). Serialized: the
/// baseline switch is process-wide.
@Suite("Vector kernels", .serialized)
struct VectorKernelsTests {
    @Test("eight-lane exp and log match libm on their ranges")
    func accuracy() {
        var worstExp = 0.0, worstLog = 0.0
        var lanes = [Float](repeating: 0, count: 8), out = [Float](repeating: 0, count: 8)
        for i in 0..<2000 {
            let x = -Float(i) * 0.05
            lanes = [Float](repeating: x, count: 8)
            sweep_exp_nonpositive8(lanes, &out)
            if x > -80 { worstExp = max(worstExp, abs(Double(out[3]) / exp(Double(x)) - 1)) }
            let y = 1 + Float(i) / 1999
            lanes = [Float](repeating: y, count: 8)
            sweep_log_one_to_two8(lanes, &out)
            worstLog = max(worstLog, abs(Double(out[5]) - log(Double(y))))
        }
        #expect(worstExp < 1e-6)
        #expect(worstLog < 1e-6)
        lanes = [Float](repeating: -200, count: 8)
        sweep_exp_nonpositive8(lanes, &out)
        #expect(out.allSatisfy { $0 >= 0 })
    }

    /// Runs `body` with the AVX2 code (where the CPU has it) and with the baseline code.
    private func bothPaths<T>(_ body: () -> T) -> (avx2: T, baseline: T) {
        _ = sweep_kernels_use_baseline(0)
        let fast = body()
        _ = sweep_kernels_use_baseline(1)
        defer { _ = sweep_kernels_use_baseline(0) }
        return (fast, body())
    }

    private func randomFloats(_ count: Int, scale: Float, rng: inout SplitMix64) -> [Float] {
        (0..<count).map { _ in Float(rng.normal()) * scale }
    }

    @Test("Adam: the AVX2 and baseline code give the same bits, tail included")
    func adamPaths() {
        var rng = SplitMix64(seed: 3)
        let count = 1003
        let w0 = randomFloats(count, scale: 1, rng: &rng), g0 = randomFloats(count, scale: 0.1, rng: &rng)
        let m0 = randomFloats(count, scale: 0.01, rng: &rng), v0 = randomFloats(count, scale: 0.01, rng: &rng).map(abs)
        let (fast, base) = bothPaths { () -> [[Float]] in
            var w = w0, g = g0, m = m0, v = v0
            sweep_adam(&w, &g, &m, &v, count, Self.step)
            return [w, g, m, v]
        }
        #expect(fast.map { $0.map(\.bitPattern) } == base.map { $0.map(\.bitPattern) })
        #expect(fast[1].allSatisfy { $0 == 0 }, "the gradient is cleared")
        #expect(fast[0] != w0)
    }

    static let step = sweep_adam_step(
        b1: 0.9, b2: 0.999, step_size: 1e-3, inv_root_c2: 1.2, eps: 1e-8, shrink: 0.99, coupled: 0.01)

    @Test("Adam on a packed gradient gives the bits of unpacking it and then Adam, on both paths")
    func adamPacked() {
        var rng = SplitMix64(seed: 5)
        let rows = 3, columns = 30
        // Runs: columns 2..<5, 9..<21 (a run longer than one vector) and 29; k = 16.
        let start = [2, 9, 29], packed = [0, 3, 15], length = [3, 12, 1]
        let k = 16
        let w0 = randomFloats(rows * columns, scale: 1, rng: &rng)
        let m0 = randomFloats(rows * columns, scale: 0.01, rng: &rng)
        let v0 = randomFloats(rows * columns, scale: 0.01, rng: &rng).map(abs)
        let gp0 = randomFloats(rows * k, scale: 0.1, rng: &rng)
        func run(fused: Bool) -> [[Float]] {
            var w = w0, m = m0, v = v0, gp = gp0
            var full = [Float](repeating: 7, count: rows * columns), scratch = [Float](repeating: 0, count: columns)
            start.withUnsafeBufferPointer { s in
                packed.withUnsafeBufferPointer { p in
                    length.withUnsafeBufferPointer { l in
                        let runs = sweep_runs(
                            start: s.baseAddress, packed: p.baseAddress, length: l.baseAddress, count: 3)
                        if fused {
                            sweep_adam_packed(&w, &m, &v, &gp, rows, columns, k, runs, &scratch, Self.step)
                        } else {
                            sweep_unpack_runs(&full, &gp, rows, columns, k, runs)
                            #expect(full[0] == 0 && full[2] == gp0[0] && full[28] == 0 && full[29] == gp0[15])
                            sweep_adam(&w, &full, &m, &v, rows * columns, Self.step)
                        }
                    }
                }
            }
            #expect(gp.allSatisfy { $0 == 0 }, "the packed gradient is cleared")
            return [w, m, v]
        }
        let (fast, base) = bothPaths { [run(fused: true), run(fused: false)] }
        let bits = { (x: [[Float]]) in x.map { $0.map(\.bitPattern) } }
        #expect(bits(fast[0]) == bits(fast[1]))
        #expect(bits(fast[0]) == bits(base[0]))
        #expect(bits(base[0]) == bits(base[1]))
    }

    @Test("Bernoulli loss: the AVX2 and baseline code give the same sum and gradient bits")
    func bcePaths() {
        var rng = SplitMix64(seed: 4)
        let count = 8 * 300 + 5
        let logits = randomFloats(count, scale: 6, rng: &rng)
        let targets = (0..<count).map { _ in Float(rng.index(below: 256)) / 255 }
        let (fast, base) = bothPaths { () -> (Double, [Float]) in
            var grad = [Float](repeating: 0, count: count)
            let sum = sweep_bce_with_logits(logits, targets, count, 0.25, &grad)
            return (sum, grad)
        }
        #expect(fast.0.bitPattern == base.0.bitPattern)
        #expect(fast.1.map(\.bitPattern) == base.1.map(\.bitPattern))
        var expected = 0.0
        for (l, x) in zip(logits, targets) {
            let l = Double(l), x = Double(x)
            expected += max(l, 0) - l * x + log1p(exp(-abs(l)))
        }
        #expect(abs(fast.0 - expected) < 1e-6 * expected)
    }

    @Test("batch conversion: gathered images divided by 255, same bits on both paths")
    func bytesToUnit() {
        let size = 19
        let images = (0..<(5 * size)).map { UInt8(($0 * 37) % 256) }
        let index = [3, 0, 4]
        let (fast, base) = bothPaths { () -> [Float] in
            var out = [Float](repeating: -1, count: index.count * size)
            sweep_bytes_to_unit(images, index, index.count, size, &out)
            return out
        }
        #expect(fast.map(\.bitPattern) == base.map(\.bitPattern))
        for (r, item) in index.enumerated() {
            for j in 0..<size { #expect(fast[r * size + j] == Float(images[item * size + j]) / 255) }
        }
    }

    @Test("(leaky) ReLU forward and backward match the scalar definitions on both paths", arguments: [Float(0), 0.01])
    func relu(slope: Float) {
        var rng = SplitMix64(seed: 6)
        var z = randomFloats(8 * 5 + 3, scale: 1, rng: &rng)
        z[0] = 0
        z[1] = -0.0
        z[2] = .nan
        let d0 = randomFloats(z.count, scale: 1, rng: &rng)
        let activation: SweepTrainerConfig.Activation = slope == 0 ? .relu : .leakyRelu
        let (fast, base) = bothPaths { () -> [[Float]] in
            var h = [Float](repeating: 9, count: z.count), d = d0
            sweep_relu(z, &h, z.count, slope)
            sweep_relu_backward(&d, z, z.count, slope)
            return [h, d]
        }
        #expect(fast.map { $0.map(\.bitPattern) } == base.map { $0.map(\.bitPattern) })
        for i in z.indices {
            #expect(fast[0][i].bitPattern == activation.value(z[i]).bitPattern, "h[\(i)] for z = \(z[i])")
            let expected = z[i].isNaN ? (slope == 0 ? d0[i] : slope * d0[i]) : d0[i] * activation.derivative(z[i])
            #expect(fast[1][i] == expected, "d[\(i)] for z = \(z[i])")  // ReLU gives +0 where d·0 is −0
        }
    }
}
