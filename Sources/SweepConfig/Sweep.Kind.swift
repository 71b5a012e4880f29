extension Sweep {
    /// What a sweep ranges over.
    public enum Kind: Sendable, Equatable {
        /// `a,b,c` or `choice(a,b,c)`: these values, in this order.
        case choice([OverrideValue])
        /// `range(start, stop, step)`: like Python's `range`; floats when any bound is a float.
        case range(start: Number, stop: Number, step: Number)
        /// `interval(start, end)`: the continuous interval start ≤ x < end (random search only).
        case interval(start: Number, end: Number)
        /// `glob(include, exclude=…)`: the config-group options matching a pattern of `include`
        /// and none of `exclude` (fnmatch patterns).
        case glob(include: [String], exclude: [String])
    }
}
