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
            opt.update([p])
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
        o1.update([plain])
        // buf 2 → 0.9·2 + 2 = 3.8; w = 1 − 0.2 − 0.38.
        #expect(abs(plain.value.data[0] - 0.42) < 1e-6)
        let nest = param([1], [2])
        var o2 = Optimizer(config: .init(name: .sgd, momentum: 0.9, nesterov: true), lr: 0.1)
        o2.update([nest])
        o2.update([nest])
        // step 1: d = 2 + 0.9·2 = 3.8; step 2: buf 3.8, d = 2 + 0.9·3.8 = 5.42.
        #expect(abs(nest.value.data[0] - (1 - 0.38 - 0.542)) < 1e-6)
    }
}
