import Collections
import Subprocess
public import SweepConfig

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The contents of `sweep.yaml`: how the sweep was asked for and where it ran.
public struct SweepManifest: Sendable {
    /// The orchestrator's command line.
    public var argv: [String]
    /// The config file the sweep was composed from.
    public var configPath: String
    /// The command-line overrides (sweep syntax included).
    public var overrides: [String]
    /// The planner's settings (grid, order, seeds…), as the planner gives them.
    public var planner: ConfigNode
    /// The launcher's settings (``LaunchOptions/settingsNode``), read back by a resume.
    public var launcher: ConfigNode = ConfigNode(.null)
    /// When the sweep started (seconds since the epoch).
    public var startedAt: Double
    /// The project's git commit, if it is a git checkout.
    public var gitCommit: String?
    /// Whether the checkout had uncommitted changes.
    public var gitDirty: Bool?
    /// The host name.
    public var host: String
    /// The operating system (`uname -srm`).
    public var operatingSystem: String
    /// The Swift compiler the orchestrator was built with.
    public var swiftVersion: String
    /// The version of this package.
    public var packageVersion: String

    /// The version of the `sweep` package.
    public static let currentPackageVersion = "0.1.0"

    /// Creates a manifest; host, OS, versions and start time are filled in from this machine.
    public init(argv: [String], configPath: String, overrides: [String], planner: ConfigNode) {
        self.argv = argv
        self.configPath = configPath
        self.overrides = overrides
        self.planner = planner
        self.startedAt = Timestamp.now()
        self.host = SweepManifest.hostName()
        self.operatingSystem = SweepManifest.unameText()
        self.swiftVersion = SweepManifest.compilerVersion
        self.packageVersion = SweepManifest.currentPackageVersion
    }

    /// The config's name: its file name without directory and `.yaml`/`.yml` extension.
    public var configName: String {
        var name = Paths.lastComponent(of: configPath)
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
        }
        return name.isEmpty ? "sweep" : name
    }

    /// Fills in ``gitCommit`` and ``gitDirty`` from `git` run in `directory` (left nil if that fails).
    public mutating func collectGit(in directory: String) async {
        guard
            let head = try? await Subprocess.run(
                .name("git"), arguments: ["-C", directory, "rev-parse", "HEAD"],
                output: .string(limit: 4096), error: .discarded),
            head.terminationStatus.isSuccess,
            let commit = Optional(head.standardOutput.trimmingWhitespace), !commit.isEmpty
        else { return }
        gitCommit = commit
        if let status = try? await Subprocess.run(
            .name("git"), arguments: ["-C", directory, "status", "--porcelain", "--untracked-files=no"],
            output: .string(limit: 1 << 20), error: .discarded),
            status.terminationStatus.isSuccess
        {
            gitDirty = !status.standardOutput.trimmingWhitespace.isEmpty
        }
    }

    /// The manifest as a config tree (what `sweep.yaml` holds).
    public var node: ConfigNode {
        func string(_ s: String) -> ConfigNode { ConfigNode(.string(s)) }
        func strings(_ list: [String]) -> ConfigNode { ConfigNode(.sequence(list.map(string))) }
        var git: OrderedDictionary<String, ConfigNode> = [:]
        git["commit"] = gitCommit.map(string) ?? ConfigNode(.null)
        git["dirty"] = gitDirty.map { ConfigNode(.bool($0)) } ?? ConfigNode(.null)
        var mapping: OrderedDictionary<String, ConfigNode> = [:]
        mapping["argv"] = strings(argv)
        mapping["config"] = string(configPath)
        mapping["config_name"] = string(configName)
        mapping["overrides"] = strings(overrides)
        mapping["planner"] = planner
        mapping["launcher"] = launcher
        mapping["git"] = ConfigNode(.mapping(git))
        mapping["host"] = string(host)
        mapping["os"] = string(operatingSystem)
        mapping["swift"] = string(swiftVersion)
        mapping["sweep_version"] = string(packageVersion)
        mapping["started_at"] = string(Timestamp.iso8601(startedAt))
        return ConfigNode(.mapping(mapping))
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func unameText() -> String {
        var names = utsname()
        guard uname(&names) == 0 else { return "unknown" }
        func text<T>(_ field: T) -> String {
            withUnsafeBytes(of: field) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        return "\(text(names.sysname)) \(text(names.release)) \(text(names.machine))"
    }

    static var compilerVersion: String {
        #if compiler(>=6.4)
            return "6.4+"
        #elseif compiler(>=6.3)
            return "6.3"
        #elseif compiler(>=6.2)
            return "6.2"
        #else
            return "6.1"
        #endif
    }
}
