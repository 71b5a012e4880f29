import SweepTrainerConfig

extension Activation {
    /// h = activation(z) over `count` elements, four lanes at a time for the piecewise-linear
    /// activations (the same values as `value(_:)`, bit for bit).
    func apply(z: UnsafePointer<Float>, h: UnsafeMutablePointer<Float>, count: Int) {
        typealias V4 = SIMD4<Float>
        let zr = UnsafeRawPointer(z), hr = UnsafeMutableRawPointer(h)
        var i = 0
        if self == .relu || self == .leakyRelu || self == .identity {
            while i + 4 <= count {
                let off = i * 4
                let v = zr.loadUnaligned(fromByteOffset: off, as: V4.self)
                let a: V4
                switch self {
                case .relu: a = v.replacing(with: 0, where: .!(v .> 0))
                case .leakyRelu: a = v.replacing(with: 0.01 * v, where: .!(v .> 0))
                default: a = v
                }
                hr.storeBytes(of: a, toByteOffset: off, as: V4.self)
                i += 4
            }
        }
        while i < count {
            h[i] = value(z[i])
            i += 1
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
