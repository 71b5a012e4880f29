public import Collections

/// A node of a composed config: a typed value plus the place it came from.
///
/// This is the value that flows from the composer to the decoder, the planner and the
/// run directory. Before resolution, strings may hold `${…}` interpolations; after
/// ``Composer/compose(_:)`` returns, every string is literal.
public struct ConfigNode: Sendable, CustomStringConvertible {
    /// A config value.
    public enum Value: Sendable {
        /// `null`.
        case null
        /// A boolean.
        case bool(Bool)
        /// An integer.
        case int(Int)
        /// A floating-point number.
        case float(Double)
        /// A string (possibly with `${…}` before resolution).
        case string(String)
        /// The mandatory-value marker `???`.
        case missing
        /// A mapping with ordered string keys (boxed, so that every node is smaller).
        indirect case mapping(OrderedDictionary<String, ConfigNode>)
        /// A sequence.
        case sequence([ConfigNode])
    }

    /// The value.
    public var value: Value
    /// Where the value came from.
    public var origin: Origin

    /// Creates a node.
    public init(_ value: Value, origin: Origin = .none) {
        self.value = value
        self.origin = origin
    }

    /// An empty mapping.
    public static func emptyMapping(origin: Origin = .none) -> ConfigNode {
        ConfigNode(.mapping([:]), origin: origin)
    }

    /// A short description of the value for debugging.
    public var description: String {
        switch value {
        case .null: return "null"
        case .bool(let b): return String(b)
        case .int(let i): return String(i)
        case .float(let d): return String(d)
        case .string(let s): return s
        case .missing: return "???"
        case .mapping(let m): return "{" + m.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .sequence(let s): return "[" + s.map(\.description).joined(separator: ", ") + "]"
        }
    }
}

extension ConfigNode: Equatable {
    /// Value equality; origins are ignored. Floats compare bit for bit so that `nan == nan`.
    public static func == (lhs: ConfigNode, rhs: ConfigNode) -> Bool {
        switch (lhs.value, rhs.value) {
        case (.null, .null), (.missing, .missing): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern || a == b
        case (.string(let a), .string(let b)): return a == b
        case (.mapping(let a), .mapping(let b)): return a == b
        case (.sequence(let a), .sequence(let b)): return a == b
        default: return false
        }
    }
}
