import Collections

/// The value of a command-line override (the part after `=`), as Hydra's grammar parses it.
public indirect enum OverrideValue: Sendable {
    /// `null` (any case).
    case null
    /// `true` / `false` (any case).
    case bool(Bool)
    /// An integer such as `10`, `-3`, `+5` or `1_000`.
    case int(Int)
    /// A float such as `1e-3`, `.5`, `inf` or `nan`.
    case float(Double)
    /// An unquoted string, escapes processed (`a\ b` is `a b`); may hold `${…}`.
    case string(String)
    /// A quoted string, escapes processed; Hydra renders it back with its quotes.
    case quoted(String, Quote)
    /// A list `[a, b]`.
    case list([OverrideValue])
    /// A dict `{a: 1, b: [2]}`, in order, later duplicate keys replacing earlier ones.
    case dict([OverrideValue.Entry])
    /// A sweep: `a,b,c`, `choice()`, `range()`, `interval()`, `glob()`, …
    case sweep(Sweep)

    /// The value as a ConfigNode with this origin (`???` is the mandatory marker); a sweep becomes
    /// its rendering as a string.
    public func configNode(origin: Origin) -> ConfigNode {
        switch self {
        case .null: return ConfigNode(.null, origin: origin)
        case .bool(let b): return ConfigNode(.bool(b), origin: origin)
        case .int(let i): return ConfigNode(.int(i), origin: origin)
        case .float(let d): return ConfigNode(.float(d), origin: origin)
        case .string(let s), .quoted(let s, _):
            // As in OmegaConf, the string `???` (quoted or not) is the mandatory-value marker.
            return ConfigNode(s == "???" ? .missing : .string(s), origin: origin)
        case .list(let items): return ConfigNode(.sequence(items.map { $0.configNode(origin: origin) }), origin: origin)
        case .dict(let entries):
            var mapping: OrderedDictionary<String, ConfigNode> = [:]
            for entry in entries { mapping[entry.key] = entry.value.configNode(origin: origin) }
            return ConfigNode(.mapping(mapping), origin: origin)
        case .sweep: return ConfigNode(.string(hydraText), origin: origin)
        }
    }

    /// The string content of a string value, quoted or not; nil for other values.
    public var stringValue: String? {
        switch self {
        case .string(let s), .quoted(let s, _): return s
        default: return nil
        }
    }

    /// The value with quoted strings (at the top level only) turned into plain strings,
    /// as Hydra does to a function's arguments.
    var unquoted: OverrideValue {
        if case .quoted(let s, _) = self { return .string(s) }
        return self
    }

    /// Whether a sweep appears anywhere inside this list or dict.
    var containsNestedSweep: Bool {
        switch self {
        case .list(let items): return items.contains { $0.isSweep || $0.containsNestedSweep }
        case .dict(let entries): return entries.contains { $0.value.isSweep || $0.value.containsNestedSweep }
        default: return false
        }
    }

    /// Whether this value is a sweep.
    public var isSweep: Bool {
        if case .sweep = self { return true }
        return false
    }
}

extension OverrideValue: Equatable {
    /// Structural equality; floats compare bit for bit so that `nan == nan`.
    public static func == (lhs: OverrideValue, rhs: OverrideValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern || a == b
        case (.string(let a), .string(let b)): return a == b
        case (.quoted(let a, let qa), .quoted(let b, let qb)): return a == b && qa == qb
        case (.list(let a), .list(let b)): return a == b
        case (.dict(let a), .dict(let b)): return a == b
        case (.sweep(let a), .sweep(let b)): return a == b
        default: return false
        }
    }
}
