extension Node {
    /// A scalar's typed value, resolved the way OmegaConf's YAML loader resolves plain scalars
    /// (YAML 1.1 flavour: `yes`/`on` are booleans, `010` is octal, `1:30` is sexagesimal).
    public enum Value: Sendable, Hashable {
        /// `~`, `null`, `Null`, `NULL` or empty.
        case null
        /// `true`/`yes`/`on` and their negatives, in the cases YAML 1.1 allows.
        case bool(Bool)
        /// Decimal, octal (`010`), hex (`0x1F`), binary (`0b101`), sexagesimal (`1:30`), `_` separators.
        case int(Int)
        /// `1.5`, `1e-3`, `.inf`, `.nan`, sexagesimal floats.
        case float(Double)
        /// Anything else, and every quoted or block scalar.
        case string(String)
    }
}
