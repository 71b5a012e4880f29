import SweepConfig
import SweepYAML

extension Plan {
    /// One override of a plan, with where it came from when it was written in a file.
    struct Entry: Sendable {
        /// The parsed override.
        var override: Override
        /// The value's place in a file (`sweep.params`), for diagnostics; nil for the command line.
        var fileOrigin: Origin?
        /// The key path in the file, such as `sweep.params.beta`.
        var path: String?

        /// An error of this override, moved to its place in the file when it came from one.
        func relocated(_ error: ConfigError) -> ConfigError {
            guard let fileOrigin, let path else { return error }
            return ConfigError(
                error.diagnostics.map { fileOrigin.diagnostic("\(path): \($0.message)", notes: $0.notes) })
        }

        /// An error about this override.
        func error(_ message: String, notes: [String] = []) -> ConfigError {
            if let fileOrigin, let path {
                return ConfigError(fileOrigin.diagnostic("\(path): \(message)", notes: notes))
            }
            return ConfigError(override.origin.diagnostic(message, notes: notes))
        }

        /// The column of lines of this override: computed for an integer `range()` (no sort,
        /// no shuffle), stored otherwise.
        func column(composer: Composer) throws(ConfigError) -> Axis.Column {
            if let sweep = override.sweep, sweep.sortOrder == nil, !sweep.shuffled,
                case .range(.int(let start), .int(let stop), .int(let step)) = sweep.kind, step != 0
            {
                // |stop − start| without overflow, when the range counts towards stop.
                let span: UInt? =
                    step > 0 && start < stop
                    ? UInt(bitPattern: stop &- start) : step < 0 && start > stop ? UInt(bitPattern: start &- stop) : nil
                if let span, case let count = (span - 1) / step.magnitude + 1, count <= UInt(Int.max) {
                    return Axis.Column(prefix: override.keyElement + "=", start: start, step: step, count: Int(count))
                }
            }
            return Axis.Column(try lines(composer: composer))
        }

        /// The override lines of every value, in order (one line for an override that is not
        /// a sweep); an empty sweep is an error that says why.
        func lines(composer: Composer) throws(ConfigError) -> [String] {
            if case .string("")? = override.value {
                throw error(
                    "'\(override.text)' has no value",
                    notes: [
                        "help: to sweep, list values such as \(override.keyElement)=1,2; for an empty string write \(override.keyElement)=''"
                    ])
            }
            var options: [String] = []
            var isGlob = false
            if let sweep = override.sweep, case .glob = sweep.kind {
                isGlob = true
                options = composer.options(ofGroup: override.key)
            }
            let lines: [String]
            do {
                lines = try override.hydraLines(groupOptions: options)
            } catch {
                throw relocated(error)
            }
            if lines.isEmpty, let sweep = override.sweep {
                if isGlob {
                    let known =
                        options.isEmpty
                        ? "'\(override.key)' is not a config group with options"
                        : "the options of '\(override.key)' are " + options.joined(separator: ", ")
                    throw error(
                        "\(sweep) matches no option, so the sweep would have no cells",
                        notes: ["help: \(known)"])
                }
                throw error("\(sweep) has no values, so the sweep would have no cells")
            }
            return lines
        }
    }
}
