import Collections
import Foundation
public import SweepConfig
import SweepYAML

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// A sweep's directory on disk (`outputs/<config>/<YYYY-MM-DD_HH-MM-SS>[_N]/`): the manifest,
/// the plan and one run directory per cell. Every state file is written through ``AtomicFile``.
public struct SweepDirectory: Sendable, Hashable {
    /// The directory's absolute path.
    public let path: String

    /// Opens an existing sweep directory (it must hold `cells.jsonl`).
    public init(existing path: String) throws(LauncherError) {
        let absolute = Paths.absolute(path)
        guard Paths.exists(Paths.join(absolute, "cells.jsonl")) else {
            throw LauncherError("'\(path)' is not a sweep directory: it has no cells.jsonl")
        }
        self.path = absolute
    }

    private init(created path: String) {
        self.path = path
    }

    /// Creates a new, empty sweep directory `<root>/<configName>/<time>[_N]` exclusively: when the
    /// name is taken (two sweeps started in the same second), `_1`, `_2`… are tried.
    public static func create(
        in root: String, configName: String, at time: Double? = nil
    ) throws(LauncherError) -> SweepDirectory {
        let parent = Paths.join(Paths.absolute(root), configName)
        try Paths.makeDirectories(parent)
        let stem = Paths.join(parent, Timestamp.directoryName(time ?? Timestamp.now()))
        for attempt in 0..<10_000 {
            let candidate = attempt == 0 ? stem : "\(stem)_\(attempt)"
            if mkdir(candidate, 0o755) == 0 {
                try AtomicFile.syncDirectory(parent)
                return SweepDirectory(created: candidate)
            }
            guard errno == EEXIST else { throw .system("create directory", candidate, errno: errno) }
        }
        throw LauncherError("cannot create a sweep directory under '\(parent)': every name is taken")
    }

    /// Creates a sweep directory for `manifest` under `root` and writes the manifest and the cells.
    public static func prepare(
        in root: String, manifest: SweepManifest, cells: [LaunchCell]
    ) throws(LauncherError) -> SweepDirectory {
        try validate(cells)
        let directory = try create(in: root, configName: manifest.configName, at: manifest.startedAt)
        try directory.write(manifest: manifest)
        try directory.write(cells: cells)
        return directory
    }

    /// The path of the run directory named `directoryName`.
    public func cellPath(_ directoryName: String) -> String {
        Paths.join(path, directoryName)
    }

    /// The path of a cell's `status.json`.
    public func statusPath(_ record: CellRecord) -> String {
        Paths.join(cellPath(record.directoryName), "status.json")
    }

    /// Writes `sweep.yaml`.
    public func write(manifest: SweepManifest) throws(LauncherError) {
        try AtomicFile.write(try Self.yaml(manifest.node, what: "sweep.yaml"), to: Paths.join(path, "sweep.yaml"))
    }

    /// Writes every cell's run directory (`config.yaml` without `sweep:` and the same as
    /// `config.json` for trainers without a YAML parser, `overrides.yaml`; no `status.json`
    /// yet, since a cell without one is pending and every file costs), then `cells.jsonl`. The cell files are written atomically, made
    /// durable by one file-system barrier, and only then is `cells.jsonl` written (durably): a
    /// planned cell always has its files, whatever happens to the process or the machine.
    public func write(cells: [LaunchCell]) throws(LauncherError) {
        try Self.validate(cells)
        for cell in cells {
            let directory = cellPath(cell.directoryName)
            if mkdir(directory, 0o755) != 0 && errno != EEXIST {
                throw .system("create directory", directory, errno: errno)
            }
            var config = cell.config
            if case .mapping(var mapping) = config.value {
                mapping.removeValue(forKey: "sweep")
                config.value = .mapping(mapping)
            }
            try AtomicFile.write(
                try Self.yaml(config, what: "config.yaml"), to: Paths.join(directory, "config.yaml"), durable: false)
            try AtomicFile.write(config.jsonText() + "\n", to: Paths.join(directory, "config.json"), durable: false)
            let overrides = ConfigNode(.sequence(cell.overrides.map { ConfigNode(.string($0)) }))
            try AtomicFile.write(
                try Self.yaml(overrides, what: "overrides.yaml"), to: Paths.join(directory, "overrides.yaml"),
                durable: false)
        }
        try AtomicFile.syncFileSystem(of: path)
        var lines = ""
        for cell in cells {
            lines += cell.record.jsonLine + "\n"
        }
        try AtomicFile.write(lines, to: Paths.join(path, "cells.jsonl"))
    }

    /// The manifest `sweep.yaml` as a config tree.
    public func manifest() throws(LauncherError) -> ConfigNode {
        let file = Paths.join(path, "sweep.yaml")
        do {
            guard let node = try YAML.parse(contentsOf: file) else {
                throw LauncherError("\(file): empty manifest")
            }
            return ConfigNode(yaml: node)
        } catch let error as LauncherError {
            throw error
        } catch {
            throw LauncherError("cannot read \(file): \(error)")
        }
    }

    /// The plan: the records of `cells.jsonl`, in index order.
    public func records() throws(LauncherError) -> [CellRecord] {
        let file = Paths.join(path, "cells.jsonl")
        let bytes = try Paths.read(file)
        var records: [CellRecord] = []
        for (number, line) in bytes.split(separator: UInt8(ascii: "\n")).enumerated() {
            do {
                records.append(try JSONDecoder().decode(CellRecord.self, from: Data(line)))
            } catch {
                throw LauncherError("\(file):\(number + 1): not a cell record: \(error)")
            }
        }
        return records.sorted { $0.index < $1.index }
    }

    /// A cell's status; a cell without `status.json` is pending.
    public func status(of record: CellRecord) throws(LauncherError) -> CellStatus {
        let file = statusPath(record)
        guard Paths.exists(file) else { return CellStatus(index: record.index, id: record.id, state: .pending) }
        let bytes = try Paths.read(file)
        do {
            return try JSONDecoder().decode(CellStatus.self, from: Data(bytes))
        } catch {
            throw LauncherError("\(file): not a cell status: \(error)")
        }
    }

    /// Writes a cell's `status.json` atomically (and durably unless `durable` is false).
    public func write(status: CellStatus, for record: CellRecord, durable: Bool = true) throws(LauncherError) {
        try AtomicFile.write(try Self.json(status, pretty: true) + "\n", to: statusPath(record), durable: durable)
    }

    /// Checks that run directory names are safe (no `/`, not `.`/`..`, no control characters,
    /// at most 255 bytes) and unique, and that indices are unique.
    static func validate(_ cells: [LaunchCell]) throws(LauncherError) {
        var names: Set<String> = []
        var indices: Set<Int> = []
        for cell in cells {
            let name = cell.directoryName
            if name.isEmpty || name == "." || name == ".." || name.contains("/") || name.utf8.count > 255
                || name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
            {
                throw LauncherError("cell \(cell.index): unsafe run directory name '\(name)'")
            }
            guard names.insert(name).inserted else {
                throw LauncherError("cell \(cell.index): run directory name '\(name)' is used twice")
            }
            guard indices.insert(cell.index).inserted else {
                throw LauncherError("cell index \(cell.index) is used twice")
            }
        }
    }

    static func yaml(_ node: ConfigNode, what: String) throws(LauncherError) -> String {
        do {
            return try node.yamlText()
        } catch {
            throw LauncherError("cannot write \(what): \(error)")
        }
    }

    static func json<T: Encodable>(_ value: T, pretty: Bool = false) throws(LauncherError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw LauncherError("cannot encode \(T.self): \(error)")
        }
    }
}
