/// The state of one cell, from its `status.json`.
public enum CellState: String, Sendable, Hashable, CaseIterable {
    /// Planned, not started (or no status.json yet).
    case pending
    /// Started, not finished.
    case running
    /// Finished with exit code 0.
    case done
    /// Finished with another exit code or a signal.
    case failed
    /// Killed after its time limit.
    case timeout
    /// Cancelled by the user.
    case cancelled

    /// Whether the cell ended without a result (failed, timed out or cancelled).
    public var isFailure: Bool { self == .failed || self == .timeout || self == .cancelled }

    /// Whether the cell may still produce a result (pending or running).
    public var isUnfinished: Bool { self == .pending || self == .running }
}
