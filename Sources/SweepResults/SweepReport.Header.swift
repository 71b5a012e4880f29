internal import SweepConfig
internal import SweepLauncher
internal import SweepYAML

extension SweepReport {
    /// The page header: how the sweep was asked for, when and where it ran, how it went.
    struct Header: Sendable {
        /// The orchestrator's command line, shell-quoted.
        var command: String?
        /// The config file the sweep was composed from.
        var config: String?
        /// When the sweep started, as `sweep.yaml` records it.
        var startedAt: String?
        /// Wall-clock time from the first cell's start to the last cell's end, in seconds.
        var duration: Double?
        /// The git commit, with ` (dirty)` when the checkout had changes.
        var gitCommit: String?
        /// The host the sweep ran on.
        var host: String?
        /// Cells per state, in the order of ``CellState/allCases``.
        var counts: [(CellState, Int)]

        /// Reads `sweep.yaml` in `directory` (missing or unreadable: the fields stay empty) and
        /// counts the cells' states.
        init(directory: String, cells: [Cell], details: [CellDetails]) {
            counts = CellState.allCases.compactMap { state in
                let n = cells.count { $0.state == state }
                return n > 0 ? (state, n) : nil
            }
            let starts = details.compactMap(\.startedAt)
            let ends = details.compactMap(\.endedAt)
            if let first = starts.min(), let last = ends.max(), last >= first { duration = last - first }
            let path = FileSystem.join(directory, "sweep.yaml")
            guard FileSystem.exists(path), let root = try? YAML.parse(contentsOf: path) else { return }
            let node = ConfigNode(yaml: root)
            func string(_ key: String) -> String? {
                guard let value = node.node(atPath: key)?.value else { return nil }
                switch value {
                case .string(let s): return s.isEmpty ? nil : s
                case .int(let i): return String(i)
                case .float(let d): return String(d)
                default: return nil
                }
            }
            if case .sequence(let argv)? = node.child("argv")?.value, !argv.isEmpty {
                command = argv.enumerated().map { index, item in
                    index == 0 ? Self.programName(item.description) : Self.shellQuoted(item.description)
                }.joined(separator: " ")
            }
            config = string("config")
            startedAt = string("started_at")
            host = string("host")
            if let commit = string("git.commit") {
                var dirty = false
                if case .bool(true)? = node.node(atPath: "git.dirty")?.value { dirty = true }
                gitCommit = commit + (dirty ? " (uncommitted changes)" : "")
            }
        }

        /// `sweep` for a path to the orchestrator (`.build/release/sweep`), the text otherwise.
        static func programName(_ path: String) -> String {
            let last = path.split(separator: "/").last.map(String.init) ?? path
            return last == "sweep" ? last : shellQuoted(path)
        }

        /// `text` as a shell word: unchanged when it holds only safe characters, else in single quotes.
        static func shellQuoted(_ text: String) -> String {
            let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+=.,/:@%^")
            if !text.isEmpty, text.allSatisfy({ safe.contains($0) }) { return text }
            return "'" + text.replacing("'", with: "'\\''") + "'"
        }
    }
}
