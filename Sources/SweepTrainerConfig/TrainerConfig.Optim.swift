extension TrainerConfig {
    /// The optimiser (PyTorch semantics).
    public struct Optim: Sendable, Hashable, Decodable {
        /// Which update rule.
        public enum Name: String, Sendable, Hashable, Decodable, CaseIterable {
            /// Stochastic gradient descent, optional (Nesterov) momentum, L2-coupled weight decay.
            case sgd
            /// Adam with L2-coupled weight decay.
            case adam
            /// Adam with decoupled weight decay.
            case adamw
        }

        /// Which update rule; default adam.
        public var name: Name
        /// SGD momentum; default 0.
        public var momentum: Double
        /// SGD Nesterov momentum; default false.
        public var nesterov: Bool
        /// Adam's (β1, β2); default [0.9, 0.999].
        public var betas: [Double]
        /// Adam's ε; default 1e-8.
        public var eps: Double
        /// Weight decay (coupled for sgd/adam, decoupled for adamw); default 0.
        public var weightDecay: Double

        /// Creates an optimiser choice.
        public init(
            name: Name = .adam, momentum: Double = 0, nesterov: Bool = false, betas: [Double] = [0.9, 0.999],
            eps: Double = 1e-8, weightDecay: Double = 0
        ) {
            self.name = name
            self.momentum = momentum
            self.nesterov = nesterov
            self.betas = betas
            self.eps = eps
            self.weightDecay = weightDecay
        }

        enum CodingKeys: String, CodingKey {
            case name, momentum, nesterov, betas, eps
            case weightDecay = "weight_decay"
        }

        /// Decodes an optimiser; missing keys take their defaults.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decodeIfPresent(Name.self, forKey: .name) ?? .adam
            momentum = try c.decodeIfPresent(Double.self, forKey: .momentum) ?? 0
            nesterov = try c.decodeIfPresent(Bool.self, forKey: .nesterov) ?? false
            betas = try c.decodeIfPresent([Double].self, forKey: .betas) ?? [0.9, 0.999]
            eps = try c.decodeIfPresent(Double.self, forKey: .eps) ?? 1e-8
            weightDecay = try c.decodeIfPresent(Double.self, forKey: .weightDecay) ?? 0
        }

        func validate() throws(TrainerConfig.Invalid) {
            if betas.count != 2 || betas.contains(where: { !($0 >= 0 && $0 < 1) }) {
                throw .init(key: "optim.betas", message: "expected two numbers in [0, 1), got \(betas)")
            }
            if !(momentum >= 0) {
                throw .init(key: "optim.momentum", message: "expected a number ≥ 0, got \(momentum)")
            }
            if nesterov && !(momentum > 0) {
                throw .init(key: "optim.nesterov", message: "Nesterov momentum needs optim.momentum > 0")
            }
            if !(eps > 0) { throw .init(key: "optim.eps", message: "expected a positive number, got \(eps)") }
            if !(weightDecay >= 0) {
                throw .init(key: "optim.weight_decay", message: "expected a number ≥ 0, got \(weightDecay)")
            }
        }
    }
}
