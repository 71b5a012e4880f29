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
            // An integer interval includes its end: draw from [low, high + 1) and round down.
            let top = integer ? high + 1 : high
            let x =
                log
                ? Foundation.exp(Foundation.log(low) + u * (Foundation.log(top) - Foundation.log(low)))
                : low + u * (top - low)
            if integer {
                // Clamped into Int's range so that huge bounds cannot trap the conversion.
                let v = min(high, Foundation.floor(x))
                let n = v >= 9.223_372_036_854_775e18 ? Int.max : v <= -9.223_372_036_854_775e18 ? Int.min : Int(v)
                return key + "=" + String(n)
            }
            // Six significant digits: readable overrides and run-dir names.
            let rounded = Double(String(format: "%.6g", x)) ?? x
            return key + "=" + OverrideValueText.float(rounded)
        }
    }
}
