extension OverrideValue {
    /// One `key: value` pair of a dict value.
    public struct Entry: Sendable, Equatable {
        /// The key as a config key: the string, or the text of a number/bool/null key (`1`, `1.5`, `true`).
        public var key: String
        /// The key as parsed (a primitive), used to render it as Hydra does.
        public var keyValue: OverrideValue
        /// The value.
        public var value: OverrideValue

        /// Creates an entry from a parsed key and a value.
        public init(key keyValue: OverrideValue, value: OverrideValue) {
            self.keyValue = keyValue
            self.value = value
            switch keyValue {
            case .string(let s), .quoted(let s, _): key = s
            case .int(let i): key = String(i)
            case .float(let d): key = PythonFloat.repr(d)
            case .bool(let b): key = b ? "true" : "false"
            case .null: key = "null"
            default: key = keyValue.hydraText
            }
        }

        /// Creates an entry with a string key.
        public init(_ key: String, _ value: OverrideValue) {
            self.init(key: .string(key), value: value)
        }
    }
}
