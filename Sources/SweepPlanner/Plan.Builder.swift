import Collections
import SweepConfig
import SweepYAML

extension Plan {
    /// Turns the overrides and the `sweep:` settings into grids or random dimensions.
    struct Builder {
        let composer: Composer
        let settings: SweepSettings
        /// The merged `sweep:` node, for the places of settings in errors.
        let node: ConfigNode

        /// An error about the setting `sweep.<key>`, at its place in a file when known.
        func error(at key: String, _ message: String, notes: [String] = []) -> ConfigError {
            let origin = node.node(atPath: key)?.origin ?? .none
            return ConfigError(origin.diagnostic(message, notes: notes))
        }

        /// The error for a plan whose cell count does not fit in an integer.
        func tooMany() -> ConfigError {
            ConfigError(Diagnostic("the sweep has more cells than can be counted (more than \(Int.max))"))
        }

        /// The overrides of a `params`-like mapping: `key: "1,10"`, `key: 3` or `key: [1, 10]`.
        func entries(_ params: ConfigNode?, path: String) throws(ConfigError) -> [Entry] {
            guard let params else { return [] }
            guard case .mapping(let mapping) = params.value else {
                throw ConfigError(
                    params.origin.diagnostic(
                        "\(path): expected a mapping of keys to sweeps, such as {beta: \"1,10\"}"))
            }
            var entries: [Entry] = []
            var errors: [Diagnostic] = []
            for (key, value) in mapping {
                let keyPath = "\(path).\(key)"
                do throws(ConfigError) {
                    let text = key + "=" + (try Self.sweepText(value, path: keyPath))
                    let override: Override
                    do {
                        override = try Override.parse(text)
                    } catch {
                        throw Entry(
                            override: Override(kind: .change, key: key, value: nil, text: text, valueColumn: 1),
                            fileOrigin: value.origin, path: keyPath
                        ).relocated(error)
                    }
                    entries.append(Entry(override: override, fileOrigin: value.origin, path: keyPath))
                } catch {
                    errors += error.diagnostics
                }
            }
            if !errors.isEmpty { throw ConfigError(errors) }
            return entries
        }

        /// The override text of a param's value: a string as written, a number or boolean as
        /// Hydra renders it, a list of scalars as a choice.
        static func sweepText(_ value: ConfigNode, path: String) throws(ConfigError) -> String {
            func scalar(_ node: ConfigNode) -> String? {
                switch node.value {
                case .string(let s): return s
                case .int(let i): return String(i)
                case .float(let d): return OverrideValueText.float(d)
                case .bool(let b): return b ? "true" : "false"
                case .null: return "null"
                case .missing, .mapping, .sequence: return nil
                }
            }
            if let text = scalar(value) { return text }
            if case .sequence(let items) = value.value, !items.isEmpty {
                var parts: [String] = []
                for item in items {
                    guard let text = scalar(item) else { break }
                    parts.append(text)
                }
                if parts.count == items.count { return parts.joined(separator: ",") }
            }
            throw ConfigError(
                value.origin.diagnostic(
                    "\(path): expected a sweep such as \"1,10\", \"range(1,4)\" or a non-empty list of values"))
        }

        /// The entries in Hydra's order: by key, first position kept, later value taken.
        func ordered(_ entries: [Entry]) -> OrderedDictionary<String, Entry> {
            var ordered = OrderedDictionary<String, Entry>()
            for entry in entries { ordered[entry.override.keyElement] = entry }
            return ordered
        }

        /// The key of the entries that sets the seed, if any.
        func seedEntry(_ ordered: OrderedDictionary<String, Entry>) -> Entry? {
            ordered.values.first { $0.override.key == "seed" }
        }

        /// Checks `sweep.repeat` and returns the number of runs per point.
        func repeats(_ ordered: OrderedDictionary<String, Entry>) throws(ConfigError) -> Int? {
            guard let n = settings.repeat else { return nil }
            guard n >= 1 else { throw error(at: "repeat", "sweep.repeat must be at least 1, got \(n)") }
            if let seed = seedEntry(ordered) {
                throw error(
                    at: "repeat", "sweep.repeat sets the seeds, but '\(seed.override.text)' sets them too",
                    notes: ["help: drop one: `repeat: \(n)` is the same as seed=range(\(n))"])
            }
            return n
        }

        /// A grid search: one axis per key (zipped keys share one), then the seed axis.
        func grid(_ entries: [Entry]) throws(ConfigError) -> Grid {
            let ordered = ordered(entries)
            var columns: [String: Axis.Column] = [:]
            var errors: [Diagnostic] = []
            for (key, entry) in ordered {
                do {
                    columns[key] = try entry.column(composer: composer)
                } catch {
                    errors += error.diagnostics
                }
            }
            if !errors.isEmpty { throw ConfigError(errors) }
            let groups = try zipGroups(ordered)
            var axes: [Axis] = []
            var done: Set<String> = []
            for key in ordered.keys where !done.contains(key) {
                guard let group = groups.first(where: { $0.contains(key) }) else {
                    axes.append(Axis(keys: [key], columns: [columns[key] ?? Axis.Column([])]))
                    continue
                }
                let members = Array(ordered.keys.filter { group.contains($0) })
                let zipped = members.map { columns[$0] ?? Axis.Column([]) }
                if Set(zipped.map(\.count)).count > 1 {
                    let counts = zip(members, zipped).map { "\($0.0) has \($0.1.count)" }.joined(separator: ", ")
                    throw error(
                        at: "zip", "zipped keys must have as many values each: \(counts)",
                        notes: ["help: zipped keys move together, one value of each per cell"])
                }
                axes.append(Axis(keys: members, columns: zipped))
                done.formUnion(members)
            }
            if let n = try repeats(ordered) {
                axes.append(Axis(keys: ["seed"], columns: [Axis.Column(prefix: "seed=", start: 0, step: 1, count: n)]))
            }
            guard let grid = Grid(axes: axes) else { throw tooMany() }
            return grid
        }

        /// The zip groups that apply to these entries, as key elements.
        func zipGroups(_ ordered: OrderedDictionary<String, Entry>) throws(ConfigError) -> [Set<String>] {
            guard let zips = settings.zip else { return [] }
            var groups: [Set<String>] = []
            var used: Set<String> = []
            for names in zips {
                guard names.count >= 2 else {
                    throw error(
                        at: "zip",
                        "sweep.zip: each group needs two or more keys, got [\(names.joined(separator: ", "))]")
                }
                var group: Set<String> = []
                for name in names {
                    guard let key = ordered.keys.first(where: { $0 == name || ordered[$0]?.override.key == name })
                    else {
                        var notes: [String] = []
                        if let close = Suggestion.closest(to: name, in: Array(ordered.values.map(\.override.key))) {
                            notes.append("help: did you mean '\(close)'?")
                        }
                        throw error(at: "zip", "sweep.zip: '\(name)' is not a swept key", notes: notes)
                    }
                    guard !used.contains(key) else {
                        throw error(at: "zip", "sweep.zip: '\(name)' is in more than one zip group")
                    }
                    used.insert(key)
                    group.insert(key)
                }
                groups.append(group)
            }
            return groups
        }

        /// Settings that only a random search reads are errors in a grid search.
        func rejectRandomSettings() throws(ConfigError) {
            if settings.samples != nil {
                throw error(
                    at: "samples", "sweep.samples is the number of draws of a random search",
                    notes: ["help: add `sampler: random`, or remove `samples:` to run the whole grid"])
            }
            if settings.seed != nil {
                throw error(
                    at: "seed", "sweep.seed seeds a random search",
                    notes: [
                        "help: add `sampler: random`; to run each cell with several seeds use `repeat: N` or seed=range(N)"
                    ])
            }
        }

        /// A random search: one dimension per key, `samples` draws, each repeated.
        func random(_ entries: [Entry]) throws(ConfigError) -> ([RandomDimension], Int, Int) {
            guard let samples = settings.samples else {
                throw error(
                    at: "sampler", "a random search needs `samples:`, the number of cells to draw",
                    notes: ["help: add `samples: 20` under `sweep:`"])
            }
            guard samples >= 1 else { throw error(at: "samples", "sweep.samples must be at least 1, got \(samples)") }
            if settings.grids != nil {
                throw error(at: "grids", "sweep.grids (a union of grids) works with the grid sampler only")
            }
            if settings.zip != nil {
                throw error(at: "zip", "sweep.zip works with the grid sampler only")
            }
            let ordered = ordered(entries)
            var dimensions: [RandomDimension] = []
            var errors: [Diagnostic] = []
            for (key, entry) in ordered {
                do throws(ConfigError) {
                    if let sweep = entry.override.sweep, case .interval(let start, let end) = sweep.kind {
                        let low = start.doubleValue
                        let high = end.doubleValue
                        let log = sweep.tags.contains("log")
                        guard low.isFinite, high.isFinite, low < high else {
                            throw entry.error("\(sweep) is empty: its start must be below its end")
                        }
                        if log && low <= 0 {
                            throw entry.error(
                                "\(sweep) is log-uniform, so its start must be above 0",
                                notes: ["help: start from a small value such as 1e-6"])
                        }
                        var integer = false
                        if case .int = start, case .int = end { integer = true }
                        dimensions.append(
                            RandomDimension(key: key, draw: .interval(low: low, high: high, log: log, integer: integer))
                        )
                    } else if entry.override.isSweep {
                        dimensions.append(RandomDimension(key: key, draw: .oneOf(try entry.lines(composer: composer))))
                    } else {
                        dimensions.append(
                            RandomDimension(key: key, draw: .constant(try entry.lines(composer: composer)[0])))
                    }
                } catch {
                    errors += error.diagnostics
                }
            }
            if !errors.isEmpty { throw ConfigError(errors) }
            let repeats = try self.repeats(ordered) ?? 1
            let (count, overflow) = samples.multipliedReportingOverflow(by: repeats)
            if overflow { throw tooMany() }
            return (dimensions, repeats, count)
        }
    }
}
