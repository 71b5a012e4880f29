internal import Foundation

/// How a layer's weights (and biases) start.
public enum Initializer: String, Sendable, Hashable, Decodable, CaseIterable {
    /// PyTorch's default Linear init: Kaiming-uniform with a = √5, i.e. w and b ~ U(−1/√fan_in, 1/√fan_in).
    case kaimingUniform = "kaiming_uniform"
    /// He normal: w ~ N(0, 2/fan_in), b = 0.
    case kaimingNormal = "kaiming_normal"
    /// Glorot uniform: w ~ U(−√(6/(fan_in+fan_out)), +), b = 0.
    case xavierUniform = "xavier_uniform"
    /// Glorot normal: w ~ N(0, 2/(fan_in+fan_out)), b = 0.
    case xavierNormal = "xavier_normal"
    /// w ~ N(0, 0.01²), b = 0.
    case normal

    /// Draws one weight of a layer with `fanIn` inputs and `fanOut` outputs.
    func weight(fanIn: Int, fanOut: Int, rng: inout SplitMix64) -> Float {
        let fi = Double(fanIn)
        let fo = Double(fanOut)
        switch self {
        case .kaimingUniform: return Float(rng.uniform(-1 / fi.squareRoot(), 1 / fi.squareRoot()))
        case .kaimingNormal: return Float(rng.normal() * (2 / fi).squareRoot())
        case .xavierUniform:
            let a = (6 / (fi + fo)).squareRoot()
            return Float(rng.uniform(-a, a))
        case .xavierNormal: return Float(rng.normal() * (2 / (fi + fo)).squareRoot())
        case .normal: return Float(rng.normal() * 0.01)
        }
    }

    /// Draws one bias of a layer with `fanIn` inputs.
    func bias(fanIn: Int, rng: inout SplitMix64) -> Float {
        switch self {
        case .kaimingUniform:
            let b = 1 / Double(fanIn).squareRoot()
            return Float(rng.uniform(-b, b))
        default: return 0
        }
    }
}
