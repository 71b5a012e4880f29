/// An output format of `sweep results`.
public enum ResultsFormat: String, Sendable, Hashable, CaseIterable {
    /// An aligned terminal table.
    case table
    /// A Markdown table.
    case md
    /// Comma-separated values, full precision.
    case csv
    /// One JSON object.
    case json
}
