import Synchronization

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The local launcher: runs every cell of a sweep directory that is not done, `jobs` at a time,
/// each as its own process group; records each outcome in the cell's `status.json`; retries,
/// times out, fails fast and cancels on request. Running it on a half-finished sweep is a resume.
/// A launcher runs a sweep once: after ``cancel(force:)``, resume with a new launcher.
public actor Launcher {
    /// The sweep being run.
    public let directory: SweepDirectory
    /// How cells are run.
    public let options: LaunchOptions
    private let onEvent: @Sendable (LaunchEvent) -> Void

    /// When the file system was last flushed after a final status (see ``writeStatus``).
    private let lastFlush = Mutex(ContinuousClock.now)
    /// Final statuses are made durable at most this long after they are written.
    static let flushInterval = Duration.seconds(1)

    private var running: [Int: Int32] = [:]
    private var stopLaunching = false
    private var cancelled = false
    private var forced = false

    /// Creates a launcher for `directory`; `onEvent` is called (from any task) as cells start and end.
    public init(
        directory: SweepDirectory, options: LaunchOptions,
        onEvent: @escaping @Sendable (LaunchEvent) -> Void = { _ in }
    ) {
        self.directory = directory
        self.options = options
        self.onEvent = onEvent
    }

    /// Runs every cell that is not `done` and returns every cell's status. Fails (before launching
    /// anything) when another orchestrator holds the sweep, the plan cannot be read or the command
    /// cannot be found; a failing cell is never an error, only data in the result.
    ///
    /// With `indices`, only those cells run, each under its own cell lock instead of the sweep's
    /// lock (how `sweep exec-cell` runs one cell of a SLURM array while other tasks run others);
    /// the result then holds only their statuses.
    public func run(only indices: Set<Int>? = nil) async throws(LauncherError) -> LaunchResult {
        var locks: [SweepLock] = []
        var records = try directory.records()
        if let indices {
            records = records.filter { indices.contains($0.index) }
            for record in records {
                locks.append(try SweepLock.acquire(cell: directory.cellPath(record.directoryName)))
            }
        } else {
            locks.append(try SweepLock.acquire(directory))
        }
        defer { withExtendedLifetime(locks) {} }
        // Every final status written during the run is durable when it returns.
        defer { try? AtomicFile.syncFileSystem(of: directory.path) }
        var statuses: [Int: CellStatus] = [:]
        for record in records {
            statuses[record.index] = try directory.status(of: record)
        }
        let todo = records.filter { statuses[$0.index]?.state != .done }
        let (executable, arguments) = try resolveCommand()
        await endLeftovers(of: todo)
        for record in todo {
            guard var status = statuses[record.index], status.state == .running else { continue }
            // Its orchestrator died while it ran; whatever was left of it is gone now.
            status.state = .cancelled
            status.error = "the orchestrator stopped while this cell ran"
            statuses[record.index] = status
            writeStatus(status, record)
        }

        let jobs = options.effectiveJobs
        let threads = String(options.effectiveThreads)
        var failFastStatus: CellStatus?
        await withTaskGroup(of: (slot: Int, status: CellStatus).self) { group in
            var queue = todo[...]
            var freeSlots = Array((0..<jobs).reversed())
            func launchMore() {
                while !stopLaunching, !freeSlots.isEmpty, let record = queue.first {
                    queue.removeFirst()
                    let slot = freeSlots.removeLast()
                    var environment = options.environment
                    environment["SWEEP_RUN_DIR"] = directory.cellPath(record.directoryName)
                    environment["SWEEP_CONFIG"] = Paths.join(directory.cellPath(record.directoryName), "config.yaml")
                    environment["SWEEP_CELL_ID"] = record.id
                    environment["SWEEP_CELL_INDEX"] = String(record.index)
                    environment["SWEEP_PROJECT_DIR"] = options.projectDirectory
                    environment["SWEEP_DIR"] = directory.path
                    environment["SWEEP_SLOT"] = String(slot)
                    environment["OMP_NUM_THREADS"] = threads
                    environment["OPENBLAS_NUM_THREADS"] = threads
                    environment["MKL_NUM_THREADS"] = threads
                    if !options.gpus.isEmpty {
                        environment["CUDA_VISIBLE_DEVICES"] = options.gpus[slot % options.gpus.count]
                    }
                    let process = CellProcess(
                        executable: executable, arguments: arguments, environment: environment,
                        runDirectory: directory.cellPath(record.directoryName), timeout: options.timeout,
                        killGrace: options.killGrace)
                    let previous =
                        statuses[record.index] ?? CellStatus(index: record.index, id: record.id, state: .pending)
                    group.addTask {
                        (slot, await self.runCell(record, process: process, previous: previous))
                    }
                }
            }
            launchMore()
            while let (slot, status) = await group.next() {
                freeSlots.append(slot)
                statuses[status.index] = status
                onEvent(.finished(status))
                if options.failFast, status.state.isFailure, !cancelled, failFastStatus == nil {
                    failFastStatus = status
                    stopLaunching = true
                    onEvent(.failFast(status))
                }
                launchMore()
            }
        }
        return LaunchResult(
            statuses: records.compactMap { statuses[$0.index] }, wasCancelled: cancelled,
            stoppedByFailFast: failFastStatus != nil)
    }

    /// Stops the sweep: launches nothing more, sends SIGTERM to every running cell's process group
    /// and SIGKILL after the grace period (at once when `force`); those cells end `cancelled`.
    public func cancel(force: Bool = false) {
        let first = !cancelled
        cancelled = true
        stopLaunching = true
        if force { forced = true }
        onEvent(.cancelling(running: running.count, force: force))
        for pid in running.values {
            ProcessGroups.signal(pid, force ? SIGKILL : SIGTERM)
        }
        if first && !force {
            let grace = options.killGrace
            Task {
                try? await Task.sleep(for: grace)
                self.killRunning()
            }
        }
    }

    /// Whether ``cancel(force:)`` was called.
    public var isCancelled: Bool { cancelled }

    private func killRunning() {
        for pid in running.values { ProcessGroups.signal(pid, SIGKILL) }
    }

    private func started(_ index: Int, pid: Int32) {
        running[index] = pid
        guard cancelled else { return }
        // Started while the sweep was being cancelled: end it like the others.
        ProcessGroups.signal(pid, forced ? SIGKILL : SIGTERM)
        let grace = options.killGrace
        Task {
            try? await Task.sleep(for: grace)
            ProcessGroups.signal(pid, SIGKILL)
        }
    }

    private func ended(_ index: Int) {
        running[index] = nil
    }

    /// Runs one cell with its retries and returns its final status.
    private nonisolated func runCell(
        _ record: CellRecord, process: CellProcess, previous: CellStatus
    ) async -> CellStatus {
        var status = previous
        let host = SweepManifest.hostName()
        var failures = 0
        while true {
            if await isCancelled {
                if status.state == .pending || status.state == .running { status.state = .cancelled }
                writeStatus(status, record)
                return status
            }
            status.attempts += 1
            status.state = .running
            status.exitCode = nil
            status.signal = nil
            status.error = nil
            status.endedAt = nil
            status.durationSeconds = nil
            status.stderrTail = []
            status.host = host
            let start = Timestamp.now()
            status.startedAt = Timestamp.iso8601(start)
            let runningStatus = status
            let attempt = await process.run(attempt: status.attempts) { pid in
                var started = runningStatus
                started.pid = pid
                self.writeStatus(started, record, durable: false)
                await self.started(record.index, pid: pid)
                self.onEvent(.started(started))
            }
            await ended(record.index)
            let end = Timestamp.now()
            status.pid = attempt.pid
            status.endedAt = Timestamp.iso8601(end)
            status.durationSeconds = ((end - start) * 1000).rounded() / 1000
            status.stderrTail = attempt.stderrTail
            let wasCancelled = await isCancelled
            switch attempt.ending {
            case .exited(let code):
                status.exitCode = code
                status.state = code == 0 ? .done : .failed
            case .signaled(let signal):
                status.signal = signal
                status.state = .failed
            case .notStarted(let message):
                status.error = message
                status.state = .failed
            }
            if status.state != .done {
                if attempt.timedOut {
                    status.state = .timeout
                    status.error = "timed out after \(process.timeout.map(DurationText.format) ?? "?")"
                } else if wasCancelled {
                    status.state = .cancelled
                }
            }
            writeStatus(status, record)
            guard status.state == .failed || status.state == .timeout, failures < options.retries else {
                return status
            }
            failures += 1
            let delay = Self.backoff(options.retryBackoff, failures: failures)
            onEvent(.retrying(status, delay: delay))
            let wake = ContinuousClock.now + delay
            while ContinuousClock.now < wake, !(await isCancelled) {
                try? await Task.sleep(for: min(.milliseconds(50), wake - ContinuousClock.now))
            }
        }
    }

    /// Writes a status atomically (a reader, or the death of any process, sees the old or the new
    /// file, never a torn one). Durability against a machine crash is batched: a `running` status
    /// need not be durable (the cell would simply run again); final statuses are flushed with one
    /// file-system barrier at most ``flushInterval`` after they are written, and when the run
    /// ends, instead of two `fsync`s each, which cost more than spawning the cell.
    /// A write failure is recorded in the next status instead of stopping the sweep.
    private nonisolated func writeStatus(_ status: CellStatus, _ record: CellRecord, durable: Bool = true) {
        do {
            try directory.write(status: status, for: record, durable: false)
            if durable {
                let now = ContinuousClock.now
                let due = lastFlush.withLock { last in
                    guard now - last >= Self.flushInterval else { return false }
                    last = now
                    return true
                }
                if due { try AtomicFile.syncFileSystem(of: directory.path) }
            }
        } catch {
            var fallback = status
            fallback.error = "cannot write status.json: \(error.message)"
            try? directory.write(status: fallback, for: record)
        }
    }

    /// `base × 2^(failures − 1)`, at most a minute.
    static func backoff(_ base: Duration, failures: Int) -> Duration {
        var delay = base
        for _ in 1..<max(1, failures) {
            delay *= 2
            if delay >= .seconds(60) { return .seconds(60) }
        }
        return min(delay, .seconds(60))
    }

    /// The program and arguments to execute: the command's first element resolved (absolute, relative
    /// to the project directory, or through `PATH`), behind `setpriv --pdeathsig KILL` where asked and available.
    func resolveCommand() throws(LauncherError) -> (String, [String]) {
        guard let first = options.command.first, !first.isEmpty else {
            throw LauncherError("the trainer command is empty")
        }
        let program: String
        if first.hasPrefix("/") {
            program = first
        } else if first.contains("/") {
            program = Paths.join(options.projectDirectory, first)
        } else {
            let path = options.environment["PATH"] ?? Self.environmentValue("PATH") ?? "/usr/bin:/bin"
            guard
                let found = path.split(separator: ":").map({ Paths.join(String($0), first) }).first(
                    where: Paths.isExecutable)
            else { throw LauncherError("trainer command '\(first)' not found in PATH") }
            program = found
        }
        guard Paths.isExecutable(program) else {
            throw LauncherError("trainer command '\(program)' is not an executable file")
        }
        let rest = Array(options.command.dropFirst())
        #if os(Linux)
            if options.parentDeathSignal, Paths.isExecutable(Self.setpriv) {
                return (Self.setpriv, ["--pdeathsig", "KILL", "--", program] + rest)
            }
        #endif
        return (program, rest)
    }

    static let setpriv = "/usr/bin/setpriv"

    static func environmentValue(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Ends processes still running in the given cells' directories (left by an orchestrator that
    /// died), so that no cell ever runs twice at the same time.
    private func endLeftovers(of records: [CellRecord]) async {
        let paths = Set(records.map { directory.cellPath($0.directoryName) })
        let leftovers = ProcessGroups.processes(runningIn: paths)
        guard !leftovers.isEmpty else { return }
        await ProcessGroups.terminate(leftovers.values.flatMap { $0 }, grace: options.killGrace)
    }
}
