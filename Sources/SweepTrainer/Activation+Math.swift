internal import Foundation
import SweepTrainerConfig

extension Activation {

    /// The activation's value at `z`.
    @inline(__always)
    public func value(_ z: Float) -> Float {
        switch self {
        case .relu: return z > 0 ? z : 0
        case .leakyRelu: return z > 0 ? z : 0.01 * z
        case .sigmoid: return Self.sigmoid(z)
        case .tanh: return Foundation.tanh(z)
        case .swish: return z * Self.sigmoid(z)
        case .softplus: return Self.softplus(z)
        case .identity: return z
        }
    }

    /// The activation's derivative at `z`.
    @inline(__always)
    public func derivative(_ z: Float) -> Float {
        switch self {
        case .relu: return z > 0 ? 1 : 0
        case .leakyRelu: return z > 0 ? 1 : 0.01
        case .sigmoid:
            let s = Self.sigmoid(z)
            return s * (1 - s)
        case .tanh:
            let t = Foundation.tanh(z)
            return 1 - t * t
        case .swish:
            let s = Self.sigmoid(z)
            return s * (1 + z * (1 - s))
        case .softplus: return Self.sigmoid(z)
        case .identity: return 1
        }
    }

    /// The logistic function, stable for large |z|.
    @inline(__always)
    static func sigmoid(_ z: Float) -> Float {
        if z >= 0 {
            return 1 / (1 + expf(-z))
        }
        let e = expf(z)
        return e / (1 + e)
    }

    /// log(1 + e^z), stable for large |z| (as PyTorch: z itself above 20).
    @inline(__always)
    static func softplus(_ z: Float) -> Float {
        if z > 20 { return z }
        return log1pf(expf(z))
    }
}
