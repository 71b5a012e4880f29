/// The state of a cell as recorded in its `status.json`.
public enum CellState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not started yet (or never launched: fail-fast, cancel).
    case pending
    /// Running (or was running when the orchestrator died).
    case running
    /// Exited with code 0.
    case done
    /// Exited with a non-zero code, died of a signal, or could not be started.
    case failed
    /// Killed after exceeding the timeout.
    case timeout
    /// Stopped by an interrupt of the orchestrator.
    case cancelled

    /// Whether the cell finished unsuccessfully (failed, timed out or cancelled).
    public var isFailure: Bool {
        self == .failed || self == .timeout || self == .cancelled
    }

    /// Whether the cell may still produce a result (pending or running).
    public var isUnfinished: Bool { self == .pending || self == .running }
}
