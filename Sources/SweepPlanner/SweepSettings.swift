public import SweepConfig

/// The orchestrator's `sweep:` section of a config or a sweep file.
///
/// ```yaml
/// sweep:
///   params: {beta: "1,10", lr: "logspace(1e-4,1e-1,4)"}   # like Hydra's hydra.sweeper.params
///   zip: [[lr, batch_size]]          # keys that move together
///   grids: [{model: vae, beta: "1,10"}, {model: mlp}]    # a union of sub-grids
///   repeat: 3                        # seeds 0, 1, 2 for every cell
///   sampler: random                  # grid (default) or random
///   samples: 20
///   seed: 0
///   command: [python, train.py]      # another trainer: cells are composed, not decoded
///   metric: test/acc
///   mode: max
/// ```
public struct SweepSettings: Decodable, Sendable {
    /// How cells are chosen.
    public enum Sampler: String, Decodable, Sendable, CaseIterable {
        /// The Cartesian product of every swept key, in Hydra's BasicSweeper order.
        case grid
        /// `samples` draws, every key drawn independently from its sweep.
        case random
    }

    /// Whether a larger or a smaller metric is better.
    public enum Mode: String, Decodable, Sendable, CaseIterable {
        /// Smaller is better (a loss).
        case min
        /// Larger is better (an accuracy).
        case max
    }

    /// Sweep overrides by key, like Hydra's `hydra.sweeper.params` (a mapping).
    public var params: ConfigNode?
    /// Groups of keys whose values move together (one axis each, of equal lengths).
    public var zip: [[String]]?
    /// A union of sub-grids: each a mapping of params added to the shared ones.
    public var grids: [ConfigNode]?
    /// Runs of every cell with seeds `0..<repeat` (an axis `seed` the results average over).
    public var `repeat`: Int?
    /// Grid (default) or random search.
    public var sampler: Sampler?
    /// How many cells a random search draws.
    public var samples: Int?
    /// The seed of a random search.
    public var seed: Int?
    /// The trainer command; unset means the bundled `sweep-train`.
    public var command: [String]?
    /// The metric that ranks the cells.
    public var metric: String?
    /// Whether the metric is minimised or maximised.
    public var mode: Mode?

    // The launcher's settings (read and checked by SweepLauncher's `LaunchOptions.apply`).

    /// Cells run at once.
    public var jobs: ConfigNode?
    /// Threads per cell.
    public var threads: ConfigNode?
    /// Retries of a failed cell.
    public var retries: ConfigNode?
    /// Stop launching after the first failure.
    public var failFast: ConfigNode?
    /// A cell's time limit, such as `90s` or `1h30m`.
    public var timeout: ConfigNode?
    /// The folder that relative trainer paths and `data/` are resolved against.
    public var projectDir: ConfigNode?
    /// The first wait before a retry.
    public var retryBackoff: ConfigNode?
    /// How long a cell has between SIGTERM and SIGKILL.
    public var killGrace: ConfigNode?
    /// GPU ids, one per slot.
    public var gpus: ConfigNode?
    /// Extra environment variables of the trainer.
    public var env: ConfigNode?
    /// Where the cells run: `local` (default) or `slurm`.
    public var launcher: ConfigNode?
    /// The `sbatch` settings of a SLURM sweep.
    public var slurm: ConfigNode?

    enum CodingKeys: String, CodingKey {
        case params, zip, grids, `repeat`, sampler, samples, seed, command, metric, mode
        case jobs, threads, retries, timeout, gpus, env, launcher, slurm
        case failFast = "fail_fast"
        case projectDir = "project_dir"
        case retryBackoff = "retry_backoff"
        case killGrace = "kill_grace"
    }

    /// Settings with nothing set.
    public init() {}

    /// Decodes the settings from a `sweep:` node, strictly (an unknown key is an error).
    public init(node: ConfigNode) throws(ConfigError) {
        self = try ConfigDecoder().decode(SweepSettings.self, from: node, path: "sweep")
    }
}
