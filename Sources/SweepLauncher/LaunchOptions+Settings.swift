import Collections
public import SweepConfig

extension LaunchOptions {
    /// The options as a `sweep:`-style section (the keys ``apply(sweepSection:)`` reads, plus
    /// `project_dir`), recorded in `sweep.yaml` so that a resume runs cells exactly as the first run did.
    public var settingsNode: ConfigNode {
        func seconds(_ duration: Duration) -> ConfigNode {
            let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return ConfigNode(.float(value))
        }
        var mapping: OrderedDictionary<String, ConfigNode> = [:]
        mapping["command"] = ConfigNode(.sequence(command.map { ConfigNode(.string($0)) }))
        mapping["project_dir"] = ConfigNode(.string(projectDirectory))
        mapping["jobs"] = jobs.map { ConfigNode(.int($0)) } ?? ConfigNode(.null)
        mapping["threads"] = threadsPerCell.map { ConfigNode(.int($0)) } ?? ConfigNode(.null)
        mapping["gpus"] = ConfigNode(.sequence(gpus.map { ConfigNode(.string($0)) }))
        mapping["timeout"] = timeout.map(seconds) ?? ConfigNode(.null)
        mapping["retries"] = ConfigNode(.int(retries))
        mapping["retry_backoff"] = seconds(retryBackoff)
        mapping["fail_fast"] = ConfigNode(.bool(failFast))
        mapping["kill_grace"] = seconds(killGrace)
        var variables: OrderedDictionary<String, ConfigNode> = [:]
        for name in environment.keys.sorted() {
            variables[name] = environment[name].map { ConfigNode(.string($0)) }
        }
        mapping["env"] = ConfigNode(.mapping(variables))
        mapping["launcher"] = ConfigNode(.string(launcher.rawValue))
        if launcher == .slurm { mapping["slurm"] = slurm.node }
        return ConfigNode(.mapping(mapping))
    }

    /// The options a sweep was run with, read back from its `sweep.yaml` (`launcher:` section).
    public init(resuming directory: SweepDirectory) throws(LauncherError) {
        let manifest = try directory.manifest()
        guard let settings = manifest.child("launcher"), case .mapping = settings.value else {
            throw LauncherError("\(directory.path)/sweep.yaml: no 'launcher' section to resume with")
        }
        var project = "."
        if case .string(let path)? = settings.child("project_dir")?.value { project = path }
        self.init(command: [], projectDirectory: project)
        do {
            try apply(sweepSection: settings)
        } catch {
            let messages = error.diagnostics.map(\.message).joined(separator: "; ")
            throw LauncherError("\(directory.path)/sweep.yaml: \(messages)")
        }
    }
}
