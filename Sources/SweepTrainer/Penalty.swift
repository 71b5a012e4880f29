/// L1 and L2 penalties on weight matrices (not biases), in the loss and in the gradient.
struct Penalty {
    let l1: Float
    let l2: Float

    var isActive: Bool { l1 > 0 || l2 > 0 }

    /// l1·Σ|w| + l2·Σw² over the penalised parameters.
    func loss(_ parameters: [Parameter]) -> Double {
        guard isActive else { return 0 }
        var a = 0.0, b = 0.0
        for p in parameters where p.penalised {
            let w = p.value.data
            for i in 0..<p.count {
                a += Double(abs(w[i]))
                b += Double(w[i] * w[i])
            }
        }
        return Double(l1) * a + Double(l2) * b
    }

    /// Adds l1·sign(w) + 2·l2·w to each penalised parameter's gradient.
    func addGradient(_ parameters: [Parameter]) {
        guard isActive else { return }
        for p in parameters where p.penalised {
            let w = p.value.data, g = p.grad.data
            for i in 0..<p.count {
                let s: Float = w[i] > 0 ? 1 : (w[i] < 0 ? -1 : 0)
                g[i] += l1 * s + 2 * l2 * w[i]
            }
        }
    }
}
