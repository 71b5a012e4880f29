public import SweepConfig

/// The `sbatch` settings of a SLURM sweep (`sweep.slurm:` in a config): each becomes one
/// `#SBATCH` line of the batch script, never shell code.
public struct SlurmOptions: Decodable, Sendable, Hashable {
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

    enum CodingKeys: String, CodingKey {
        case partition, time, mem, gpus, gres, account, qos, constraint
        case cpusPerTask = "cpus_per_task"
        case arrayParallelism = "array_parallelism"
        case extraArgs = "extra_args"
    }

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

    /// Reads a `sweep.slurm` mapping strictly, as the config decoder reads any config: an unknown
    /// key (with a did-you-mean), a wrong type, a line break or a number below 1 is an error at its place.
    public init(node: ConfigNode) throws(ConfigError) {
        if case .null = node.value { return }
        self = try ConfigDecoder().decode(SlurmOptions.self, from: node, path: "sweep.slurm")
    }

    /// Decodes the settings; `null` leaves a setting unset (the `launcher/slurm` config group's defaults).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        partition = try Self.text(container, .partition)
        time = try Self.text(container, .time)
        cpusPerTask = try Self.positive(container, .cpusPerTask)
        mem = try Self.text(container, .mem)
        gpus = try Self.positive(container, .gpus)
        gres = try Self.text(container, .gres)
        account = try Self.text(container, .account)
        qos = try Self.text(container, .qos)
        constraint = try Self.text(container, .constraint)
        arrayParallelism = try Self.positive(container, .arrayParallelism)
        guard let node = try container.decodeIfPresent(ConfigNode.self, forKey: .extraArgs) else { return }
        switch node.value {
        case .null: break
        case .string: extraArgs = [try Self.text(node, container, .extraArgs)]
        case .sequence(let items): extraArgs = try items.map { try Self.text($0, container, .extraArgs) }
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .extraArgs, in: container,
                debugDescription: "expected a list of sbatch arguments, got '\(node)'")
        }
    }

    /// A setting that is one line of text (a number is taken as its text: `time: 30`).
    private static func text(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> String? {
        guard let node = try container.decodeIfPresent(ConfigNode.self, forKey: key) else { return nil }
        if case .null = node.value { return nil }
        return try text(node, container, key)
    }

    private static func text(
        _ node: ConfigNode, _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys
    ) throws -> String {
        let text: String
        switch node.value {
        case .string(let value): text = value
        case .int, .float: text = node.description
        default:
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "expected a string, got '\(node)'")
        }
        if text.isEmpty || text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            let found = text.isEmpty ? "an empty string" : "a string with a line break or a control character"
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "expected one line of text, found \(found)")
        }
        return text
    }

    /// A whole number of at least 1.
    private static func positive(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Int? {
        guard let value = try container.decodeIfPresent(Int.self, forKey: key) else { return nil }
        guard value >= 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "expected a whole number ≥ 1, got '\(value)'")
        }
        return value
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
}
