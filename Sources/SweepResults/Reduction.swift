/// How one cell's series of a metric becomes one number.
public enum Reduction: String, Sendable, Hashable, CaseIterable {
    /// The final value: summary.json's when it has one, else the last line's.
    case final
    /// The last value in metrics.jsonl.
    case last
    /// The first value in metrics.jsonl.
    case first
    /// The smallest value over the run.
    case min
    /// The largest value over the run.
    case max
    /// The mean over the run.
    case mean
}
