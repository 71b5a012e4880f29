extension CellProcess {
    /// The result of an attempt.
    struct Attempt: Sendable {
        /// How it ended.
        var ending: Ending
        /// Whether the timeout fired.
        var timedOut: Bool
        /// The process id (also the group id), if it started.
        var pid: Int32?
        /// The last lines this attempt wrote to standard error.
        var stderrTail: [String]
    }
}
