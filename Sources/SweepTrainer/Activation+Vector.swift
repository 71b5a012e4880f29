import SweepTrainerConfig

extension Activation {
    /// z ← z + b per row and h = activation(z) over `rows` rows of `width`, four lanes at a time for
    /// the piecewise-linear activations (the same values as `value(_:)`, bit for bit).
    func addBiasAndApply(
        z: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, rows: Int,
        width: Int
    ) {
        typealias V4 = SIMD4<Float>
        let vector = self == .relu || self == .leakyRelu || self == .identity
        let zr = UnsafeMutableRawPointer(z), hr = UnsafeMutableRawPointer(h), br = UnsafeRawPointer(bias)
        for r in 0..<rows {
            let row = r * width
            var j = 0
            if vector {
                while j + 4 <= width {
                    let off = (row + j) * 4
                    let v =
                        zr.loadUnaligned(fromByteOffset: off, as: V4.self)
                        + br.loadUnaligned(fromByteOffset: j * 4, as: V4.self)
                    zr.storeBytes(of: v, toByteOffset: off, as: V4.self)
                    let a: V4
                    switch self {
                    case .relu: a = v.replacing(with: 0, where: .!(v .> 0))
                    case .leakyRelu: a = v.replacing(with: 0.01 * v, where: .!(v .> 0))
                    default: a = v
                    }
                    hr.storeBytes(of: a, toByteOffset: off, as: V4.self)
                    j += 4
                }
            }
            while j < width {
                let v = z[row + j] + bias[j]
                z[row + j] = v
                h[row + j] = value(v)
                j += 1
            }
        }
    }

    /// d ← d·activation′(z) over `count` elements (ReLU: zero where z ≤ 0, four lanes at a time).
    func multiplyByDerivative(_ d: UnsafeMutablePointer<Float>, z: UnsafePointer<Float>, count: Int) {
        typealias V4 = SIMD4<Float>
        switch self {
        case .identity: return
        case .relu:
            let dr = UnsafeMutableRawPointer(d), zr = UnsafeRawPointer(z)
            var i = 0
            while i + 4 <= count {
                let off = i * 4
                let g = dr.loadUnaligned(fromByteOffset: off, as: V4.self)
                let zi = zr.loadUnaligned(fromByteOffset: off, as: V4.self)
                dr.storeBytes(of: g.replacing(with: 0, where: zi .<= 0), toByteOffset: off, as: V4.self)
                i += 4
            }
            while i < count {
                if z[i] <= 0 { d[i] = 0 }
                i += 1
            }
        default:
            for i in 0..<count { d[i] *= derivative(z[i]) }
        }
    }
}
