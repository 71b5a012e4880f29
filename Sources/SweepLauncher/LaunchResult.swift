/// The outcome of a run: every cell's final status and why the run stopped.
public struct LaunchResult: Sendable {
    /// The status of every cell of the sweep, in index order (cells not run this time included).
    public var statuses: [CellStatus]
    /// Whether the run was cancelled.
    public var wasCancelled: Bool
    /// Whether fail-fast stopped launching.
    public var stoppedByFailFast: Bool

    /// Whether every cell of the sweep is done.
    public var allSucceeded: Bool {
        statuses.allSatisfy { $0.state == .done }
    }

    /// How many cells are in each state.
    public var counts: [CellState: Int] {
        statuses.reduce(into: [:]) { $0[$1.state, default: 0] += 1 }
    }
}
