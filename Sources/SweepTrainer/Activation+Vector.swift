internal import CKernels
import SweepTrainerConfig

extension Activation {
    /// Whether a network applies the activation in place (its output overwrites the
    /// pre-activation): true where the derivative depends only on the sign, which the output
    /// keeps ((leaky) ReLU, identity), so that back-propagation can read the output instead.
    var appliesInPlace: Bool { self == .relu || self == .leakyRelu || self == .identity }

    /// h = activation(z) over `count` elements; (leaky) ReLU and identity eight lanes at a time (the
    /// same values as `value(_:)`, bit for bit).
    func apply(z: UnsafePointer<Float>, h: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .relu: sweep_relu(z, h, count, 0)
        case .leakyRelu: sweep_relu(z, h, count, 0.01)
        case .identity: if UnsafePointer(h) != z { h.update(from: z, count: count) }
        default: for i in 0..<count { h[i] = value(z[i]) }
        }
    }

    /// d ← d·activation′(z) over `count` elements ((leaky) ReLU eight lanes at a time). For an
    /// activation that `appliesInPlace`, `z` may be the activation's output (with dropout applied):
    /// it has the sign of z wherever the dropout mask, which already zeroed d, kept the unit.
    func multiplyByDerivative(_ d: UnsafeMutablePointer<Float>, z: UnsafePointer<Float>, count: Int) {
        switch self {
        case .identity: return
        case .relu: sweep_relu_backward(d, z, count, 0)
        case .leakyRelu: sweep_relu_backward(d, z, count, 0.01)
        default: for i in 0..<count { d[i] *= derivative(z[i]) }
        }
    }
}
