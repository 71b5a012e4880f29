extension TrainerConfig {
    /// The network: `kind` picks the model; the other keys apply to it (VAE keys are ignored by
    /// classifiers and `layers` by the VAE).
    public struct Model: Sendable, Hashable, Decodable {
        /// Which network.
        public enum Kind: String, Sendable, Hashable, Decodable, CaseIterable {
            /// Softmax regression, `layers` = [784, 10] (no hidden layer).
            case linear
            /// A multilayer perceptron over `layers`.
            case mlp
            /// A β-VAE with MLP encoder and decoder.
            case vae
        }

        /// How the encoder's second head becomes a standard deviation.
        public enum Variance: String, Sendable, Hashable, Decodable, CaseIterable {
            /// σ = softplus(s) + 1e-6.
            case softplus
            /// s = log σ², σ = exp(s / 2).
            case logvar
        }

        /// Which network.
        public var kind: Kind
        /// Linear/MLP: every width including input and output; default [784, 10] (linear) or [784, 10, 3, 10].
        public var layers: [Int]?
        /// The hidden units' activation; default relu.
        public var activation: Activation
        /// The weight initialisation; default kaiming_uniform (PyTorch's Linear default).
        public var initializer: Initializer
        /// VAE encoder widths from the input to the last hidden layer; default [784, 512, 256].
        public var encoder: [Int]
        /// VAE latent dimension; default 2.
        public var latent: Int
        /// VAE decoder widths from the first hidden layer to the output; default [256, 512, 784].
        public var decoder: [Int]
        /// VAE variance parameterisation; default softplus.
        public var variance: Variance

        /// Creates a model description with the documented defaults.
        public init(
            kind: Kind = .mlp, layers: [Int]? = nil, activation: Activation = .relu,
            initializer: Initializer = .kaimingUniform, encoder: [Int] = [784, 512, 256], latent: Int = 2,
            decoder: [Int] = [256, 512, 784], variance: Variance = .softplus
        ) {
            self.kind = kind
            self.layers = layers
            self.activation = activation
            self.initializer = initializer
            self.encoder = encoder
            self.latent = latent
            self.decoder = decoder
            self.variance = variance
        }

        enum CodingKeys: String, CodingKey {
            case kind, layers, activation, encoder, latent, decoder, variance
            case initializer = "init"
        }

        /// Decodes a model; missing keys take their defaults.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            kind = try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .mlp
            layers = try c.decodeIfPresent([Int].self, forKey: .layers)
            activation = try c.decodeIfPresent(Activation.self, forKey: .activation) ?? .relu
            initializer = try c.decodeIfPresent(Initializer.self, forKey: .initializer) ?? .kaimingUniform
            encoder = try c.decodeIfPresent([Int].self, forKey: .encoder) ?? [784, 512, 256]
            latent = try c.decodeIfPresent(Int.self, forKey: .latent) ?? 2
            self.decoder = try c.decodeIfPresent([Int].self, forKey: .decoder) ?? [256, 512, 784]
            variance = try c.decodeIfPresent(Variance.self, forKey: .variance) ?? .softplus
        }

        /// The classifier's widths, input to output.
        public var classifierLayers: [Int] {
            if let layers { return layers }
            return kind == .linear ? [784, 10] : [784, 10, 3, 10]
        }

        func validate() throws(TrainerConfig.Invalid) {
            switch kind {
            case .linear, .mlp:
                let l = classifierLayers
                if l.count < 2 || l.contains(where: { $0 < 1 }) {
                    throw .init(
                        key: "model.layers", message: "expected at least two positive widths, got \(l)")
                }
                if kind == .linear && l.count != 2 {
                    throw .init(
                        key: "model.layers",
                        message: "a linear model has no hidden layer: expected [inputs, classes], got \(l)")
                }
            case .vae:
                if encoder.count < 1 || encoder.contains(where: { $0 < 1 }) {
                    throw .init(key: "model.encoder", message: "expected positive widths, got \(encoder)")
                }
                if decoder.count < 1 || decoder.contains(where: { $0 < 1 }) {
                    throw .init(key: "model.decoder", message: "expected positive widths, got \(decoder)")
                }
                if latent < 1 {
                    throw .init(key: "model.latent", message: "expected an integer ≥ 1, got \(latent)")
                }
                if decoder.last != encoder.first {
                    throw .init(
                        key: "model.decoder",
                        message:
                            "the decoder's output (\(decoder.last ?? 0)) must equal the encoder's input (\(encoder.first ?? 0))"
                    )
                }
            }
        }
    }
}
