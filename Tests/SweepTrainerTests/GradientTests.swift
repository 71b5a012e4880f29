import Foundation
import SweepTrainerConfig
import Testing

@testable import SweepTrainer

@Suite("Gradients (finite differences)")
struct GradientTests {
    @Test("every activation's derivative matches its value", arguments: Activation.allCases)
    func activationDerivative(_ act: Activation) {
        for z: Float in [-3.1, -1.3, -0.4, 0.35, 0.9, 2.7] {
            let h: Float = 1e-3
            let numeric = (Double(act.value(z + h)) - Double(act.value(z - h))) / Double(2 * h)
            #expect(abs(numeric - Double(act.derivative(z))) < 2e-3, "\(act) at \(z)")
        }
    }

    @Test("softplus and sigmoid are stable at extremes")
    func stability() {
        #expect(Activation.softplus.value(100) == 100)
        #expect(Activation.softplus.value(-100) >= 0)
        #expect(Activation.sigmoid.value(-100) == 0 || Activation.sigmoid.value(-100) < 1e-30)
        #expect(Activation.sigmoid.value(100) == 1)
    }

    @Test("MLP + softmax cross-entropy, every layer, per activation", arguments: Activation.allCases)
    func classifier(_ act: Activation) {
        var rng = SplitMix64(seed: 3)
        let net = Network(
            widths: [5, 4, 3, 3], activation: act, initializer: .xavierUniform, dropout: 0, capacity: 6, rng: &rng)
        let c = Classifier(network: net)
        let x = GradientCheck.matrix(rows: 6, columns: 5, seed: 1)
        let labels: [UInt8] = [0, 1, 2, 1, 0, 2]
        let failures = GradientCheck.check(net.parameters, h: 1e-2) { train in
            c.meanLoss(x, labels: labels, train: train)
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("linear model (no hidden layer)")
    func linear() {
        var rng = SplitMix64(seed: 4)
        let net = Network(
            widths: [7, 4], activation: .relu, initializer: .kaimingUniform, dropout: 0, capacity: 5, rng: &rng)
        let c = Classifier(network: net)
        let x = GradientCheck.matrix(rows: 5, columns: 7, seed: 2)
        let labels: [UInt8] = [3, 1, 2, 0, 3]
        let failures = GradientCheck.check(net.parameters) { train in
            c.meanLoss(x, labels: labels, train: train)
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("dropout: the gradient of the masked network (same mask)")
    func dropout() {
        var rng = SplitMix64(seed: 5)
        let net = Network(
            widths: [5, 6, 4, 3], activation: .tanh, initializer: .xavierUniform, dropout: 0.3, capacity: 4, rng: &rng)
        let c = Classifier(network: net)
        let x = GradientCheck.matrix(rows: 4, columns: 5, seed: 3)
        let labels: [UInt8] = [0, 2, 1, 1]
        let failures = GradientCheck.check(net.parameters) { train in
            var r = SplitMix64(seed: 42)  // the same mask every time
            let logits = net.forward(x.data, rows: 4, training: true, rng: &r)
            let g = Matrix(rows: 4, columns: 3)
            let loss = labels.withUnsafeBufferPointer {
                Loss.softmaxCrossEntropy(logits: logits, labels: $0.baseAddress!, rows: 4, classes: 3, gradient: g.data)
                    .sum / 4
            }
            if train { net.backward(x.data, rows: 4, dOut: g.data, training: true, dInput: nil) }
            _ = c
            return loss
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("input gradient of a network")
    func inputGradient() {
        var rng = SplitMix64(seed: 6)
        let net = Network(
            widths: [4, 5, 3], activation: .swish, initializer: .xavierUniform, dropout: 0, capacity: 2, rng: &rng)
        let x = GradientCheck.matrix(rows: 2, columns: 4, seed: 4)
        let dOut = GradientCheck.matrix(rows: 2, columns: 3, seed: 5)
        let dx = Matrix(rows: 2, columns: 4)
        func loss() -> Double {
            var r = SplitMix64(seed: 0)
            let y = net.forward(x.data, rows: 2, training: false, rng: &r)
            return (0..<6).reduce(0.0) { $0 + Double(y[$1] * dOut.data[$1]) }
        }
        var r = SplitMix64(seed: 0)
        net.forward(x.data, rows: 2, training: true, rng: &r)
        net.backward(x.data, rows: 2, dOut: dOut.data, training: true, dInput: dx.data)
        for i in 0..<8 {
            let old = x.data[i]
            x.data[i] = old + 1e-2
            let up = loss()
            x.data[i] = old - 1e-2
            let down = loss()
            x.data[i] = old
            #expect(abs((up - down) / 2e-2 - Double(dx.data[i])) < 2e-3)
        }
    }

    static let vaeCases: [(TrainerConfig.Model.Variance, Double)] = [
        (.softplus, 0), (.softplus, 1), (.logvar, 2.5), (.softplus, 10),
    ]

    @Test("VAE: reconstruction and β·KL through the reparameterisation", arguments: vaeCases)
    func vae(_ variance: TrainerConfig.Model.Variance, _ beta: Double) {
        var rng = SplitMix64(seed: 7)
        let enc = Network(
            widths: [6, 5, 4], activation: .relu, initializer: .xavierUniform, dropout: 0, capacity: 3, rng: &rng)
        let dec = Network(
            widths: [2, 5, 6], activation: .softplus, initializer: .xavierUniform, dropout: 0, capacity: 3, rng: &rng)
        let vae = VAE(encoder: enc, decoder: dec, latent: 2, variance: variance, beta: beta)
        let x = GradientCheck.matrix(rows: 3, columns: 6, seed: 6, lo: 0, hi: 1)
        let noise: [Float] = [0.3, -1.2, 0.8, 0.1, -0.5, 1.7]
        let failures = GradientCheck.check(vae.parameters) { train in
            var r = SplitMix64(seed: 0)
            let out = vae.run(x.data, rows: 3, train: train, rng: &r, fixedNoise: noise)
            return (out.recon + beta * out.kl) / 3
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("BCE-with-logits and KL values match their formulas")
    func lossValues() {
        // 21 values: two eight-lane blocks and a scalar tail.
        let logits: [Float] = [
            -9, -1.5, 0, 2, 8, -0.01, 0.3, -4, 5.5, -2.2, 1e-3, 12, -12, 0.7, -0.7, 3, 6, -6, 0.05, 1.5, -1,
        ]
        let targets: [Float] = (0..<21).map { Float($0 % 5) / 4 }
        var expected = 0.0
        for (l, x) in zip(logits, targets) {
            let p = 1 / (1 + exp(-Double(l)))
            expected -= Double(x) * log(max(p, 1e-300)) + Double(1 - x) * log(max(1 - p, 1e-300))
        }
        var grad = [Float](repeating: 0, count: 21)
        let got = Loss.bceWithLogits(logits: logits, targets: targets, count: 21, scale: 0.5, gradient: &grad)
        #expect(abs(got - expected) < 1e-4)
        for i in 0..<21 {
            let p = 1 / (1 + exp(-Double(logits[i])))
            #expect(abs(Double(grad[i]) - (p - Double(targets[i])) * 0.5) < 1e-6)
        }
        let mu: [Float] = [0.5, -1], sigma: [Float] = [0.8, 1.5]
        let kl = Loss.gaussianKL(mu: mu, sigma: sigma, count: 2)
        let ref1: Double = 0.5 * (0.25 + 0.64 - 1 - log(0.64))
        let ref2: Double = 0.5 * (1 + 2.25 - 1 - log(2.25))
        let ref = ref1 + ref2
        #expect(abs(kl - ref) < 1e-6)
    }

    @Test("L1 and L2 penalties: loss and gradient")
    func penalty() {
        var rng = SplitMix64(seed: 8)
        let net = Network(
            widths: [4, 3, 2], activation: .relu, initializer: .xavierUniform, dropout: 0, capacity: 1, rng: &rng)
        let penalty = Penalty(l1: 0.3, l2: 0.7)
        let params = net.parameters
        var manual = 0.0
        for p in params where p.penalised {
            for v in p.value.array { manual += 0.3 * Double(abs(v)) + 0.7 * Double(v * v) }
        }
        #expect(abs(penalty.loss(params) - manual) < 1e-5)
        let failures = GradientCheck.check(params, h: 1e-3) { train in
            if train {
                for p in params { p.grad.zero() }
                penalty.addGradient(params)
            }
            return penalty.loss(params)
        }
        #expect(failures.isEmpty, "\(failures)")
        // Biases are not penalised.
        #expect(params.filter { !$0.penalised }.allSatisfy { $0.grad.array.allSatisfy { $0 == 0 } })
    }
}
