extension Sweep {
    /// A bound of a range or an interval: an int or a float.
    public enum Number: Sendable, Equatable, CustomStringConvertible {
        /// An integer.
        case int(Int)
        /// A float.
        case float(Double)

        /// The number as a double.
        public var doubleValue: Double {
            switch self {
            case .int(let i): return Double(i)
            case .float(let d): return d
            }
        }

        /// The number as an override value.
        public var value: OverrideValue {
            switch self {
            case .int(let i): return .int(i)
            case .float(let d): return .float(d)
            }
        }

        /// As Python prints it: `3`, `0.5`, `1e-05`.
        public var description: String { value.hydraText }

        /// Equality; floats compare bit for bit so that `nan == nan`.
        public static func == (lhs: Number, rhs: Number) -> Bool {
            switch (lhs, rhs) {
            case (.int(let a), .int(let b)): return a == b
            case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern || a == b
            default: return false
            }
        }
    }
}
