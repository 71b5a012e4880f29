internal import Foundation
import SweepTrainerConfig

extension Initializer {

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
