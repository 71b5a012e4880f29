/// One task of a SLURM job array as `scontrol -o show job` reports it.
public struct SlurmTask: Sendable, Hashable {
    /// The array index (the cell's index).
    public var index: Int
    /// SLURM's state: `PENDING`, `RUNNING`, `COMPLETED`, `FAILED`, `CANCELLED`, `TIMEOUT`…
    public var state: String
    /// The exit code of the batch script, once it ended.
    public var exitCode: Int32?
    /// The signal that ended it, if any.
    public var signal: Int32?

    /// Creates a task record.
    public init(index: Int, state: String, exitCode: Int32? = nil, signal: Int32? = nil) {
        self.index = index
        self.state = state
        self.exitCode = exitCode
        self.signal = signal
    }

    /// Whether SLURM is done with the task.
    public var isTerminal: Bool {
        Self.terminalStates.contains(state)
    }

    static let terminalStates: Set<String> = [
        "COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED", "BOOT_FAIL",
        "DEADLINE",
    ]

    /// Parses the one-line-per-job output of `scontrol -o show job ID`: one task per line, except
    /// pending tasks, which SLURM folds into one line with `ArrayTaskId=3-9` or `3,5,7-9%2`.
    public static func parse(scontrol text: String) -> [SlurmTask] {
        var tasks: [SlurmTask] = []
        for line in text.split(separator: "\n") {
            var fields: [Substring: Substring] = [:]
            for token in line.split(separator: " ") {
                guard let equals = token.firstIndex(of: "=") else { continue }
                let key = token[..<equals]
                if fields[key] == nil { fields[key] = token[token.index(after: equals)...] }
            }
            guard let state = fields["JobState"], let ids = fields["ArrayTaskId"] else { continue }
            var exitCode: Int32?
            var signal: Int32?
            if let exit = fields["ExitCode"] {
                let parts = exit.split(separator: ":")
                exitCode = parts.first.flatMap { Int32($0) }
                signal = parts.count > 1 ? Int32(parts[1]).flatMap { $0 == 0 ? nil : $0 } : nil
            }
            for index in indices(ids) {
                tasks.append(SlurmTask(index: index, state: String(state), exitCode: exitCode, signal: signal))
            }
        }
        return tasks
    }

    /// `3`, `3-9`, `3,5,7-9`, `0-9:2`, with an optional `%N` suffix.
    public static func indices(_ text: Substring) -> [Int] {
        let list = text.split(separator: "%").first ?? ""
        var result: [Int] = []
        for part in list.split(separator: ",") {
            let stepParts = part.split(separator: ":")
            let step = stepParts.count > 1 ? max(1, Int(stepParts[1]) ?? 1) : 1
            let bounds = (stepParts.first ?? "").split(separator: "-").compactMap { Int($0) }
            if bounds.count == 2, bounds[0] <= bounds[1] {
                result += Array(stride(from: bounds[0], through: bounds[1], by: step))
            } else if bounds.count == 1 {
                result.append(bounds[0])
            }
        }
        return result
    }

    /// The status to record when SLURM ended this task and the cell's own status does not say
    /// so: a cell that never wrote a final status (killed before it started, node died) takes
    /// SLURM's outcome; a cell killed by SLURM (time limit, memory, cancel, preemption) takes it
    /// even over what its orchestrator wrote on the way out. `nil`: nothing to change.
    public func reconciled(_ status: CellStatus) -> CellStatus? {
        guard isTerminal, status.state != .done else { return nil }
        let wroteFinal = status.state == .failed || status.state == .timeout || status.state == .cancelled
        var updated = status
        let exit = "\(exitCode ?? 0):\(signal ?? 0)"
        switch state {
        case "COMPLETED", "FAILED":
            guard !wroteFinal else { return nil }
            updated.state = .failed
            updated.error = "the SLURM task ended \(state) (exit \(exit)) without a final status of its own"
        case "CANCELLED":
            guard status.state != .cancelled else { return nil }
            updated.state = .cancelled
            updated.error = "cancelled in SLURM (scancel)"
        case "PREEMPTED":
            updated.state = .cancelled
            updated.error = "preempted by SLURM"
        case "TIMEOUT", "DEADLINE":
            updated.state = .timeout
            updated.error = "reached its SLURM time limit (\(state))"
        case "OUT_OF_MEMORY":
            updated.state = .failed
            updated.error = "ran out of memory (SLURM OUT_OF_MEMORY)"
        default:
            updated.state = .failed
            updated.error = "its node failed (SLURM \(state))"
        }
        if updated.exitCode == nil, !wroteFinal { updated.exitCode = exitCode }
        if updated.signal == nil, !wroteFinal { updated.signal = signal }
        if updated.endedAt == nil { updated.endedAt = Timestamp.iso8601(Timestamp.now()) }
        return updated == status ? nil : updated
    }
}
