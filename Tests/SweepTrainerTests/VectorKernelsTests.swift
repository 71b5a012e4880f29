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

    /// Runs `body` with the AVX-512 code paths on or off (where the CPU has them), then turns
    /// them back on.
    static func withAVX512<T>(_ on: Bool, _ body: () throws -> T) rethrows -> T {
        _ = sweep_kernels_use_avx512(on ? 1 : 0)
        defer { _ = sweep_kernels_use_avx512(1) }
        return try body()
    }

    /// Runs `body` with the AVX2 code (where the CPU has it) and with the baseline code.
    static func bothPaths<T>(_ body: () -> T) -> (avx2: T, baseline: T) {
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
        let (fast, base) = Self.bothPaths { () -> [[Float]] in
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

    typealias Runs = (start: [Int], packed: [Int], length: [Int])

    /// How a test takes an Adam step on a packed gradient.
    enum AdamPath: CaseIterable {
        /// `sweep_unpack_runs`, then `sweep_adam` on the full gradient.
        case unpacked
        /// `sweep_adam_masked` (chunk masks), which also gathers the updated weights.
        case masked
    }

    /// Calls `body` with the runs as the kernels take them.
    private func withRuns<T>(_ r: Runs, _ body: (sweep_runs) -> T) -> T {
        r.start.withUnsafeBufferPointer { s in
            r.packed.withUnsafeBufferPointer { p in
                r.length.withUnsafeBufferPointer { l in
                    body(
                        sweep_runs(
                            start: s.baseAddress, packed: p.baseAddress, length: l.baseAddress, count: r.start.count))
                }
            }
        }
    }

    /// Adam on a gradient packed to `rowOf` (nil: every row) and, when `runs`, to column runs,
    /// along `path`; then the updated weights gathered to `gather`'s columns (by the masked step
    /// itself, else by `sweep_gather_runs`). Returns w, m, v and the gathered weights, and checks the
    /// packed gradient is cleared.
    private func adamPacked(
        rows: Int, columns: Int, rowOf: [Int]?, runs: Runs?, k: Int, path: AdamPath, seed: Int, gather g: Runs
    ) -> [[Float]] {
        var rng = SplitMix64(seed: seed)
        var w = randomFloats(rows * columns, scale: 1, rng: &rng)
        var m = randomFloats(rows * columns, scale: 0.01, rng: &rng)
        var v = randomFloats(rows * columns, scale: 0.01, rng: &rng).map(abs)
        let packedRows = rowOf.map { $0.filter { $0 >= 0 }.count } ?? rows
        var gp = randomFloats(packedRows * k, scale: 0.1, rng: &rng)
        var full = [Float](repeating: 7, count: rows * columns), scratch = [Float](repeating: 0, count: columns)
        let kg = g.length.reduce(0, +)
        var gathered = [Float](repeating: .nan, count: rows * kg)
        let chunks = (columns + 15) / 16
        var masks = [UInt16](repeating: 0, count: chunks), gatherMasks = masks
        withRuns(g) { sweep_chunk_masks($0, columns, &gatherMasks) }
        withRuns(runs ?? ([], [], [])) { cruns in
            sweep_chunk_masks(cruns, columns, &masks)
            func call(_ map: UnsafePointer<Int>?) {
                switch path {
                case .unpacked:
                    sweep_unpack_runs(&full, &gp, rows, map, columns, k, cruns)
                    sweep_adam(&w, &full, &m, &v, rows * columns, Self.step)
                case .masked:
                    if runs == nil {
                        sweep_adam_masked(
                            &w, &m, &v, &gp, rows, map, columns, k, nil, &scratch, Self.step, &gathered, kg,
                            gatherMasks)
                    } else {
                        sweep_adam_masked(
                            &w, &m, &v, &gp, rows, map, columns, k, masks, &scratch, Self.step, &gathered, kg,
                            gatherMasks)
                    }
                }
            }
            if let rowOf { rowOf.withUnsafeBufferPointer { call($0.baseAddress) } } else { call(nil) }
        }
        if path != .masked { withRuns(g) { sweep_gather_runs(w, &gathered, rows, columns, kg, $0) } }
        #expect(gp.allSatisfy { $0 == 0 }, "the packed gradient is cleared")
        #expect(scratch.allSatisfy { $0 == 0 }, "the scratch row is left zero")
        return [w, m, v, gathered]
    }

    /// Random runs over `columns` columns: gaps of 0–2 columns and runs of 1–20, the first one
    /// possibly at the row's start and the last at its end.
    private func randomRuns(columns: Int, rng: inout SplitMix64) -> (start: [Int], packed: [Int], length: [Int]) {
        var start: [Int] = [], packed: [Int] = [], length: [Int] = []
        var j = 0, k = 0
        while j < columns {
            j += rng.index(below: 3)
            let n = min(1 + rng.index(below: 20), columns - j)
            if n <= 0 { break }
            start.append(j)
            packed.append(k)
            length.append(n)
            k += n
            j += n
        }
        return (start, packed, length)
    }

    @Test(
        "Adam on a packed gradient (columns as chunk masks, rows of active units, or both) gives the bits of unpacking it, Adam and a gather of the updated weights, on both paths (with AVX-512 or not)",
        arguments: [true, false])
    func adamPacked(avx512: Bool) {
        Self.withAVX512(avx512) { adamPackedCases() }
    }

    private func adamPackedCases() {
        // Runs: columns 2..<5, 9..<21 (a run longer than one vector) and 29; k = 16.
        let runs = (start: [2, 9, 29], packed: [0, 3, 15], length: [3, 12, 1])
        var cases: [(rowOf: [Int]?, runs: Runs?, k: Int, columns: Int)] = [
            (nil, runs, 16, 30),
            ([0, -1, 1], runs, 16, 30),
            ([-1, 0, 1, -1, 2], nil, 30, 30),
            ([-1, -1, -1], nil, 30, 30),
        ]
        // Wider rows: several sixteen-column chunks and a partial one, and rows past the AVX-512
        // gather's width.
        var rng = SplitMix64(seed: 11)
        for columns in [77, 256, 1100] {
            let r = randomRuns(columns: columns, rng: &rng)
            let k = r.length.reduce(0, +)
            var next = 0
            let rowOf = (0..<9).map { _ in
                guard rng.index(below: 3) > 0 else { return -1 }
                next += 1
                return next - 1
            }
            cases += [(rowOf, r, k, columns), (nil, r, k, columns), (rowOf, nil, columns, columns)]
        }
        let bits = { (x: [[Float]]) in x.map { $0.map(\.bitPattern) } }
        for (n, c) in cases.enumerated() {
            let rows = c.rowOf?.count ?? 3
            // The masked step writes the updated weights' columns in `gather` as well.
            let gather = randomRuns(columns: c.columns, rng: &rng)
            let paths = AdamPath.allCases
            let (fast, base) = Self.bothPaths {
                paths.map {
                    adamPacked(
                        rows: rows, columns: c.columns, rowOf: c.rowOf, runs: c.runs, k: c.k, path: $0, seed: n,
                        gather: gather)
                }
            }
            for i in paths.indices {
                #expect(bits(fast[i]) == bits(fast[0]), "case \(n), \(paths[i])")
                #expect(bits(base[i]) == bits(fast[0]), "case \(n), \(paths[i]) (baseline)")
            }
        }
    }

    @Test(
        "gathering and scattering runs of every length, at the ends of rows too, on both paths (gathering with AVX-512 or not)",
        arguments: [true, false])
    func gatherScatterRuns(avx512: Bool) {
        Self.withAVX512(avx512) { gatherScatterCases() }
    }

    private func gatherScatterCases() {
        var rng = SplitMix64(seed: 8)
        for trial in 0..<60 {
            let rows = 3, columns = 1 + rng.index(below: trial < 40 ? 70 : 1100)
            let (start, packed, length) = randomRuns(columns: columns, rng: &rng)
            let active = start.indices.flatMap { start[$0]..<(start[$0] + length[$0]) }
            let k = active.count
            let full = randomFloats(rows * columns, scale: 1, rng: &rng)
            let (fast, base) = Self.bothPaths { () -> ([Float], [Float]) in
                var p = [Float](repeating: .nan, count: max(1, rows * k))
                var back = [Float](repeating: 0, count: rows * columns)
                withRuns((start, packed, length)) { runs in
                    sweep_gather_runs(full, &p, rows, columns, k, runs)
                    var copy = p
                    sweep_unpack_runs(&back, &copy, rows, nil, columns, k, runs)
                }
                return (Array(p.prefix(rows * k)), back)
            }
            let expectedPacked = (0..<rows).flatMap { r in active.map { full[r * columns + $0] } }
            let isActive = Set(active)
            let expectedBack = (0..<rows * columns).map { isActive.contains($0 % columns) ? full[$0] : 0 }
            #expect(fast.0 == expectedPacked && base.0 == expectedPacked, "trial \(trial)")
            #expect(fast.1 == expectedBack && base.1 == expectedBack, "trial \(trial)")
        }
    }

    @Test("unpacking a gradient packed to rows puts each packed row in place and zeros elsewhere")
    func unpackRows() {
        var packed: [Float] = [1, 2, 3, 4, 5, 6]
        var full = [Float](repeating: 9, count: 9)
        let rowOf = [1, -1, 0]
        let none = sweep_runs(start: nil, packed: nil, length: nil, count: 0)
        sweep_unpack_runs(&full, &packed, 3, rowOf, 3, 3, none)
        #expect(full == [4, 5, 6, 0, 0, 0, 1, 2, 3])
        #expect(packed == [0, 0, 0, 0, 0, 0])
    }

    @Test("the columns that hold a nonzero value (−0 is zero, NaN is not), on both paths")
    func nonzeroColumns() {
        let x: [Float] = [
            0, 1, -0.0, 0, .nan, 0, 0, 0, 0, 2,
            0, 0, -0.0, 0, 0, 0, 0, 3, 0, 0,
        ]
        let (fast, base) = Self.bothPaths {
            var seen = [UInt32](repeating: 7, count: 10)
            sweep_nonzero_columns(x, 2, 10, &seen)
            return seen
        }
        #expect(fast == [0, 1, 0, 0, 1, 0, 0, 1, 0, 1])
        #expect(base == fast)
    }

    @Test("Bernoulli loss: the AVX2 and baseline code give the same sum and gradient bits")
    func bcePaths() {
        var rng = SplitMix64(seed: 4)
        let count = 8 * 300 + 5
        let logits = randomFloats(count, scale: 6, rng: &rng)
        let targets = (0..<count).map { _ in Float(rng.index(below: 256)) / 255 }
        let (fast, base) = Self.bothPaths { () -> (Double, [Float]) in
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
        let (fast, base) = Self.bothPaths { () -> [Float] in
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
        let (fast, base) = Self.bothPaths { () -> [[Float]] in
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

    @Test(
        "sparse inputs: rows and columns of nonzero values, x·Wᵀ and dzᵀ·x by tiles against sums in Double; both paths give the same bits"
    )
    func sparseInputKernels() {
        var rng = SplitMix64(seed: 9)
        // 150 units: two full tiles and one of 22; −0 counts as zero, NaN-free.
        let rows = 7, inputs = 40, outputs = 150
        var x = [Float](repeating: 0, count: rows * inputs)
        for i in x.indices where rng.unitFloat() < 0.2 { x[i] = rng.unitFloat() + 0.01 }
        x[3] = -0.0
        let layout = SparseInputs.Layout(inputs: inputs, outputs: outputs)
        let w = randomFloats(outputs * inputs, scale: 0.3, rng: &rng)  // by tiles
        let dz = randomFloats(rows * outputs, scale: 1, rng: &rng)
        let z0 = randomFloats(rows * outputs, scale: 1, rng: &rng)
        func run() -> (z: [Float], g: [Float], count: Int) {
            var start = [Int32](repeating: 0, count: rows + 1), index = [Int32](repeating: 0, count: rows * inputs)
            var value = [Float](repeating: 0, count: rows * inputs)
            let count = sweep_sparse_rows(x, rows, inputs, &start, &index, &value)
            var columnStart = [Int32](repeating: 0, count: inputs + 1),
                row = [Int32](repeating: 0, count: rows * inputs)
            var columnValue = [Float](repeating: 0, count: rows * inputs), cursor = [Int32](repeating: 0, count: inputs)
            sweep_sparse_columns(start, index, value, rows, inputs, &columnStart, &row, &columnValue, &cursor)
            for r in 0..<rows {
                let nonzero = (0..<inputs).filter { x[r * inputs + $0] != 0 }
                #expect(index[Int(start[r])..<Int(start[r + 1])].map(Int.init) == nonzero, "row \(r)")
            }
            for p in 0..<inputs {
                let nonzero = (0..<rows).filter { x[$0 * inputs + p] != 0 }
                #expect(row[Int(columnStart[p])..<Int(columnStart[p + 1])].map(Int.init) == nonzero, "column \(p)")
            }
            var z = z0
            sweep_sparse_forward(start, index, value, rows, w, inputs, outputs, &z)
            var g = [Float](repeating: .nan, count: outputs * inputs)
            var scratch = [Float](repeating: 0, count: rows * layout.width(ofTileAt: 0))
            sweep_sparse_weight_gradient(columnStart, row, columnValue, inputs, dz, rows, outputs, &g, &scratch)
            return (z, g, count)
        }
        let (fast, baseline) = Self.bothPaths(run)
        #expect(fast.count == x.filter { $0 != 0 }.count)
        for r in 0..<rows {
            for u in 0..<outputs {
                var sum = Double(z0[r * outputs + u])
                for p in 0..<inputs {
                    sum += Double(x[r * inputs + p]) * Double(w[layout.index(unit: u, input: p)])
                }
                #expect(abs(Double(fast.z[r * outputs + u]) - sum) < 1e-5)
            }
        }
        for u in 0..<outputs {
            for p in 0..<inputs {
                let sum = (0..<rows).reduce(0.0) { $0 + Double(dz[$1 * outputs + u]) * Double(x[$1 * inputs + p]) }
                #expect(abs(Double(fast.g[layout.index(unit: u, input: p)]) - sum) < 1e-5, "every element written")
            }
        }
        #expect(fast.z.map(\.bitPattern) == baseline.z.map(\.bitPattern))
        #expect(fast.g.map(\.bitPattern) == baseline.g.map(\.bitPattern))
    }
}
