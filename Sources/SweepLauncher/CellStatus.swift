/// The contents of a cell's `status.json`: state, attempts, how the last attempt ended, times and
/// the tail of its standard error.
public struct CellStatus: Sendable, Hashable, Codable {
    /// The cell's position in launch order.
    public var index: Int
    /// The cell's stable id.
    public var id: String
    /// The state.
    public var state: CellState
    /// How many attempts have been started (over all runs and resumes).
    public var attempts: Int = 0
    /// The exit code of the last attempt, if it exited.
    public var exitCode: Int32?
    /// The signal that ended the last attempt, if one did.
    public var signal: Int32?
    /// The process id of the running (or last) attempt; also its process group id.
    public var pid: Int32?
    /// The host the attempt ran on.
    public var host: String?
    /// When the last attempt started (ISO 8601, UTC).
    public var startedAt: String?
    /// When the last attempt ended (ISO 8601, UTC).
    public var endedAt: String?
    /// The duration of the last attempt in seconds.
    public var durationSeconds: Double?
    /// Why the launcher could not start the process or gave up on it, if it did.
    public var error: String?
    /// The last lines of the last attempt's standard error.
    public var stderrTail: [String] = []

    /// Creates a status.
    public init(index: Int, id: String, state: CellState) {
        self.index = index
        self.id = id
        self.state = state
    }

    enum CodingKeys: String, CodingKey {
        case index, id, state, attempts, pid, host, signal, error
        case exitCode = "exit_code"
        case startedAt = "started_at"
        case endedAt = "ended_at"
        case durationSeconds = "duration_seconds"
        case stderrTail = "stderr_tail"
    }
}
