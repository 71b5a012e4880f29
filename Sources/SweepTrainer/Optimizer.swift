internal import Foundation

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
        step += 1
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
                    if mu > 0 {
                        buf[i] = mu * buf[i] + d
                        d = nesterov ? d + mu * buf[i] : buf[i]
                    }
                    w[i] -= lr * d
                }
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
            let shrink = 1 - lr * wd
            for p in parameters {
                let w = p.value.data, g = p.grad.data, m = p.m.data, v = p.v.data
                for i in 0..<p.count {
                    var gi = g[i]
                    if decoupled {
                        w[i] *= shrink
                    } else {
                        gi += wd * w[i]
                    }
                    m[i] = fb1 * m[i] + (1 - fb1) * gi
                    v[i] = fb2 * v[i] + (1 - fb2) * gi * gi
                    w[i] -= stepSize * m[i] / (v[i].squareRoot() / rootC2 + eps)
                }
            }
        }
    }
}
