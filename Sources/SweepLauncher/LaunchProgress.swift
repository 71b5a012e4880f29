import Foundation

/// Progress of a run, fed with the launcher's events: counts, and the one-line summary a terminal
/// shows (`3/8 done · 2 running · 1 failed · 0:12 elapsed · ETA 0:20`).
public struct LaunchProgress: Sendable {
    /// How many cells the sweep has.
    public var total: Int
    /// Cells done (including those done before this run).
    public var done: Int
    /// Cells running now.
    public var running: Int { runningCells.count }
    private var runningCells: Set<Int> = []
    /// Cells that ended failed, timed out or cancelled in this run.
    public var failed: Int = 0
    /// The durations of the cells finished in this run, for the ETA.
    private var finishedSeconds: Double = 0
    private var finishedCount = 0
    /// How many cells run at once.
    public var jobs: Int
    /// The sweep's metric (`sweep.metric`), shown with its best value so far.
    public var metric: String?
    /// Whether larger values of the metric are better (`sweep.mode: max`).
    public var maximize = false
    /// The best final value of the metric among the cells finished so far.
    public private(set) var best: Double?

    /// Takes a finished cell's final value of the metric into account (NaN is ignored).
    public mutating func note(metricValue value: Double) {
        guard !value.isNaN else { return }
        if let current = best, maximize ? value <= current : value >= current { return }
        best = value
    }

    /// Creates the progress of a sweep of `total` cells, `alreadyDone` of them done before the run.
    public init(total: Int, alreadyDone: Int = 0, jobs: Int) {
        self.total = total
        self.done = alreadyDone
        self.jobs = max(1, jobs)
    }

    /// Takes an event into account.
    public mutating func apply(_ event: LaunchEvent) {
        switch event {
        case .started(let status):
            runningCells.insert(status.index)
        case .retrying(let status, _):
            runningCells.remove(status.index)
        case .finished(let status):
            runningCells.remove(status.index)
            if status.state == .done { done += 1 } else if status.state.isFailure { failed += 1 }
            if let seconds = status.durationSeconds {
                finishedSeconds += seconds
                finishedCount += 1
            }
        case .failFast, .cancelling:
            break
        }
    }

    /// The estimated time left: mean cell duration × cells left ÷ jobs; nil before a cell finished.
    public var estimatedSecondsLeft: Double? {
        guard finishedCount > 0 else { return nil }
        let left = max(0, total - done - failed)
        let mean = finishedSeconds / Double(finishedCount)
        return mean * Double(left) / Double(min(jobs, max(1, left)))
    }

    /// The one-line summary after `elapsed` seconds.
    public func line(elapsed: Double) -> String {
        var parts = ["\(done)/\(total) done", "\(running) running"]
        if failed > 0 { parts.append("\(failed) failed") }
        parts.append("\(DurationText.format(seconds: elapsed)) elapsed")
        if let eta = estimatedSecondsLeft, done + failed < total {
            parts.append("ETA \(DurationText.format(seconds: eta))")
        }
        if let metric, let best {
            parts.append("best \(metric) \(String(format: "%.4g", best))")
        }
        return parts.joined(separator: " · ")
    }
}
