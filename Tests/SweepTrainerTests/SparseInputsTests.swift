import SweepTrainerConfig
import Testing

@testable import SweepTrainer

/// A first layer that takes its inputs as each image's nonzero values, with weights stored by tiles
/// of units: the same layer, the same draws and the same training as one that does not.
@Suite("Sparse inputs (a first layer over each image's nonzero pixels)")
struct SparseInputsTests {
    /// A batch of 4 rows of 16 inputs: about three nonzero per row when `sparse`, else none zero.
    static func batch(sparse: Bool, seed: Int) -> Matrix {
        let x = GradientCheck.matrix(rows: 4, columns: 16, seed: seed, lo: 0.1, hi: 1)
        guard sparse else { return x }
        for r in 0..<4 { for c in 0..<16 where (c * 7 + r * 3 + seed) % 5 != 0 { x[r, c] = 0 } }
        return x
    }

    /// A [16, 70, 3] network (its first layer two tiles: 64 units and 6) with a sparse first layer
    /// or a packed one, from the same seed.
    static func network(sparse: Bool, seed: Int = 21, activation: SweepTrainerConfig.Activation = .relu) -> Network {
        var rng = SplitMix64(seed: seed)
        return Network(
            widths: [16, 70, 3], activation: activation, initializer: .xavierUniform, dropout: 0, capacity: 4,
            rng: &rng, packingMinimumOutputs: 1, sparseFirstLayer: sparse)
    }

    @Test("the layout: tiles of 64 units, each input by input; every element once")
    func layout() {
        let layout = SparseInputs.Layout(inputs: 5, outputs: 150)
        #expect(layout.index(unit: 0, input: 0) == 0)
        #expect(layout.index(unit: 1, input: 0) == 1)
        #expect(layout.index(unit: 0, input: 1) == 64)
        #expect(layout.index(unit: 64, input: 0) == 320)
        #expect(layout.index(unit: 130, input: 2) == 128 * 5 + 2 * 22 + 2, "the last tile is 22 units wide")
        #expect(Array(layout.tileStarts) == [0, 64, 128])
        let all = (0..<150).flatMap { u in (0..<5).map { layout.index(unit: u, input: $0) } }
        #expect(all.sorted() == Array(0..<750))
    }

    @Test("the same weights as a plain first layer, and x·Wᵀ + b on sparse batches and on dense ones")
    func forward() {
        let sparse = Self.network(sparse: true), plain = Self.network(sparse: false)
        let layer = sparse.layers[0]
        #expect(layer.sparseInputs != nil && plain.layers[0].sparseInputs == nil)
        #expect(layer.weightsByUnit == plain.layers[0].weightsByUnit, "drawn in the same order")
        #expect(layer.weightIndex(unit: 65, input: 2) == 64 * 16 + 2 * 6 + 1)
        for isSparse in [true, false] {
            let x = Self.batch(sparse: isSparse, seed: 5)
            var r1 = SplitMix64(seed: 0), r2 = SplitMix64(seed: 0)
            sparse.forward(x.data, rows: 4, training: true, rng: &r1)
            plain.forward(x.data, rows: 4, training: true, rng: &r2)
            #expect(layer.sparseInputs?.gains == isSparse, "a dense batch takes OpenBLAS by tiles")
            for (a, b) in zip(sparse.z[0].array.prefix(4 * 70), plain.z[0].array.prefix(4 * 70)) {
                #expect(abs(a - b) < 1e-5)
            }
            for (a, b) in zip(sparse.z[1].array.prefix(12), plain.z[1].array.prefix(12)) { #expect(abs(a - b) < 1e-5) }
        }
    }

    @Test("gradients through a sparse first layer match finite differences, on sparse and dense batches")
    func gradients() {
        for isSparse in [true, false] {
            let net = Self.network(sparse: true, activation: .tanh)
            let c = Classifier(network: net)
            let x = Self.batch(sparse: isSparse, seed: 6)
            let labels: [UInt8] = [0, 2, 1, 1]
            let failures = GradientCheck.check(net.parameters, perParameter: 60) { train in
                c.meanLoss(x, labels: labels, train: train)
            }
            #expect(failures.isEmpty, "sparse batch: \(isSparse): \(failures)")
            #expect(net.layers[0].sparseInputs?.gains == isSparse)
        }
    }

    @Test("dx = dz·W through weights stored by tiles, on sparse and dense batches")
    func inputGradient() {
        let sparse = Self.network(sparse: true), plain = Self.network(sparse: false)
        for isSparse in [true, false] {
            let x = Self.batch(sparse: isSparse, seed: 7)
            let dOut = GradientCheck.matrix(rows: 4, columns: 3, seed: 8, lo: -1, hi: 1)
            var results: [[Float]] = []
            for net in [sparse, plain] {
                var r = SplitMix64(seed: 0)
                net.forward(x.data, rows: 4, training: true, rng: &r)
                let dx = Matrix(rows: 4, columns: 16)
                net.backward(x.data, rows: 4, dOut: dOut.data, training: true, dInput: dx.data)
                results.append(dx.array)
            }
            #expect(results[0].contains { $0 != 0 })
            for (a, b) in zip(results[0], results[1]) { #expect(abs(a - b) < 1e-5, "sparse batch: \(isSparse)") }
        }
    }

    @Test("trained with Adam and continual backprop, a sparse first layer follows a plain one")
    func training() {
        let nets = [Self.network(sparse: true, seed: 22), Self.network(sparse: false, seed: 22)]
        var optimizers = [
            Optimizer(config: .init(name: .adam), lr: 0.01), Optimizer(config: .init(name: .adam), lr: 0.01),
        ]
        var cbps = nets.map {
            $0.recordsActivity = true
            return ContinualBackprop(
                network: $0, settings: .init(replacementRate: 0.2, maturityThreshold: 2, decay: 0.5),
                initializer: .xavierUniform)
        }
        let labels: [UInt8] = [0, 2, 1, 1]
        var replaced = [[[Int]]](repeating: [], count: 2)
        for step in 0..<8 {
            let x = Self.batch(sparse: step % 3 != 2, seed: 30 + step)
            for (i, net) in nets.enumerated() {
                Classifier(network: net).meanLoss(x, labels: labels, train: true, seed: step)
                optimizers[i].update(net.parameters)
                var r = SplitMix64(seed: 100 + step)
                replaced[i] += cbps[i].step(net, rng: &r)
            }
        }
        #expect(replaced[0] == replaced[1])
        #expect(replaced[0].joined().count >= 10, "units of the first layer were replaced")
        #expect(nets[0].layers[0].weightsByUnit != Self.network(sparse: true, seed: 22).layers[0].weightsByUnit)
        for (a, b) in zip(nets[0].layers[0].weightsByUnit, nets[1].layers[0].weightsByUnit) {
            #expect(abs(a - b) < 1e-4)
        }
        for (p, q) in zip(nets[0].parameters.dropFirst(), nets[1].parameters.dropFirst()) {
            for (a, b) in zip(p.value.array, q.value.array) { #expect(abs(a - b) < 1e-4) }
        }
    }

    @Test(
        "images suit sparse inputs when at most 30 % of their pixels are nonzero (MNIST 19 %, Fashion-MNIST 50 %), on one thread"
    )
    func whichImages() {
        /// 500 images of 10×10 with `lit` pixels nonzero each.
        func images(lit: Int) -> IDXFile.Images {
            let pixels = (0..<500).flatMap { i in (0..<100).map { UInt8($0 < lit ? 1 + (i + $0) % 255 : 0) } }
            return IDXFile.Images(count: 500, rows: 10, columns: 10, pixels: pixels)
        }
        #expect(SparseInputs.suits(images(lit: 19), threads: 1))
        #expect(SparseInputs.suits(images(lit: 30), threads: 1))
        #expect(!SparseInputs.suits(images(lit: 31), threads: 1))
        #expect(!SparseInputs.suits(images(lit: 50), threads: 1))
        #expect(!SparseInputs.suits(images(lit: 19), threads: 2), "OpenBLAS's products use the threads")
        #expect(!SparseInputs.suits(IDXFile.Images(count: 0, rows: 10, columns: 10, pixels: []), threads: 1))
    }
}
