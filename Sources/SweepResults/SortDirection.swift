/// Which way rows are ranked.
public enum SortDirection: String, Sendable, Hashable {
    /// Smallest first (`sweep.mode: min`).
    case ascending
    /// Largest first (`sweep.mode: max`).
    case descending
}
