extension Sweep {
    /// The order `sort()` puts values in.
    public enum SortOrder: Sendable, Equatable {
        /// Smallest first.
        case ascending
        /// Largest first (`reverse=true`).
        case descending
    }
}
