/// What the launcher reports while it runs, so that a caller can print progress and show a
/// failure the moment it happens.
public enum LaunchEvent: Sendable {
    /// A cell's attempt started; the status holds its pid and attempt number.
    case started(CellStatus)
    /// An attempt failed and the cell will be started again after `delay`.
    case retrying(CellStatus, delay: Duration)
    /// A cell finished for good (done, failed, timeout or cancelled).
    case finished(CellStatus)
    /// Fail-fast: a cell failed, no further cell will be launched.
    case failFast(CellStatus)
    /// Cancelling: running cells get SIGTERM (SIGKILL after the grace period unless `force`).
    case cancelling(running: Int, force: Bool)
}
