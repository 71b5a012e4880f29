import SweepTrainerConfig
import Testing

@testable import SweepTrainer

@Suite("Active units (the weight gradient skips units whose gradient is zero in the whole batch)")
struct ActiveUnitsTests {
    /// A layer that packs its units and a copy that never does, from the same seed.
    static func twins(inputs: Int, outputs: Int, rows: Int) -> (packing: Dense, plain: Dense) {
        var a = SplitMix64(seed: 21), b = SplitMix64(seed: 21)
        return (
            Dense(
                inputs: inputs, outputs: outputs, initializer: .xavierUniform, rng: &a, capacity: rows, packsUnits: true
            ),
            Dense(inputs: inputs, outputs: outputs, initializer: .xavierUniform, rng: &b, capacity: rows)
        )
    }

    @Test(
        "with an eighth or more of dz's columns zero, dW, db and dx equal the full product's; the skipped rows are zero"
    )
    func layerGradients() {
        let rows = 5, inputs = 7, outputs = 8
        let (packing, plain) = Self.twins(inputs: inputs, outputs: outputs, rows: rows)
        let x = GradientCheck.matrix(rows: rows, columns: inputs, seed: 1)
        let dz = GradientCheck.matrix(rows: rows, columns: outputs, seed: 2)
        let off: Set<Int> = [1, 4]
        for r in 0..<rows { for o in off { dz[r, o] = r == 2 ? -0.0 : 0 } }
        let dxA = Matrix(rows: rows, columns: inputs), dxB = Matrix(rows: rows, columns: inputs)
        packing.backward(x.data, dz: dz.data, rows: rows, dx: dxA.data)
        plain.backward(x.data, dz: dz.data, rows: rows, dx: dxB.data)
        #expect(packing.units.isPacked && packing.units.count == 6)
        #expect((0..<outputs).map { packing.units.rowOf[$0] } == [0, -1, 1, 2, -1, 3, 4, 5])
        #expect(packing.weight.packedGrad != nil && plain.weight.packedGrad == nil)
        let g = packing.weight.grad
        for (a, b) in zip(g.array, plain.weight.grad.array) { #expect(abs(a - b) < 1e-6) }
        for o in off { for i in 0..<inputs { #expect(g[o, i].bitPattern == Float(0).bitPattern) } }
        #expect(packing.bias.grad.array == plain.bias.grad.array)
        for (a, b) in zip(dxA.array, dxB.array) { #expect(abs(a - b) < 1e-6) }

        // One zero column of eight is an eighth: still packed; none zero: the full product.
        let dense = GradientCheck.matrix(rows: rows, columns: outputs, seed: 3)
        packing.backward(x.data, dz: dense.data, rows: rows, dx: dxA.data)
        #expect(!packing.units.isPacked && packing.weight.packedGrad == nil)
        for r in 0..<rows { dense[r, 5] = 0 }
        packing.backward(x.data, dz: dense.data, rows: rows, dx: dxA.data)
        #expect(packing.units.isPacked && packing.units.count == 7)
    }

    /// A ReLU network whose units in `dead` (layer → units) are off for every input: their bias
    /// is −50 against inputs and weights below 1 in size.
    static func network(seed: Int, packing: Bool) -> Network {
        var rng = SplitMix64(seed: seed)
        return Network(
            widths: [16, 8, 8, 3], activation: .relu, initializer: .xavierUniform, dropout: 0, capacity: 4,
            rng: &rng, packingMinimumOutputs: packing ? 1 : 64, sparseFirstLayer: false)
    }

    static func kill(_ dead: [Int: Set<Int>], in nets: [Network]) {
        for net in nets {
            for (l, units) in dead {
                let b = net.layers[l].bias.value
                for o in 0..<b.columns { b.data[o] = units.contains(o) ? -50 : 0.1 }
            }
        }
    }

    @Test("Adam on gradients packed to active units and input columns trains like Adam on full gradients")
    func trainingSideBySide() {
        let packed = Self.network(seed: 31, packing: true), plain = Self.network(seed: 31, packing: false)
        let pc = Classifier(network: packed), qc = Classifier(network: plain)
        var optA = Optimizer(config: .init(name: .adam), lr: 0.01)
        var optB = optA
        let labels: [UInt8] = [0, 2, 1, 1]
        let steps: [(zero: Set<Int>, dead: [Int: Set<Int>])] = [
            ([0, 2, 7], [0: [1, 5], 1: [0]]),
            ([1, 3, 4, 5, 6], [0: [2], 1: [3, 4, 7]]),
            ([15], [0: [], 1: []]),
            ([8, 14], [0: [0, 1, 2, 3, 4, 5, 6, 7], 1: [6]]),
        ]
        for (step, s) in steps.enumerated() {
            Self.kill(s.dead, in: [packed, plain])
            let x = ActiveColumnsTests.batch(rows: 4, columns: 16, zero: s.zero, seed: 50 + step)
            pc.meanLoss(x, labels: labels, train: true)
            qc.meanLoss(x, labels: labels, train: true)
            for l in 0..<2 {
                // A unit may also be off for all four images on its own, so only the forced case is pinned.
                if let dead = s.dead[l], !dead.isEmpty {
                    #expect(packed.layers[l].units.isPacked, "step \(step) layer \(l)")
                }
                #expect(!plain.layers[l].units.isPacked)
            }
            #expect(!packed.layers[2].units.isEnabled, "the output layer never packs its units")
            // The next layer packs its inputs to the units left on.
            for l in 0..<2 where !(s.dead[l] ?? []).isEmpty {
                #expect(packed.activeInputs[l + 1].isPacked, "step \(step): inputs of layer \(l + 1)")
            }
            if step < 2 {
                #expect(packed.layers[0].weight.packedGrad != nil, "step \(step): left packed for Adam")
            }
            optA.update(packed.parameters)
            optB.update(plain.parameters)
            for (a, b) in zip(packed.parameters, plain.parameters) {
                #expect(a.packedGrad == nil && a.grad.array.allSatisfy { $0 == 0 }, "cleared for the next step")
                for (u, v) in zip(a.value.array, b.value.array) { #expect(abs(u - v) < 1e-5, "step \(step)") }
            }
        }
    }

    @Test("gradients through layers packed to their active units match finite differences")
    func finiteDifferences() {
        let net = Self.network(seed: 32, packing: true)
        Self.kill([0: [0, 3, 6], 1: [2, 5]], in: [net])
        let c = Classifier(network: net)
        let x = ActiveColumnsTests.batch(rows: 4, columns: 16, zero: [4, 9], seed: 60)
        let labels: [UInt8] = [1, 0, 2, 1]
        let failures = GradientCheck.check(net.parameters, h: 1e-3, perParameter: 40) { train in
            c.meanLoss(x, labels: labels, train: train)
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(net.layers[0].units.isPacked && net.layers[1].units.isPacked)
    }

    @Test(
        "which layers pack: units of hidden ReLU (or dropout) layers, inputs from ReLU units; at least 64 wide on both sides; a wide first layer takes sparse inputs"
    )
    func whichLayers() {
        var rng = SplitMix64(seed: 1)
        func packs(_ widths: [Int], _ activation: SweepTrainerConfig.Activation, dropout: Double = 0) -> (
            units: [Bool], inputs: [Bool], sparse: [Bool]
        ) {
            let net = Network(
                widths: widths, activation: activation, initializer: .kaimingUniform, dropout: dropout, capacity: 2,
                rng: &rng)
            for (layer, packed) in zip(net.layers, net.activeInputs) {
                #expect((layer.packedGradient != nil) == (layer.units.isEnabled || packed.isEnabled))
            }
            return (
                net.layers.map(\.units.isEnabled), net.activeInputs.map(\.isEnabled),
                net.layers.map { $0.sparseInputs != nil }
            )
        }
        let encoder = packs([784, 512, 256, 4], .relu)
        #expect(encoder.units == [false, true, false] && encoder.inputs == [false, true, false], "the VAE's encoder")
        #expect(encoder.sparse == [true, false, false])
        let decoder = packs([2, 256, 512, 784], .relu)
        #expect(decoder.units == [false, true, false] && decoder.inputs == [true, true, true], "the VAE's decoder")
        #expect(decoder.sparse == [false, false, false], "two latent inputs are not worth it")
        let tanh = packs([784, 512, 256, 4], .tanh)
        #expect(tanh.units == [false, false, false] && tanh.inputs == [false, false, false])
        #expect(tanh.sparse == [true, false, false], "pixels are sparse whatever the activation")
        let dropout = packs([784, 512, 256, 4], .tanh, dropout: 0.2)
        #expect(dropout.units == [false, true, false] && dropout.inputs == [false, false, false])
        let mlp = packs([784, 10, 3, 10], .relu)
        #expect(mlp.units == [false, false, false] && mlp.inputs == [false, false, false])
        #expect(mlp.sparse == [false, false, false], "ten units are not worth it")
    }
}

extension ActiveUnitsTests {
    @Test("a forward pass between backward and the optimiser step leaves the pending packed gradient intact")
    func forwardBeforeStep() {
        let packed = Self.network(seed: 34, packing: true), plain = Self.network(seed: 34, packing: false)
        Self.kill([0: [1, 2], 1: [5]], in: [packed, plain])
        let labels: [UInt8] = [0, 1, 2, 0]
        let x = ActiveColumnsTests.batch(rows: 4, columns: 16, zero: [0, 5, 6], seed: 70)
        let other = ActiveColumnsTests.batch(rows: 4, columns: 16, zero: [1, 2, 3, 9, 10], seed: 71)
        let opt = Optimizer(config: .init(name: .adam), lr: 0.01)
        var results: [[Float]] = []
        for net in [packed, plain] {
            let c = Classifier(network: net)
            var r = SplitMix64(seed: 0)
            c.meanLoss(x, labels: labels, train: true, rng: &r)
            // An evaluation of other images (packed differently) before the step.
            c.meanLoss(other, labels: labels, train: false, rng: &r)
            var o = opt
            o.update(net.parameters)
            results.append(net.parameters.flatMap(\.value.array))
        }
        #expect(packed.activeInputs[0].isPacked && packed.layers[0].units.isEnabled)
        for (a, b) in zip(results[0], results[1]) { #expect(abs(a - b) < 1e-5) }
    }
}

extension ActiveUnitsTests {
    @Test(
        "with dropout, L1/L2 penalties and SGD momentum (which read the gradient unpacked), packed layers train like plain ones"
    )
    func dropoutPenaltiesSGD() {
        func net(packing: Bool) -> Network {
            var rng = SplitMix64(seed: 35)
            return Network(
                widths: [16, 8, 8, 3], activation: .relu, initializer: .xavierUniform, dropout: 0.5, capacity: 4,
                rng: &rng, packingMinimumOutputs: packing ? 1 : 64, sparseFirstLayer: false)
        }
        let packed = net(packing: true), plain = net(packing: false)
        let penalty = Penalty(l1: 1e-3, l2: 1e-2)
        let labels: [UInt8] = [2, 0, 1, 1]
        var optA = Optimizer(config: .init(name: .sgd, momentum: 0.9, nesterov: true), lr: 0.05)
        var optB = optA
        var packedSteps = 0
        for step in 0..<6 {
            let x = ActiveColumnsTests.batch(rows: 4, columns: 16, zero: [step, step + 5], seed: 80 + step)
            for (n, opt) in [(packed, 0), (plain, 1)] {
                let c = Classifier(network: n)
                c.meanLoss(x, labels: labels, train: true, seed: 100 + step)  // the same dropout masks for both
                penalty.addGradient(n.parameters)
                if opt == 0 { optA.update(n.parameters) } else { optB.update(n.parameters) }
            }
            packedSteps += packed.layers.prefix(2).filter(\.units.isPacked).count
            for (a, b) in zip(packed.parameters, plain.parameters) {
                for (u, v) in zip(a.value.array, b.value.array) { #expect(abs(u - v) < 1e-5, "step \(step)") }
            }
        }
        #expect(packedSteps > 0, "dropout of half the units turns whole units off in batches of four")
    }
}

extension ActiveUnitsTests {
    @Test("with continual backprop replacing units between steps, packed layers train like plain ones")
    func continualBackprop() {
        let packed = Self.network(seed: 36, packing: true), plain = Self.network(seed: 36, packing: false)
        Self.kill([0: [3], 1: [1, 6]], in: [packed, plain])
        let settings = TrainerConfig.ContinualBackprop(replacementRate: 0.3, maturityThreshold: 1, decay: 0.9)
        var cbpA = ContinualBackprop(network: packed, settings: settings, initializer: .xavierUniform)
        var cbpB = ContinualBackprop(network: plain, settings: settings, initializer: .xavierUniform)
        packed.recordsActivity = true
        plain.recordsActivity = true
        var optA = Optimizer(config: .init(name: .adam), lr: 0.01)
        var optB = optA
        var rngA = SplitMix64(seed: 9), rngB = SplitMix64(seed: 9)
        let labels: [UInt8] = [1, 2, 0, 1]
        var replaced = 0
        for step in 0..<6 {
            let x = ActiveColumnsTests.batch(rows: 4, columns: 16, zero: [2, 3, 11], seed: 90 + step)
            for n in [packed, plain] {
                Classifier(network: n).meanLoss(x, labels: labels, train: true)
            }
            optA.update(packed.parameters)
            optB.update(plain.parameters)
            let a = cbpA.step(packed, rng: &rngA), b = cbpB.step(plain, rng: &rngB)
            #expect(a == b, "step \(step): the same units are replaced")
            replaced += a.reduce(0) { $0 + $1.count }
            for (p, q) in zip(packed.parameters, plain.parameters) {
                for (u, v) in zip(p.value.array, q.value.array) { #expect(abs(u - v) < 1e-5, "step \(step)") }
            }
        }
        #expect(replaced > 0)
    }
}
