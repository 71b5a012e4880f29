internal import CKernels
internal import Foundation
import SweepTrainerConfig

/// SGD (momentum, Nesterov), Adam and AdamW with PyTorch's update rules.
struct Optimizer {
    let config: TrainerConfig.Optim
    let lr: Double
    /// Steps taken (Adam's bias correction uses it).
    private(set) var step = 0
    /// Whether Adam may defer its step on a packed weight gradient to the layer's next forward
    /// pass, which then updates the weights and packs them in one pass (`Parameter.adam`). The
    /// training loop allows it; anything reading a parameter takes the step first either way.
    var defersPackedSteps = false

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
            let decoupled = config.name == .adamw
            let shrink = decoupled ? 1 - lr * wd : 1
            let coupled = decoupled ? 0 : wd
            let constants = sweep_adam_step(
                b1: Float(b1), b2: Float(b2), step_size: stepSize, inv_root_c2: 1 / rootC2, eps: eps, shrink: shrink,
                coupled: coupled)
            for p in parameters { p.adam(constants, deferring: defersPackedSteps) }
        }
    }
}
