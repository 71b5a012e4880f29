extension TrainerConfig {
    /// Penalties and noise: L1 and L2 on weights, dropout on hidden layers, continual backprop.
    public struct Regularizer: Sendable, Hashable, Decodable {
        /// Adds l1·Σ|w| over every weight matrix (not biases) to the loss; default 0.
        public var l1: Double
        /// Adds l2·Σw² over every weight matrix (not biases) to the loss; default 0.
        public var l2: Double
        /// Probability of zeroing a hidden unit in training (inverted dropout); default 0.
        public var dropout: Double
        /// Continual backprop; off by default.
        public var cbp: ContinualBackprop

        /// Creates a regulariser set (all off by default).
        public init(l1: Double = 0, l2: Double = 0, dropout: Double = 0, cbp: ContinualBackprop = ContinualBackprop()) {
            self.l1 = l1
            self.l2 = l2
            self.dropout = dropout
            self.cbp = cbp
        }

        enum CodingKeys: String, CodingKey {
            case l1, l2, dropout, cbp
        }

        /// Decodes regularisers; missing keys take their defaults.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            l1 = try c.decodeIfPresent(Double.self, forKey: .l1) ?? 0
            l2 = try c.decodeIfPresent(Double.self, forKey: .l2) ?? 0
            dropout = try c.decodeIfPresent(Double.self, forKey: .dropout) ?? 0
            cbp = try c.decodeIfPresent(ContinualBackprop.self, forKey: .cbp) ?? ContinualBackprop()
        }

        func validate() throws(TrainerConfig.Invalid) {
            if !(l1 >= 0) { throw .init(key: "regularizer.l1", message: "expected a number ≥ 0, got \(l1)") }
            if !(l2 >= 0) { throw .init(key: "regularizer.l2", message: "expected a number ≥ 0, got \(l2)") }
            if !(dropout >= 0 && dropout < 1) {
                throw .init(
                    key: "regularizer.dropout", message: "expected a probability in [0, 1), got \(dropout)")
            }
            try cbp.validate()
        }
    }
}
