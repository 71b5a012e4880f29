import SweepTrainerConfig
import Testing

@testable import SweepTrainer

@Suite("Active input columns (a layer skips inputs zero in the whole batch: pixels, ReLU units)")
struct ActiveColumnsTests {
    /// A batch of `rows × columns` values with the columns in `zero` set to zero.
    static func batch(rows: Int, columns: Int, zero: Set<Int>, seed: Int) -> Matrix {
        let x = GradientCheck.matrix(rows: rows, columns: columns, seed: seed, lo: 0.1, hi: 1)
        for r in 0..<rows { for c in zero { x[r, c] = 0 } }
        return x
    }

    @Test("a column selection: the nonzero columns as indices and runs, packed rows and back, the eighth rule")
    func columnSelection() {
        let selection = ColumnSelection(columns: 10)
        let x: [Float] = [
            0, 1, 0, 0, .nan, 5, 0, 0, 0, 2,
            0, 0, -0.0, 0, 0, 6, 0, 3, 0, 0,
        ]
        #expect(selection.select(x, rows: 2), "6 of 10 columns are zero")
        #expect((0..<selection.count).map { selection.index[$0] } == [1, 4, 5, 7, 9])
        let runs = selection.runs
        #expect(runs.count == 4)
        #expect(
            (0..<runs.count).map { [runs.start[$0], runs.packed[$0], runs.length[$0]] } == [
                [1, 0, 1], [4, 1, 2], [7, 3, 1], [9, 4, 1],
            ])
        var packed = [Float](repeating: 9, count: 10)
        selection.gather(x, rows: 2, into: &packed)
        let expected: [Float] = [1, .nan, 5, 0, 2, 0, 0, 6, 3, 0]
        #expect(packed.map(\.bitPattern) == expected.map(\.bitPattern))
        var full = [Float](repeating: 9, count: 20)
        selection.unpack(&packed, rows: 2, into: &full)
        #expect(full.map(\.bitPattern) == x.map { $0 == 0 ? 0 : $0 }.map(\.bitPattern), "zero elsewhere, −0 as +0")
        #expect(packed.allSatisfy { $0 == 0 }, "the packed rows are cleared")
        let oneZero = { (columns: Int) in (0..<2 * columns).map { $0 % columns == 3 ? Float(0) : 1 } }
        #expect(ColumnSelection(columns: 8).select(oneZero(8), rows: 2), "one zero column of eight is worth packing")
        #expect(!ColumnSelection(columns: 16).select(oneZero(16), rows: 2), "one of sixteen is not")
    }

    @Test("the packed first layer gives x·Wᵀ + b; it packs only when enough columns are zero and the layer is wide")
    func product() {
        var rng = SplitMix64(seed: 11)
        let net = Network(
            widths: [16, 6, 3], activation: .tanh, initializer: .xavierUniform, dropout: 0, capacity: 5, rng: &rng,
            packingMinimumOutputs: 1, sparseFirstLayer: false)
        let x = Self.batch(rows: 5, columns: 16, zero: [1, 4, 5, 9, 12, 13], seed: 1)
        var r = SplitMix64(seed: 0)
        net.forward(x.data, rows: 5, training: true, rng: &r)
        #expect(net.active.isPacked)
        #expect(net.active.count == 10)
        let layer = net.layers[0]
        for row in 0..<5 {
            for o in 0..<6 {
                var expected = Double(layer.bias.value.data[o])
                for c in 0..<16 { expected += Double(x[row, c]) * Double(layer.weight.value[o, c]) }
                #expect(abs(Double(net.z[0][row, o]) - expected) < 1e-5)
            }
        }
        let dense = Self.batch(rows: 5, columns: 16, zero: [3], seed: 2)
        net.forward(dense.data, rows: 5, training: true, rng: &r)
        #expect(!net.active.isPacked)
        var rng2 = SplitMix64(seed: 11)
        let narrow = Network(
            widths: [16, 6, 3], activation: .tanh, initializer: .xavierUniform, dropout: 0, capacity: 5, rng: &rng2)
        narrow.forward(x.data, rows: 5, training: true, rng: &r)
        #expect(!narrow.active.isPacked, "a first layer of 6 units (< 64) is not worth packing")
    }

    @Test("gradients through a packed first layer match finite differences; zero columns get zero gradient")
    func gradients() {
        for widths in [[16, 6, 3], [16, 4]] {
            var rng = SplitMix64(seed: 12)
            let net = Network(
                widths: widths, activation: .tanh, initializer: .xavierUniform, dropout: 0, capacity: 4,
                rng: &rng, packingMinimumOutputs: 1, sparseFirstLayer: false)
            let c = Classifier(network: net)
            let zero: Set<Int> = [0, 2, 7, 8, 15]
            let x = Self.batch(rows: 4, columns: 16, zero: zero, seed: 3)
            let labels: [UInt8] = [0, 2, 1, 1].map { $0 % UInt8(widths[widths.count - 1]) }
            let failures = GradientCheck.check(net.parameters, perParameter: 40) { train in
                c.meanLoss(x, labels: labels, train: train)
            }
            #expect(failures.isEmpty, "\(widths): \(failures)")
            #expect(net.active.isPacked)
            c.meanLoss(x, labels: labels, train: true)
            let g = net.layers[0].weight.grad
            for o in 0..<g.rows {
                for col in zero { #expect(g[o, col] == 0) }
                #expect((0..<16).contains { !zero.contains($0) && g[o, $0] != 0 })
            }
        }
    }

    /// Two copies of one small network, the first packing its first layer and the second never,
    /// trained side by side with Adam on batches whose `zeros` columns are zero. `inspect` runs
    /// after each backward pass, before the optimiser step; `stepped` after it.
    static func sideBySide(
        seed: Int, activation: SweepTrainerConfig.Activation, zeros: [Set<Int>], batchSeed: Int,
        inspect: (_ step: Int, _ packed: Network, _ plain: Network) -> Void = { _, _, _ in },
        stepped: (_ step: Int, _ packed: Network) -> Void = { _, _ in }
    ) -> (packed: Network, plain: Network) {
        func net(packingMinimumOutputs: Int) -> (Network, Classifier) {
            var rng = SplitMix64(seed: seed)
            let n = Network(
                widths: [16, 6, 3], activation: activation, initializer: .xavierUniform, dropout: 0, capacity: 4,
                rng: &rng, packingMinimumOutputs: packingMinimumOutputs, sparseFirstLayer: false)
            return (n, Classifier(network: n))
        }
        let (packed, packedClassifier) = net(packingMinimumOutputs: 1)
        let (plain, plainClassifier) = net(packingMinimumOutputs: 64)
        var optA = Optimizer(config: .init(name: .adam), lr: 0.01)
        var optB = optA
        let labels: [UInt8] = [0, 2, 1, 1]
        for (step, zero) in zeros.enumerated() {
            let x = batch(rows: 4, columns: 16, zero: zero, seed: batchSeed + step)
            packedClassifier.meanLoss(x, labels: labels, train: true)
            plainClassifier.meanLoss(x, labels: labels, train: true)
            inspect(step, packed, plain)
            optA.update(packed.parameters)
            optB.update(plain.parameters)
            stepped(step, packed)
        }
        return (packed, plain)
    }

    @Test("over optimiser steps with a different set of zero columns each batch, packed gradients equal unpacked ones")
    func packedGradientsAcrossSteps() {
        let zeros = [Set([0, 2, 7]), Set([1, 3, 4, 5, 6, 9, 10, 11]), Set([15]), Set([8, 14])]
        _ = Self.sideBySide(seed: 13, activation: .tanh, zeros: zeros, batchSeed: 20) { step, packed, plain in
            #expect(packed.active.isPacked == (zeros[step].count >= 2) && !plain.active.isPacked)
            for (a, b) in zip(packed.layers[0].weight.grad.array, plain.layers[0].weight.grad.array) {
                #expect(abs(a - b) < 1e-6, "step \(step)")
            }
        }
    }

    @Test("Adam straight from the packed gradient trains like Adam on the unpacked one")
    func adamFromPackedGradient() {
        let zeros = [Set([0, 2, 7]), Set([1, 3, 4, 5, 6, 9, 10, 11]), Set([15, 14]), Set([8, 9])]
        var rng = SplitMix64(seed: 14)
        let initial = Network(
            widths: [16, 6, 3], activation: .relu, initializer: .xavierUniform, dropout: 0, capacity: 4, rng: &rng)
        let (packed, plain) = Self.sideBySide(
            seed: 14, activation: .relu, zeros: zeros, batchSeed: 40,
            inspect: { step, packed, _ in
                #expect(packed.layers[0].weight.packedGrad != nil, "step \(step): the gradient is left packed")
            },
            stepped: { _, packed in
                #expect(packed.layers[0].weight.packedGrad == nil)
                #expect(packed.layers[0].weight.grad.array.allSatisfy { $0 == 0 }, "cleared for the next step")
            })
        for (a, b) in zip(packed.parameters, plain.parameters) {
            for (x, y) in zip(a.value.array, b.value.array) { #expect(abs(x - y) < 1e-5) }
        }
        #expect(packed.layers[0].weight.value.array != initial.layers[0].weight.value.array)
    }
}
