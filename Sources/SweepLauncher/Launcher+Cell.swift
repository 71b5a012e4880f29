/// Running one cell of a sweep on its own: what a SLURM array task does (`sweep exec-cell`).
extension Launcher {
    /// Runs cell `index` of `directory` exactly as the local launcher runs it (same config,
    /// environment, logs, status file, timeout and retries: the same code), one at a time, with
    /// `cores` cores for its threads and no GPU pinning of its own (SLURM pins GPUs); SIGINT and
    /// SIGTERM (`scancel`) end it `cancelled`. Returns its final status.
    public static func runCell(
        _ index: Int, of directory: SweepDirectory, options: LaunchOptions, cores: Int? = nil
    ) async throws(LauncherError) -> CellStatus {
        let records = try directory.records()
        guard let record = records.first(where: { $0.index == index }) else {
            let range = records.isEmpty ? "it has no cells" : "its cells are \(records.map(\.index).rangeText)"
            throw LauncherError("cell \(index) is not in the plan of '\(directory.path)': \(range)")
        }
        var options = options
        options.jobs = 1
        options.gpus = []
        if let cores { options.cores = max(1, cores) }
        let launcher = Launcher(directory: directory, options: options)
        let interrupts = InterruptHandler.cancelling(launcher)
        defer { interrupts.remove() }
        let result = try await launcher.run(only: [record.index])
        if let status = result.statuses.first { return status }
        return try directory.status(of: record)
    }
}

extension CellStatus {
    /// The exit status that reports this outcome to a batch system: 0 when done, the trainer's
    /// own code when it exited, 128 + the signal when one ended it, 124 on timeout (like
    /// `timeout(1)`), 130 when cancelled, 1 otherwise.
    public var exitStatus: Int32 {
        switch state {
        case .done: return 0
        case .timeout: return 124
        case .cancelled: return 130
        case .failed, .pending, .running:
            if let exitCode, exitCode != 0 { return exitCode }
            if let signal { return 128 + signal }
            return 1
        }
    }
}

extension [Int] {
    /// `0…9` for a contiguous run, else the numbers separated by commas.
    var rangeText: String {
        guard let first, let last else { return "" }
        if last - first + 1 == count { return first == last ? "\(first)" : "\(first)…\(last)" }
        return map(String.init).joined(separator: ",")
    }
}
