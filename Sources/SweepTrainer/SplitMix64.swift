internal import Foundation

/// A small, fast, seedable random generator (Steele, Lea & Flood's SplitMix64): the trainer's
/// only source of randomness, so runs are reproducible bit for bit.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private(set) var state: UInt64
    private var spare: Double?

    /// A generator seeded with `seed` mixed with a stream number, so streams do not overlap.
    init(seed: Int, stream: UInt64 = 0) {
        state = UInt64(bitPattern: Int64(seed)) &+ stream &* 0xD1B5_4A32_D192_ED03
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in [a, b).
    mutating func uniform(_ a: Double, _ b: Double) -> Double {
        a + (b - a) * unit()
    }

    /// Uniform in [0, 1) as a Float with 24 random bits (fast path for dropout).
    mutating func unitFloat() -> Float {
        Float(next() >> 40) * 0x1.0p-24
    }

    /// A standard normal draw (Box–Muller, both values used).
    mutating func normal() -> Double {
        if let s = spare {
            spare = nil
            return s
        }
        var u = unit()
        while u <= 0 { u = unit() }
        let v = unit()
        let r = (-2 * log(u)).squareRoot()
        spare = r * sin(2 * Double.pi * v)
        return r * cos(2 * Double.pi * v)
    }

    /// A uniformly random index below `n` (n > 0), without modulo bias.
    mutating func index(below n: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }
}
