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
}
