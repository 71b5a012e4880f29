#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// How the local launcher runs cells: the trainer command, parallelism, thread and GPU pinning,
/// timeout, retries and fail-fast.
public struct LaunchOptions: Sendable {
    /// The trainer command as an argument vector (never run through a shell). The first element is
    /// an absolute path, a path relative to ``projectDirectory``, or a name looked up in `PATH`.
    public var command: [String]
    /// How many cells run at once; `nil`: cores ÷ threads per cell (and at most one per GPU).
    public var jobs: Int?
    /// Threads each cell may use (`OMP_NUM_THREADS`, `OPENBLAS_NUM_THREADS`); `nil`: cores ÷ jobs.
    public var threadsPerCell: Int?
    /// GPU ids; slot `k` gets `CUDA_VISIBLE_DEVICES=gpus[k % gpus.count]`. Empty: not set.
    public var gpus: [String] = []
    /// How long one attempt may run before its process group is killed; `nil`: no limit.
    public var timeout: Duration?
    /// How many times a failed or timed-out cell is started again.
    public var retries: Int = 0
    /// The wait before the first retry; doubled for each further one (capped at a minute).
    public var retryBackoff: Duration = .seconds(1)
    /// Whether to stop launching new cells after the first cell that fails for good.
    public var failFast: Bool = false
    /// The time between SIGTERM and SIGKILL when a cell is timed out or cancelled.
    public var killGrace: Duration = .seconds(5)
    /// Whether to give each trainer a parent-death signal (Linux: through `setpriv --pdeathsig`),
    /// so that it dies with the orchestrator.
    public var parentDeathSignal: Bool = true
    /// The project directory (`SWEEP_PROJECT_DIR`; relative commands resolve against it).
    public var projectDirectory: String
    /// Extra environment variables for every trainer (they win over the inherited ones).
    public var environment: [String: String] = [:]
    /// How many cores the machine has (defaults to the online processors).
    public var cores: Int = LaunchOptions.onlineCores
    /// Where the cells run: this machine or a SLURM job array.
    public var launcher: LauncherKind = .local
    /// The `sbatch` settings of a SLURM sweep.
    public var slurm = SlurmOptions()

    /// Creates options for `command`, run from `projectDirectory` (default: the current directory).
    public init(command: [String], projectDirectory: String = ".") {
        self.command = command
        self.projectDirectory = Paths.absolute(projectDirectory)
    }

    /// The number of online processors (at least 1).
    public static var onlineCores: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// The default command: the `sweep-train` next to `executable` (by default the running
    /// program), with `--config config.yaml`.
    public static func defaultCommand(executable: String? = nil) -> [String] {
        let program = executable ?? runningExecutable() ?? "sweep"
        return [Paths.join(Paths.directory(of: program), "sweep-train"), "--config", "config.yaml"]
    }

    /// The path of the running program (`/proc/self/exe`), if it can be read.
    static func runningExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The number of cells run at once: the explicit value, or cores ÷ threads (≤ GPUs), at least 1.
    public var effectiveJobs: Int {
        if let jobs { return max(1, jobs) }
        var jobs = max(1, cores / max(1, threadsPerCell ?? 1))
        if !gpus.isEmpty { jobs = min(jobs, gpus.count) }
        return jobs
    }

    /// The threads per cell: the explicit value capped so that jobs × threads ≤ cores, at least 1.
    public var effectiveThreads: Int {
        let fair = max(1, cores / effectiveJobs)
        return min(max(1, threadsPerCell ?? fair), fair)
    }
}
