import Foundation
import Synchronization

/// The SLURM launcher: submits a sweep's cells that are not done as one job array (`sbatch
/// --array`), each task running `sweep exec-cell` (the local launcher's code for one cell);
/// follows the array through `scontrol` and the cells' status files; records SLURM's verdict
/// for tasks that could not write their own; cancels with `scancel`.
public final class SlurmLauncher: Sendable {
    /// The sweep.
    public let directory: SweepDirectory
    /// Its settings (`options.slurm` for `sbatch`).
    public let options: LaunchOptions
    /// The `sweep` program the tasks run.
    public let executable: String
    private let cancelRequested = Mutex(false)

    /// How often the job and the status files are read while waiting.
    static let pollInterval = Duration.milliseconds(500)
    /// How long a started cell may take to write its final status after SLURM ended its task.
    static let settleTime = Duration.seconds(10)

    /// Creates a launcher; `executable` defaults to the running `sweep`.
    public init(directory: SweepDirectory, options: LaunchOptions, executable: String? = nil) {
        self.directory = directory
        self.options = options
        self.executable = executable ?? LaunchOptions.runningExecutable() ?? "sweep"
    }

    /// The arrays being followed: job id and the cells it runs for this sweep.
    public struct Tracked: Sendable {
        /// The job id.
        public var job: String
        /// The cells this launcher waits for in that job.
        public var cells: [Int]
    }

    /// What ``submit()`` did.
    public struct Submission: Sendable {
        /// The new array, if any cell needed one.
        public var job: SlurmJob?
        /// Every array with cells still to finish (earlier live arrays and the new one).
        public var tracked: [Tracked]
    }

    var slurmDirectory: String { Paths.join(directory.path, "slurm") }
    var jobsPath: String { Paths.join(slurmDirectory, "jobs.json") }
    /// The batch script's path.
    public var scriptPath: String { Paths.join(slurmDirectory, "submit.sh") }

    /// The arrays submitted for this sweep so far (`slurm/jobs.json`).
    public func jobs() throws(LauncherError) -> [SlurmJob] {
        guard Paths.exists(jobsPath) else { return [] }
        do {
            return try JSONDecoder().decode([SlurmJob].self, from: Data(try Paths.read(jobsPath)))
        } catch let error as LauncherError {
            throw error
        } catch {
            throw LauncherError("\(jobsPath): not a list of SLURM jobs: \(error)")
        }
    }

    /// The tasks of job `id`, or `nil` when SLURM no longer knows it.
    func tasks(of id: String) async throws(LauncherError) -> [SlurmTask]? {
        let output = try await SlurmTool.run("scontrol", ["-o", "show", "job", id])
        guard output.status == 0 else { return nil }
        return SlurmTask.parse(scontrol: output.stdout)
    }

    /// Reads what SLURM says of every recorded array and writes its verdict into the status of
    /// cells that ended without one; returns, per cell still queued or running, its job id.
    public func reconcile() async throws(LauncherError) -> [Int: String] {
        let records = Dictionary(uniqueKeysWithValues: try directory.records().map { ($0.index, $0) })
        var latest: [Int: String] = [:]
        for job in try jobs() {
            for cell in job.cells { latest[cell] = job.id }
        }
        var live: [Int: String] = [:]
        for id in Set(latest.values) {
            guard let tasks = try await tasks(of: id) else { continue }
            for task in tasks where latest[task.index] == id {
                guard let record = records[task.index] else { continue }
                if !task.isTerminal {
                    live[task.index] = id
                } else if let updated = task.reconciled(try directory.status(of: record)) {
                    try directory.write(status: updated, for: record)
                }
            }
        }
        return live
    }

    /// Submits every cell that is neither done nor queued or running in a live array, as one new
    /// array; writes `slurm/submit.sh`, creates `slurm/logs/` first, records the job in
    /// `slurm/jobs.json`. Holds the sweep's lock meanwhile.
    public func submit() async throws(LauncherError) -> Submission {
        let lock = try SweepLock.acquire(directory)
        defer { withExtendedLifetime(lock) {} }
        let live = try await reconcile()
        var tracked = Dictionary(grouping: live.keys.sorted(), by: { live[$0] ?? "" }).map {
            Tracked(job: $0.key, cells: $0.value)
        }
        var todo: [(CellRecord, CellStatus)] = []
        for (record, status) in try directory.cellStatuses() where status.state != .done && live[record.index] == nil {
            todo.append((record, status))
        }
        guard !todo.isEmpty else { return Submission(job: nil, tracked: tracked) }
        try Paths.makeDirectories(Paths.join(slurmDirectory, "logs"))
        try AtomicFile.write(
            SlurmScript.text(sweep: executable, directory: directory, options: options.slurm), to: scriptPath)
        for (record, status) in todo where status.state != .pending {
            var queued = status
            queued.state = .pending
            try directory.write(status: queued, for: record, durable: false)
        }
        let indices = todo.map(\.0.index)
        var array = "--array=" + indices.map(String.init).joined(separator: ",")
        if let parallel = options.slurm.arrayParallelism { array += "%\(parallel)" }
        let output = try await SlurmTool.run("sbatch", ["--parsable", array, scriptPath])
        let id = output.stdout.split(separator: "\n").first.map { String($0.split(separator: ";").first ?? "") } ?? ""
        guard output.status == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            let reason = output.stderr.trimmingWhitespace.isEmpty ? output.stdout : output.stderr
            throw LauncherError("sbatch failed (exit \(output.status)): \(reason.trimmingWhitespace)")
        }
        let job = SlurmJob(id: id, cells: indices, submittedAt: Timestamp.iso8601(Timestamp.now()))
        try AtomicFile.write(try SweepDirectory.json(try jobs() + [job], pretty: true) + "\n", to: jobsPath)
        tracked.append(Tracked(job: id, cells: indices))
        return Submission(job: job, tracked: tracked)
    }

    /// Asks ``wait(for:onEvent:)`` to cancel the arrays (`scancel`) and mark their unfinished
    /// cells cancelled.
    public func cancel() {
        cancelRequested.withLock { $0 = true }
    }

    /// Follows the arrays until every tracked cell has a final status, reporting cells as they
    /// start and end; returns every cell's status.
    public func wait(
        for tracked: [Tracked], onEvent: @escaping @Sendable (LaunchEvent) -> Void = { _ in }
    ) async throws(LauncherError) -> LaunchResult {
        let records = try directory.records()
        let byIndex = Dictionary(uniqueKeysWithValues: records.map { ($0.index, $0) })
        var open: [Int: String] = [:]
        for entry in tracked {
            for cell in entry.cells { open[cell] = entry.job }
        }
        var seenRunning: Set<Int> = []
        var terminalSince: [Int: ContinuousClock.Instant] = [:]
        var cancelledAt: ContinuousClock.Instant?
        while !open.isEmpty {
            if cancelledAt == nil, cancelRequested.withLock({ $0 }) {
                cancelledAt = .now
                onEvent(.cancelling(running: seenRunning.intersection(open.keys).count, force: false))
                for id in Set(open.values) { _ = try await SlurmTool.run("scancel", [id]) }
            }
            var tasks: [String: [Int: SlurmTask]] = [:]
            for id in Set(open.values) {
                if let list = try await self.tasks(of: id) {
                    tasks[id] = Dictionary(list.map { ($0.index, $0) }) { _, last in last }
                }
            }
            for (cell, job) in open.sorted(by: { $0.key < $1.key }) {
                guard let record = byIndex[cell] else {
                    open[cell] = nil
                    continue
                }
                var status = try directory.status(of: record)
                let task = tasks[job]?[cell]
                if let task, task.isTerminal, terminalSince[cell] == nil { terminalSince[cell] = .now }
                // SLURM calls a task CANCELLED or TIMEOUT while its processes are still being
                // signalled: a cell that started gets time to write its own final status first.
                let settled =
                    status.state != .running
                    || terminalSince[cell].map { ContinuousClock.now - $0 > Self.settleTime } ?? false
                if let task, settled, let updated = task.reconciled(status) {
                    status = updated
                    try directory.write(status: status, for: record)
                } else if tasks[job] == nil, status.state == .pending || status.state == .running {
                    // SLURM forgot the job and the cell never said how it ended.
                    status.state = cancelledAt == nil ? .failed : .cancelled
                    status.error = "SLURM no longer knows job \(job) and the cell wrote no final status"
                    try directory.write(status: status, for: record)
                }
                if status.state == .running, seenRunning.insert(cell).inserted { onEvent(.started(status)) }
                let ended = (task?.isTerminal ?? true) && settled
                let final = status.state != .pending && status.state != .running
                if cancelledAt != nil, ended, status.state == .failed {
                    // Killed by our scancel (its trainer got SIGTERM before the cell knew why).
                    status.state = .cancelled
                    status.error = "cancelled (scancel after an interrupt)"
                    try directory.write(status: status, for: record)
                }
                if final && ended {
                    open[cell] = nil
                    onEvent(.finished(status))
                }
            }
            if let cancelledAt, ContinuousClock.now - cancelledAt > .seconds(60) {
                // SLURM did not end the tasks in time: record them cancelled and stop waiting.
                for (cell, _) in open {
                    guard let record = byIndex[cell], var status = try? directory.status(of: record) else { continue }
                    if status.state == .pending || status.state == .running {
                        status.state = .cancelled
                        try directory.write(status: status, for: record)
                    }
                    onEvent(.finished(status))
                }
                open = [:]
            }
            if !open.isEmpty { try? await Task.sleep(for: Self.pollInterval) }
        }
        try? AtomicFile.syncFileSystem(of: directory.path)
        let statuses = try directory.cellStatuses().map(\.status)
        return LaunchResult(
            statuses: statuses, wasCancelled: cancelledAt != nil, stoppedByFailFast: false)
    }
}
