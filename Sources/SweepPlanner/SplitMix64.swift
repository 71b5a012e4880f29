/// SplitMix64: a small, fast generator whose stream is fixed by its seed.
struct SplitMix64: Sendable {
    private var state: UInt64

    /// A generator for draw number `stream` of a search seeded with `seed`.
    init(seed: Int, stream: Int) {
        state = UInt64(bitPattern: Int64(seed)) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: Int64(stream))
        _ = next()
        state ^= UInt64(bitPattern: Int64(stream)) &* 0xD1B5_4A32_D192_ED03
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in 0..<n (n > 0), without modulo bias.
    mutating func below(_ n: Int) -> Int {
        let bound = UInt64(n)
        let threshold = (0 &- bound) % bound
        while true {
            let r = next()
            if r >= threshold { return Int(r % bound) }
        }
    }
}
