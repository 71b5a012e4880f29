import Foundation

/// One key of a random search and how its value is drawn.
public struct RandomDimension: Sendable, Equatable {
    /// How a value is drawn.
    public enum Draw: Sendable, Equatable {
        /// The same line every time (an override that is not a sweep).
        case constant(String)
        /// One of these lines, uniformly (a choice, range or glob).
        case oneOf([String])
        /// `interval(low, high)`: uniform on [low, high); log-uniform with `log`; an integer in
        /// low…high (both included) with `integer`.
        case interval(low: Double, high: Double, log: Bool, integer: Bool)
    }

    /// The key element (`lr`, `+tag`).
    public var key: String
    /// How its value is drawn.
    public var draw: Draw

    /// Whether the value changes from cell to cell (so that run-dir names show it).
    public var varies: Bool {
        switch draw {
        case .constant: return false
        case .oneOf(let lines): return lines.count > 1
        case .interval: return true
        }
    }

    /// The override line drawn with `random`.
    func line(_ random: inout SplitMix64) -> String {
        switch draw {
        case .constant(let line):
            return line
        case .oneOf(let lines):
            return lines[random.below(lines.count)]
        case .interval(let low, let high, let log, let integer):
            let u = random.unit()
            var x =
                log
                ? Foundation.exp(Foundation.log(low) + u * (Foundation.log(high) - Foundation.log(low)))
                : low + u * (high - low)
            if integer {
                if log {
                    x = Foundation.exp(Foundation.log(low) + u * (Foundation.log(high + 1) - Foundation.log(low)))
                } else {
                    x = low + u * (high + 1 - low)
                }
                return key + "=" + String(Int(min(high, Foundation.floor(x))))
            }
            // Six significant digits: readable overrides and run-dir names.
            let rounded = Double(String(format: "%.6g", x)) ?? x
            return key + "=" + OverrideValueText.float(rounded)
        }
    }
}

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
