/// A hidden unit's nonlinearity.
public enum Activation: String, Sendable, Hashable, Decodable, CaseIterable {
    /// max(0, z).
    case relu
    /// z for z > 0, else 0.01·z.
    case leakyRelu = "leaky_relu"
    /// 1 / (1 + e^−z).
    case sigmoid
    /// tanh z.
    case tanh
    /// z·σ(z) (SiLU).
    case swish
    /// log(1 + e^z).
    case softplus
    /// z.
    case identity
}
