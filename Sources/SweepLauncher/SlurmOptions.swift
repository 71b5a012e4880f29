public import SweepConfig

/// The `sbatch` settings of a SLURM sweep (`sweep.slurm:` in a config): each becomes one
/// `#SBATCH` line of the batch script, never shell code.
public struct SlurmOptions: Sendable, Hashable {
    /// `--partition`.
    public var partition: String?
    /// `--time`, SLURM's own syntax (`30`, `1:00:00`, `2-00:00:00`).
    public var time: String?
    /// `--cpus-per-task`; also the cores a cell's threads are sized for.
    public var cpusPerTask: Int?
    /// `--mem` (`4G`, `500M`).
    public var mem: String?
    /// `--gpus` per task.
    public var gpus: Int?
    /// `--gres` (`gpu:a100:1`).
    public var gres: String?
    /// `--account`.
    public var account: String?
    /// `--qos`.
    public var qos: String?
    /// `--constraint`.
    public var constraint: String?
    /// At most this many tasks of the array run at once (`--array=…%N`).
    public var arrayParallelism: Int?
    /// Further `sbatch` arguments, one `#SBATCH` line each (`--exclusive`, `--nice=10`).
    public var extraArgs: [String] = []

    /// No settings: SLURM's defaults.
    public init() {}

    /// The setting names of `sweep.slurm`.
    public static let keys = [
        "partition", "time", "cpus_per_task", "mem", "gpus", "gres", "account", "qos", "constraint",
        "array_parallelism", "extra_args",
    ]

    /// The `sbatch` arguments these settings stand for, in a fixed order.
    public var arguments: [String] {
        var result: [String] = []
        if let partition { result.append("--partition=\(partition)") }
        if let time { result.append("--time=\(time)") }
        if let cpusPerTask { result.append("--cpus-per-task=\(cpusPerTask)") }
        if let mem { result.append("--mem=\(mem)") }
        if let gpus { result.append("--gpus=\(gpus)") }
        if let gres { result.append("--gres=\(gres)") }
        if let account { result.append("--account=\(account)") }
        if let qos { result.append("--qos=\(qos)") }
        if let constraint { result.append("--constraint=\(constraint)") }
        return result + extraArgs
    }

    /// Reads a `sweep.slurm` mapping (strictly: unknown keys, wrong types, line breaks are errors,
    /// each at its place).
    public init(node: ConfigNode) throws(ConfigError) {
        guard case .mapping(let mapping) = node.value else {
            if case .null = node.value { return }
            throw Self.invalid(node, "sweep.slurm", "a mapping")
        }
        for (key, value) in mapping {
            let path = "sweep.slurm.\(key)"
            if case .null = value.value { continue }
            switch key {
            case "partition": partition = try Self.text(value, path)
            case "time": time = try Self.text(value, path)
            case "cpus_per_task": cpusPerTask = try Self.positive(value, path)
            case "mem": mem = try Self.text(value, path)
            case "gpus": gpus = try Self.positive(value, path)
            case "gres": gres = try Self.text(value, path)
            case "account": account = try Self.text(value, path)
            case "qos": qos = try Self.text(value, path)
            case "constraint": constraint = try Self.text(value, path)
            case "array_parallelism": arrayParallelism = try Self.positive(value, path)
            case "extra_args":
                switch value.value {
                case .sequence(let items):
                    extraArgs = try items.map { item throws(ConfigError) in try Self.text(item, path) }
                case .string: extraArgs = [try Self.text(value, path)]
                default: throw Self.invalid(value, path, "a list of sbatch arguments")
                }
            default:
                var notes: [String] = []
                if let close = Suggestion.closest(to: key, in: Self.keys) {
                    notes.append("help: did you mean '\(close)'?")
                }
                notes.append("note: allowed keys in 'sweep.slurm': " + Self.keys.joined(separator: ", "))
                throw ConfigError(value.origin.diagnostic("unknown key '\(path)'", notes: notes))
            }
        }
    }

    /// The settings as a `sweep.slurm` mapping (what `sweep.yaml` records for a resume).
    public var node: ConfigNode {
        var pairs: [(String, ConfigNode)] = []
        func add(_ key: String, _ value: String?) {
            if let value { pairs.append((key, ConfigNode(.string(value)))) }
        }
        add("partition", partition)
        add("time", time)
        if let cpusPerTask { pairs.append(("cpus_per_task", ConfigNode(.int(cpusPerTask)))) }
        add("mem", mem)
        if let gpus { pairs.append(("gpus", ConfigNode(.int(gpus)))) }
        add("gres", gres)
        add("account", account)
        add("qos", qos)
        add("constraint", constraint)
        if let arrayParallelism { pairs.append(("array_parallelism", ConfigNode(.int(arrayParallelism)))) }
        if !extraArgs.isEmpty {
            pairs.append(("extra_args", ConfigNode(.sequence(extraArgs.map { ConfigNode(.string($0)) }))))
        }
        return ConfigNode(.mapping(.init(uniqueKeysWithValues: pairs)))
    }

    private static func invalid(_ node: ConfigNode, _ path: String, _ expected: String) -> ConfigError {
        ConfigError(node.origin.diagnostic("\(path): expected \(expected), got '\(node)'"))
    }

    /// A one-line, non-empty string (a number is taken as its text: `time: 30`).
    private static func text(_ node: ConfigNode, _ path: String) throws(ConfigError) -> String {
        let text: String
        switch node.value {
        case .string(let value): text = value
        case .int, .float: text = node.description
        default: throw invalid(node, path, "a string")
        }
        guard !text.isEmpty, !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw invalid(node, path, "a non-empty string on one line")
        }
        return text
    }

    private static func positive(_ node: ConfigNode, _ path: String) throws(ConfigError) -> Int {
        guard case .int(let value) = node.value, value > 0 else { throw invalid(node, path, "a whole number ≥ 1") }
        return value
    }
}
