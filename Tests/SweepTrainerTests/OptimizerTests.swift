import Foundation
import Testing

@testable import SweepTrainer

@Suite("Optimisers")
struct OptimizerTests {
    func param(_ w: [Float], _ g: [Float]) -> Parameter {
        let p = Parameter(rows: 1, columns: w.count, penalised: true)
        p.value.set(w)
        p.grad.set(g)
        return p
    }

    @Test("Adam: two steps match the formulas (vector lanes and the scalar tail)")
    func adam() {
        let w0: [Float] = (0..<11).map { Float($0) * 0.37 - 2 }
        let g0: [Float] = (0..<11).map { Float($0 % 4) * 0.5 - 1 }
        let p = param(w0, g0)
        var opt = Optimizer(config: .init(name: .adam, weightDecay: 0.1), lr: 0.01)
        var m = [Double](repeating: 0, count: 11), v = m, w = w0.map(Double.init)
        for t in 1...2 {
            p.grad.set(g0)  // each step's backward writes the gradient; the update clears it
            p.gradIsZero = false
            opt.update([p])
            #expect(p.grad.array.allSatisfy { $0 == 0 } && p.gradIsZero)
            for i in 0..<11 {
                let g = Double(g0[i]) + 0.1 * w[i]
                m[i] = 0.9 * m[i] + 0.1 * g
                v[i] = 0.999 * v[i] + 0.001 * g * g
                let mh = m[i] / (1 - pow(0.9, Double(t))), vh = v[i] / (1 - pow(0.999, Double(t)))
                w[i] -= 0.01 * mh / (vh.squareRoot() + 1e-8)
            }
        }
        for i in 0..<11 { #expect(abs(Double(p.value.data[i]) - w[i]) < 1e-6, "element \(i)") }
    }

    @Test("AdamW decays the weights directly")
    func adamw() {
        let p = param([1], [0])
        var opt = Optimizer(config: .init(name: .adamw, weightDecay: 0.5), lr: 0.1)
        opt.update([p])
        #expect(abs(p.value.data[0] - 0.95) < 1e-7)
    }

    @Test("SGD with momentum and Nesterov")
    func sgd() {
        let plain = param([1], [2])
        var o1 = Optimizer(config: .init(name: .sgd, momentum: 0.9), lr: 0.1)
        o1.update([plain])
        #expect(plain.grad.array == [0] && plain.gradIsZero)
        plain.grad.set([2])
        o1.update([plain])
        // buf 2 → 0.9·2 + 2 = 3.8; w = 1 − 0.2 − 0.38.
        #expect(abs(plain.value.data[0] - 0.42) < 1e-6)
        let nest = param([1], [2])
        var o2 = Optimizer(config: .init(name: .sgd, momentum: 0.9, nesterov: true), lr: 0.1)
        o2.update([nest])
        nest.grad.set([2])
        o2.update([nest])
        // step 1: d = 2 + 0.9·2 = 3.8; step 2: buf 3.8, d = 2 + 0.9·3.8 = 5.42.
        #expect(abs(nest.value.data[0] - (1 - 0.38 - 0.542)) < 1e-6)
    }
}

/// The weight-gradient product accumulates into a gradient the optimiser cleared (GEMM β = 1,
/// no separate clearing pass): the gradients are the same as a fresh product's, step after step.
@Suite("Gradient clearing")
struct GradientClearingTests {
    @Test("a layer's gradients after an optimiser step equal those of a fresh layer", arguments: [8, 80])
    func accumulateIntoClearedGradients(outputs: Int) {
        var rng = SplitMix64(seed: 3)
        let layer = Dense(inputs: 12, outputs: outputs, initializer: .kaimingUniform, rng: &rng)
        let rows = 5
        let x = (0..<rows * 12).map { Float($0 % 7) * 0.25 - 0.5 }
        let dz = (0..<rows * outputs).map { Float($0 % 5) * 0.2 - 0.4 }
        var opt = Optimizer(config: .init(name: .adam), lr: 0.01)
        for _ in 0..<3 {
            layer.backward(x, dz: dz, rows: rows, dx: nil)
            var expected = [Float](repeating: 0, count: outputs * 12)
            for o in 0..<outputs {
                for i in 0..<12 {
                    for r in 0..<rows { expected[o * 12 + i] += dz[r * outputs + o] * x[r * 12 + i] }
                }
            }
            for (a, b) in zip(layer.weight.grad.array, expected) { #expect(abs(a - b) < 1e-5) }
            opt.update(layer.parameters)
            #expect(layer.weight.gradIsZero && layer.weight.grad.array.allSatisfy { $0 == 0 })
        }
    }

    @Test("two backward passes without a step overwrite, not add")
    func backwardTwiceOverwrites() {
        var rng = SplitMix64(seed: 4)
        let layer = Dense(inputs: 3, outputs: 2, initializer: .kaimingUniform, rng: &rng)
        let x: [Float] = [1, 2, 3]
        let dz: [Float] = [0.5, -1]
        layer.backward(x, dz: dz, rows: 1, dx: nil)
        let first = layer.weight.grad.array
        layer.backward(x, dz: dz, rows: 1, dx: nil)
        #expect(layer.weight.grad.array == first)
        #expect(first == [0.5, 1, 1.5, -1, -2, -3])
    }
}
