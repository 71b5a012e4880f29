/// A metric column: a metric name and how each cell's series is reduced (`test/acc:max`).
public struct MetricSpec: Sendable, Hashable, CustomStringConvertible {
    /// The metric's name as the trainer writes it.
    public var name: String
    /// How a cell's series becomes one number.
    public var reduction: Reduction

    /// Creates a spec.
    public init(_ name: String, _ reduction: Reduction = .final) {
        self.name = name
        self.reduction = reduction
    }

    /// Parses `name` or `name:min|max|last|first|mean`.
    public init(parsing text: String) throws(ResultsError) {
        if let colon = text.lastIndex(of: ":"),
            let reduction = Reduction(rawValue: String(text[text.index(after: colon)...])), reduction != .final
        {
            name = String(text[..<colon])
            self.reduction = reduction
        } else if let colon = text.lastIndex(of: ":") {
            let suffix = String(text[text.index(after: colon)...])
            throw ResultsError(
                "unknown reduction '\(suffix)' in metric '\(text)'",
                notes: ["help: expected one of min, max, last, first, mean"])
        } else {
            name = text
            reduction = .final
        }
        if name.isEmpty { throw ResultsError("empty metric name in '\(text)'") }
    }

    /// The column title: the name, with `:reduction` unless it is the final value.
    public var description: String {
        reduction == .final ? name : name + ":" + reduction.rawValue
    }
}
