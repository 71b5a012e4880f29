import CKernels
import SweepTrainerConfig
import Testing

@testable import SweepTrainer

/// Adam's step on a packed weight gradient, deferred to the layer's next forward pass (which then
/// updates the weights and packs them for the new batch in one pass): the same bits as the step
/// taken at once, whatever reads the parameters first. Serialized: the AVX-512 switch is
/// process-wide.
@Suite("Deferred optimiser steps", .serialized)
struct DeferredStepTests {
    /// A ReLU classifier whose layers all may pack their inputs and units.
    static func classifier() -> (Network, Classifier) {
        var rng = SplitMix64(seed: 31)
        let network = Network(
            widths: [40, 24, 20, 3], activation: .relu, initializer: .xavierUniform, dropout: 0, capacity: 6,
            rng: &rng, packingMinimumOutputs: 1, sparseFirstLayer: false)
        return (network, Classifier(network: network))
    }

    /// Zero pixels per batch: a different set each time, and none in the third (not packed).
    static let zeros: [Set<Int>] = [
        Set(0..<12), Set(20..<33), [], Set([1, 5, 9, 13, 17, 21, 25]), Set(30..<40), Set(0..<8),
    ]

    /// One training forward and backward pass of `classifier` on batch `step`; returns the loss.
    @discardableResult
    static func train(_ classifier: Classifier, step: Int) -> Double {
        let x = ActiveColumnsTests.batch(rows: 6, columns: 40, zero: zeros[step], seed: 50 + step)
        return classifier.meanLoss(x, labels: [0, 2, 1, 1, 0, 2], train: true)
    }

    static func bits(_ m: Matrix) -> [UInt32] { m.array.map(\.bitPattern) }

    @Test(
        "training with steps deferred to the next forward pass gives the bits of steps taken at once (with AVX-512 or not)",
        arguments: [true, false])
    func sameBits(avx512: Bool) {
        VectorKernelsTests.withAVX512(avx512) { trainSideBySide() }
    }

    private func trainSideBySide() {
        let (deferring, a) = Self.classifier(), (immediate, b) = Self.classifier()
        var optA = Optimizer(config: .init(name: .adam), lr: 0.01)
        var optB = optA
        optA.defersPackedSteps = true
        var deferrals = 0
        for step in Self.zeros.indices {
            let lossA = Self.train(a, step: step), lossB = Self.train(b, step: step)
            #expect(lossA.bitPattern == lossB.bitPattern, "step \(step)")
            #expect(deferring.parameters.allSatisfy { $0.deferredStep == nil }, "step \(step): the forward took them")
            #expect(deferring.active.isPacked == !Self.zeros[step].isEmpty)
            optA.update(deferring.parameters)
            optB.update(immediate.parameters)
            for layer in deferring.layers {
                // A packed weight gradient's step waits for the next forward pass; the others not.
                let packed = layer.weight.packedGrad != nil
                #expect((layer.weight.deferredStep != nil) == packed, "step \(step)")
                #expect(layer.bias.deferredStep == nil)
                if packed { deferrals += 1 }
            }
        }
        #expect(deferrals >= Self.zeros.count, "the first layer defers whenever its pixels were packed, and more")
        for (p, q) in zip(deferring.parameters, immediate.parameters) {
            #expect(Self.bits(p.value) == Self.bits(q.value))
            #expect(Self.bits(p.m) == Self.bits(q.m) && Self.bits(p.v) == Self.bits(q.v))
            #expect(p.deferredStep == nil && p.grad.array.allSatisfy { $0 == 0 })
        }
    }

    @Test("reading a parameter's values, moments or gradient, or resetting its state, takes its deferred step first")
    func readersTakeTheStep() {
        for reader in 0..<4 {
            let (deferring, a) = Self.classifier(), (immediate, b) = Self.classifier()
            var optA = Optimizer(config: .init(name: .adam), lr: 0.01)
            var optB = optA
            optA.defersPackedSteps = true
            Self.train(a, step: 0)
            Self.train(b, step: 0)
            optA.update(deferring.parameters)
            optB.update(immediate.parameters)
            let p = deferring.layers[0].weight, q = immediate.layers[0].weight
            #expect(p.deferredStep != nil)
            switch reader {
            case 0: #expect(Self.bits(p.value) == Self.bits(q.value))
            case 1: #expect(Self.bits(p.m) == Self.bits(q.m))
            case 2: #expect(p.grad.array.allSatisfy { $0 == 0 })
            default:
                p.resetState(3)
                q.resetState(3)
            }
            #expect(p.deferredStep == nil && p.packedGrad == nil, "reader \(reader)")
            #expect(Self.bits(p.value) == Self.bits(q.value) && Self.bits(p.v) == Self.bits(q.v), "reader \(reader)")
        }
    }

    @Test("a second backward pass before any forward pass takes the deferred step before overwriting its gradient")
    func backwardTwice() {
        func layer() -> Dense {
            var rng = SplitMix64(seed: 32)
            return Dense(
                inputs: 40, outputs: 24, initializer: .xavierUniform, rng: &rng, capacity: 6, packsInputs: true)
        }
        let deferring = layer(), immediate = layer()
        var optA = Optimizer(config: .init(name: .adam), lr: 0.01)
        var optB = optA
        optA.defersPackedSteps = true
        let x = ActiveColumnsTests.batch(rows: 6, columns: 40, zero: Set(0..<10), seed: 60)
        let dz = GradientCheck.matrix(rows: 6, columns: 24, seed: 61)
        let z = Matrix(rows: 6, columns: 24)
        for l in [deferring, immediate] { l.forward(x.data, rows: 6, into: z.data) }
        for _ in 0..<2 {
            deferring.backward(x.data, dz: dz.data, rows: 6, dx: nil)
            immediate.backward(x.data, dz: dz.data, rows: 6, dx: nil)
            optA.update(deferring.parameters)
            optB.update(immediate.parameters)
        }
        #expect(deferring.weight.deferredStep != nil)
        #expect(Self.bits(deferring.weight.value) == Self.bits(immediate.weight.value))
        #expect(Self.bits(deferring.weight.m) == Self.bits(immediate.weight.m))
    }
}
