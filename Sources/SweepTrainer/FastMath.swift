#if arch(x86_64)
    internal import _Builtin_intrinsics.intel
#endif

/// Vector exp, log and square root for the hot loops (no libm calls: on Linux `squareRoot()` and
/// `expf` go through libm one lane at a time, keeping errno).
enum FastMath {
    typealias V8 = SIMD8<Float>

    /// e^x for x ≤ 0 (clamped at −87), relative error ≈ 2e-7.
    @inline(__always)
    static func expNonPositive(_ x: V8) -> V8 {
        let xc = x.replacing(with: V8(repeating: -87), where: x .< -87)
        // Round to the nearest integer by adding 1.5·2²³: the low mantissa bits then hold k.
        let magic = V8(repeating: 12_582_912)
        let shifted = xc * 1.442_695_04 + magic
        let k = shifted - magic
        let ki = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
        let r = (xc - k * 0.693_145_75) - k * 1.428_606_8e-6
        var p = V8(repeating: 1.0 / 5040)
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let bits = (ki &+ 127) &<< 23
        return p * unsafeBitCast(bits, to: V8.self)
    }

    /// ln(y) for y in [1, 2] via the atanh series in t = (y − 1)/(y + 1) ≤ 1/3; error ≈ 1e-8.
    @inline(__always)
    static func logOneToTwo(_ y: V8) -> V8 {
        let t = (y - 1) / (y + 1)
        let t2 = t * t
        var s = V8(repeating: 1.0 / 13)
        s = s * t2 + 1.0 / 11
        s = s * t2 + 1.0 / 9
        s = s * t2 + 1.0 / 7
        s = s * t2 + 1.0 / 5
        s = s * t2 + 1.0 / 3
        s = s * t2 + 1
        return 2 * t * s
    }

    /// Lane-wise square root (one SSE instruction on x86-64, correctly rounded like `sqrtf`).
    @inline(__always)
    static func squareRoot(_ x: SIMD4<Float>) -> SIMD4<Float> {
        #if arch(x86_64)
            return _mm_sqrt_ps(x)
        #else
            return SIMD4(x[0].squareRoot(), x[1].squareRoot(), x[2].squareRoot(), x[3].squareRoot())
        #endif
    }
}
