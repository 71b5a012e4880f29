internal import Foundation
import SweepTrainerConfig

/// SGD (momentum, Nesterov), Adam and AdamW with PyTorch's update rules.
struct Optimizer {
    let config: TrainerConfig.Optim
    let lr: Double
    /// Steps taken (Adam's bias correction uses it).
    private(set) var step = 0

    init(config: TrainerConfig.Optim, lr: Double) {
        self.config = config
        self.lr = lr
    }

    /// Applies one update to every parameter from its gradient.
    mutating func update(_ parameters: [Parameter]) {
        beginStep()
        apply(parameters)
    }

    /// Counts a new step; `apply` then updates parameters with this step's bias correction.
    mutating func beginStep() {
        step += 1
    }

    /// Updates `parameters` from their gradients as part of the current step (layer by layer
    /// during back-propagation, while the gradients are still in cache), and clears each gradient
    /// as it reads it (so the next backward accumulates into zeros, see `Parameter.gradIsZero`).
    func apply(_ parameters: [Parameter]) {
        let lr = Float(self.lr)
        let wd = Float(config.weightDecay)
        switch config.name {
        case .sgd:
            let mu = Float(config.momentum)
            let nesterov = config.nesterov
            for p in parameters {
                let w = p.value.data, g = p.grad.data, buf = p.m.data
                for i in 0..<p.count {
                    var d = g[i] + wd * w[i]
                    g[i] = 0
                    if mu > 0 {
                        buf[i] = mu * buf[i] + d
                        d = nesterov ? d + mu * buf[i] : buf[i]
                    }
                    w[i] -= lr * d
                }
                p.gradIsZero = true
            }
        case .adam, .adamw:
            let b1 = config.betas[0], b2 = config.betas[1]
            let t = Double(step)
            let c1 = 1 - pow(b1, t), c2 = 1 - pow(b2, t)
            let stepSize = Float(self.lr / c1)
            let rootC2 = Float(c2.squareRoot())
            let eps = Float(config.eps)
            let fb1 = Float(b1), fb2 = Float(b2)
            let decoupled = config.name == .adamw
            let shrink = decoupled ? 1 - lr * wd : 1
            let coupled = decoupled ? 0 : wd
            let invRootC2 = 1 / rootC2
            for p in parameters {
                Self.adam(
                    w: p.value.data, g: p.grad.data, m: p.m.data, v: p.v.data, count: p.count, b1: fb1, b2: fb2,
                    stepSize: stepSize, invRootC2: invRootC2, eps: eps, shrink: shrink, coupled: coupled)
                p.gradIsZero = true
            }
        }
    }

    /// One Adam/AdamW update over `count` elements, four lanes at a time (the SSE width of the
    /// baseline x86-64 target: eight-lane vectors spill registers there).
    @inline(__always)
    private static func adam(
        w: UnsafeMutablePointer<Float>, g: UnsafeMutablePointer<Float>, m: UnsafeMutablePointer<Float>,
        v: UnsafeMutablePointer<Float>, count: Int, b1: Float, b2: Float, stepSize: Float, invRootC2: Float,
        eps: Float, shrink: Float, coupled: Float
    ) {
        typealias V4 = SIMD4<Float>
        let vb1 = V4(repeating: b1), vb2 = V4(repeating: b2)
        let va1 = V4(repeating: 1 - b1), va2 = V4(repeating: 1 - b2)
        let vstep = V4(repeating: stepSize), vinv = V4(repeating: invRootC2), veps = V4(repeating: eps)
        let vshrink = V4(repeating: shrink), vcoupled = V4(repeating: coupled)
        let wr = UnsafeMutableRawPointer(w), gr = UnsafeMutableRawPointer(g)
        let mr = UnsafeMutableRawPointer(m), vr = UnsafeMutableRawPointer(v)
        var i = 0
        while i + 4 <= count {
            let off = i * 4
            var wi = wr.loadUnaligned(fromByteOffset: off, as: V4.self)
            let gi = gr.loadUnaligned(fromByteOffset: off, as: V4.self) + vcoupled * wi
            gr.storeBytes(of: V4(), toByteOffset: off, as: V4.self)
            wi *= vshrink
            let mi = vb1 * mr.loadUnaligned(fromByteOffset: off, as: V4.self) + va1 * gi
            let vi = vb2 * vr.loadUnaligned(fromByteOffset: off, as: V4.self) + va2 * gi * gi
            wi -= vstep * mi / (FastMath.squareRoot(vi) * vinv + veps)
            mr.storeBytes(of: mi, toByteOffset: off, as: V4.self)
            vr.storeBytes(of: vi, toByteOffset: off, as: V4.self)
            wr.storeBytes(of: wi, toByteOffset: off, as: V4.self)
            i += 4
        }
        while i < count {
            let gi = g[i] + coupled * w[i]
            g[i] = 0
            w[i] *= shrink
            m[i] = b1 * m[i] + (1 - b1) * gi
            v[i] = b2 * v[i] + (1 - b2) * gi * gi
            w[i] -= stepSize * m[i] / (v[i].squareRoot() * invRootC2 + eps)
            i += 1
        }
    }
}
