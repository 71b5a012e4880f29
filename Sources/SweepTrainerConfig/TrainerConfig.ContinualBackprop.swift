extension TrainerConfig {
    /// Continual backprop (Dohare et al., Nature 2024) settings.
    public struct ContinualBackprop: Sendable, Hashable, Decodable {
        /// ρ: fraction of mature units replaced per step, accumulated across steps; 0 = off.
        public var replacementRate: Double
        /// m: steps a unit must live before it may be replaced; default 100.
        public var maturityThreshold: Int
        /// η: decay of the running contribution utility; default 0.99.
        public var decay: Double

        /// Creates continual-backprop settings (off by default).
        public init(replacementRate: Double = 0, maturityThreshold: Int = 100, decay: Double = 0.99) {
            self.replacementRate = replacementRate
            self.maturityThreshold = maturityThreshold
            self.decay = decay
        }

        enum CodingKeys: String, CodingKey {
            case decay
            case replacementRate = "replacement_rate"
            case maturityThreshold = "maturity_threshold"
        }

        /// Decodes settings; missing keys take their defaults.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            replacementRate = try c.decodeIfPresent(Double.self, forKey: .replacementRate) ?? 0
            maturityThreshold = try c.decodeIfPresent(Int.self, forKey: .maturityThreshold) ?? 100
            decay = try c.decodeIfPresent(Double.self, forKey: .decay) ?? 0.99
        }

        /// Whether continual backprop runs at all.
        public var isEnabled: Bool { replacementRate > 0 }

        func validate() throws(TrainerConfig.Invalid) {
            if !(replacementRate >= 0 && replacementRate <= 1) {
                throw .init(
                    key: "regularizer.cbp.replacement_rate",
                    message: "expected a fraction in [0, 1], got \(replacementRate)")
            }
            if maturityThreshold < 0 {
                throw .init(
                    key: "regularizer.cbp.maturity_threshold",
                    message: "expected an integer ≥ 0, got \(maturityThreshold)")
            }
            if !(decay >= 0 && decay < 1) {
                throw .init(key: "regularizer.cbp.decay", message: "expected a number in [0, 1), got \(decay)")
            }
        }
    }
}
