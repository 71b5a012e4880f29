public import SweepConfig

extension LaunchOptions {
    /// Applies the launcher settings of a config's `sweep:` section: `command` (a list of
    /// arguments, or a string split at spaces — never given to a shell), `jobs`, `threads`, `gpus`
    /// (a list or `"0,1"`), `timeout` (seconds or `90s`, `1h30m`), `retries`, `retry_backoff`,
    /// `fail_fast`, `kill_grace`, `env` (a mapping). Other keys (the planner's) are left alone.
    /// A bad value is a config error at its place (file:line:col, or the override it came from).
    public mutating func apply(sweepSection section: ConfigNode) throws(ConfigError) {
        guard case .mapping(let mapping) = section.value else {
            if case .null = section.value { return }
            throw Self.invalid(section, "sweep", "a mapping")
        }
        for (key, node) in mapping {
            let path = "sweep.\(key)"
            if case .null = node.value {
                switch key {
                case "jobs": jobs = nil
                case "threads": threadsPerCell = nil
                case "timeout": timeout = nil
                default: break
                }
                continue
            }
            switch key {
            case "command":
                switch node.value {
                case .string(let text):
                    command = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                case .sequence(let items):
                    command = try items.map { item throws(ConfigError) in try Self.text(item, path) }
                default:
                    throw Self.invalid(node, path, "a list of arguments or a string")
                }
                if command.isEmpty { throw Self.invalid(node, path, "a non-empty command") }
            case "jobs": jobs = try Self.positive(node, path)
            case "threads": threadsPerCell = try Self.positive(node, path)
            case "retries":
                guard case .int(let value) = node.value, value >= 0 else {
                    throw Self.invalid(node, path, "a whole number ≥ 0")
                }
                retries = value
            case "fail_fast":
                guard case .bool(let value) = node.value else { throw Self.invalid(node, path, "true or false") }
                failFast = value
            case "timeout": timeout = try Self.duration(node, path)
            case "project_dir": projectDirectory = try Self.text(node, path)
            case "retry_backoff": retryBackoff = try Self.duration(node, path)
            case "kill_grace": killGrace = try Self.duration(node, path)
            case "gpus":
                switch node.value {
                case .string(let text):
                    gpus = text.split(separator: ",").map { String($0).trimmingWhitespace }
                case .int(let value): gpus = [String(value)]
                case .sequence(let items):
                    gpus = try items.map { item throws(ConfigError) in try Self.text(item, path) }
                default: throw Self.invalid(node, path, "a list of GPU ids or a string such as \"0,1\"")
                }
            case "launcher": launcher = try ConfigDecoder().decode(LauncherKind.self, from: node, path: path)
            case "slurm": slurm = try SlurmOptions(node: node)
            case "env":
                guard case .mapping(let variables) = node.value else { throw Self.invalid(node, path, "a mapping") }
                for (name, value) in variables {
                    environment[name] = try Self.text(value, "\(path).\(name)")
                }
            default:
                continue
            }
        }
    }

    private static func invalid(_ node: ConfigNode, _ path: String, _ expected: String) -> ConfigError {
        ConfigError(node.origin.diagnostic("\(path): expected \(expected), got '\(node)'"))
    }

    private static func text(_ node: ConfigNode, _ path: String) throws(ConfigError) -> String {
        switch node.value {
        case .string(let text): return text
        case .int, .float, .bool: return node.description
        default: throw invalid(node, path, "a string")
        }
    }

    private static func positive(_ node: ConfigNode, _ path: String) throws(ConfigError) -> Int {
        guard case .int(let value) = node.value, value > 0 else { throw invalid(node, path, "a whole number ≥ 1") }
        return value
    }

    private static func duration(_ node: ConfigNode, _ path: String) throws(ConfigError) -> Duration {
        switch node.value {
        case .int(let seconds) where seconds > 0: return .seconds(seconds)
        case .float(let seconds) where seconds > 0 && seconds.isFinite:
            return .milliseconds(Int64((seconds * 1000).rounded()))
        case .string(let text):
            do {
                return try DurationText.parse(text)
            } catch {
                throw ConfigError(node.origin.diagnostic("\(path): \(error.message)"))
            }
        default: throw invalid(node, path, "a duration such as 90, 90s or 1h30m")
        }
    }
}
