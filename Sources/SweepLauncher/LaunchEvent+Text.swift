extension LaunchEvent {
    /// One line describing the event for a log or a non-terminal output, e.g.
    /// `cell 3 (0003_lr=0.1) failed: exit code 1 after 2.5s` followed by the last stderr line.
    public var text: String {
        switch self {
        case .started(let status):
            let attempt = status.attempts > 1 ? " (attempt \(status.attempts))" : ""
            return "cell \(status.index) started\(attempt)"
        case .retrying(let status, let delay):
            return "cell \(status.index) \(status.outcomeText); retrying in \(DurationText.format(delay))"
        case .finished(let status):
            return "cell \(status.index) \(status.outcomeText)"
        case .failFast(let status):
            return "fail-fast: cell \(status.index) failed, no further cell is launched"
        case .cancelling(let running, let force):
            let cells = running == 1 ? "1 running cell" : "\(running) running cells"
            return force ? "killing \(cells) now" : "cancelling: stopping \(cells) (SIGTERM, then SIGKILL)"
        }
    }
}

extension CellStatus {
    /// How the cell ended, in words: `done in 2.5s`, `failed: exit code 1 after 0.3s`,
    /// `failed: signal 11 after 0.1s`, `timeout after 10s`, `cancelled`, and the last stderr line.
    public var outcomeText: String {
        let time = durationSeconds.map { DurationText.format(seconds: $0) }
        var text: String
        switch state {
        case .done: text = "done" + (time.map { " in \($0)" } ?? "")
        case .pending: text = "pending"
        case .running: text = "running"
        case .cancelled: text = "cancelled" + (time.map { " after \($0)" } ?? "")
        case .timeout: text = "timed out" + (time.map { " after \($0)" } ?? "")
        case .failed:
            if let exitCode {
                text = "failed: exit code \(exitCode)"
            } else if let signal {
                text = "failed: signal \(signal)"
            } else {
                text = "failed: \(error ?? "unknown error")"
            }
            if let time { text += " after \(time)" }
        }
        if state.isFailure, let last = stderrTail.last {
            text += " — \(last)"
        }
        return text
    }
}
