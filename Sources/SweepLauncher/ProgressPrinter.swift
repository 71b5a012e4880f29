import Synchronization

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Prints launcher events for a person: on a terminal, one live line (rewritten in place) with
/// failures printed above it the moment they happen; otherwise one line per finished cell.
/// `quiet` keeps only failures and messages.
public final class ProgressPrinter: Sendable {
    private struct State {
        var progress: LaunchProgress
        var lineShown = false
    }

    private let state: Mutex<State>
    private let quiet: Bool
    private let terminal: Bool
    private let output: @Sendable (String) -> Void
    private let start = ContinuousClock.now

    /// Creates a printer; `terminal` defaults to whether standard error is one, `output` to
    /// writing to standard error.
    public init(
        progress: LaunchProgress, quiet: Bool = false, terminal: Bool? = nil,
        output: @escaping @Sendable (String) -> Void = ProgressPrinter.standardError
    ) {
        self.state = Mutex(State(progress: progress))
        self.quiet = quiet
        self.terminal = terminal ?? (isatty(STDERR_FILENO) != 0)
        self.output = output
    }

    /// Writes text to standard error.
    public static let standardError: @Sendable (String) -> Void = { text in
        let bytes = Array(text.utf8)
        try? AtomicFile.writeAll(STDERR_FILENO, bytes, path: "standard error")
    }

    /// Takes an event into account and prints what it calls for.
    public func handle(_ event: LaunchEvent) {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        state.withLock { state in
            state.progress.apply(event)
            let message: String?
            switch event {
            case .started: message = nil
            case .finished(let status) where status.state == .done: message = quiet || terminal ? nil : event.text
            case .finished, .retrying, .failFast, .cancelling: message = event.text
            }
            if let message { write(message, &state) }
            if terminal && !quiet {
                output("\r\u{1B}[K" + state.progress.line(elapsed: seconds))
                state.lineShown = true
            }
        }
    }

    /// Records a finished cell's final value of the sweep's metric, for the live line.
    public func note(metricValue value: Double) {
        state.withLock { $0.progress.note(metricValue: value) }
    }

    /// Prints a message on its own line (above the live line).
    public func say(_ message: String) {
        state.withLock { write(message, &$0) }
    }

    /// Ends the live line.
    public func finish() {
        state.withLock { state in
            if state.lineShown { output("\n") }
            state.lineShown = false
        }
    }

    private func write(_ message: String, _ state: inout State) {
        output((state.lineShown ? "\r\u{1B}[K" : "") + message + "\n")
        state.lineShown = false
    }
}
