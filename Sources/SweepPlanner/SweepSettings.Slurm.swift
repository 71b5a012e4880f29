public import SweepConfig

extension SweepSettings {
    /// Where cells run (`sweep.launcher`).
    public enum Launcher: String, Decodable, Sendable, CaseIterable {
        /// Processes on this machine.
        case local
        /// One SLURM job array.
        case slurm
    }

    /// The `sbatch` settings of `sweep.slurm` (read and checked further by SweepLauncher's
    /// `SlurmOptions`, which writes them into the batch script).
    public struct Slurm: Decodable, Sendable {
        /// `--partition`.
        public var partition: String?
        /// `--time` (`30`, `1:00:00`, `2-00:00:00`).
        public var time: ConfigNode?
        /// `--cpus-per-task`.
        public var cpusPerTask: Int?
        /// `--mem` (`4G`).
        public var mem: ConfigNode?
        /// `--gpus` per task.
        public var gpus: Int?
        /// `--gres`.
        public var gres: String?
        /// `--account`.
        public var account: String?
        /// `--qos`.
        public var qos: String?
        /// `--constraint`.
        public var constraint: String?
        /// Tasks of the array run at once at most (`--array=…%N`).
        public var arrayParallelism: Int?
        /// Further `sbatch` arguments.
        public var extraArgs: [String]?

        enum CodingKeys: String, CodingKey {
            case partition, time, mem, gpus, gres, account, qos, constraint
            case cpusPerTask = "cpus_per_task"
            case arrayParallelism = "array_parallelism"
            case extraArgs = "extra_args"
        }
    }
}
