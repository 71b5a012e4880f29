extension OverrideValue {
    /// The quote character of a quoted string.
    public enum Quote: Sendable, Equatable {
        /// `'…'`.
        case single
        /// `"…"`.
        case double

        /// The quote character.
        public var character: Character { self == .single ? "'" : "\"" }
    }
}
