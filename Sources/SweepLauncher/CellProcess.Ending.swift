extension CellProcess {
    /// How an attempt ended.
    enum Ending: Sendable, Hashable {
        /// The process exited with a code.
        case exited(Int32)
        /// The process died of a signal.
        case signaled(Int32)
        /// The process could not be started.
        case notStarted(String)
    }
}
