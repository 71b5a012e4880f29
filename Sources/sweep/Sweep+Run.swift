import ArgumentParser
import Foundation
import SweepConfig
import SweepLauncher
import SweepPlanner
import SweepResults
import SweepYAML

extension Sweep {
    /// `sweep run CONFIG|SWEEP.yaml [OVERRIDE...]`: plans, checks and runs a sweep on this machine.
    ///
    /// `--cells-json FILE` runs cells planned elsewhere instead: a JSON array whose elements
    /// hold `overrides` (strings) and `config` (the composed config), and optionally `index`,
    /// `id` and `dir`.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every cell of a sweep on this machine and record the results.",
            discussion: """
                Creates outputs/<config>/<date_time>/ with sweep.yaml, cells.jsonl and one run \
                directory per cell, then runs the trainer (sweep.command, default: sweep-train) in \
                each, -j at a time, without a shell. Ctrl-C stops the sweep (a second one kills at \
                once); `sweep resume DIR` finishes it. The exit status is 0 when every cell is done.
                """)

        @Argument(help: "The primary config (configs/vae.yaml) or a sweep file (sweeps/vae_beta.yaml).")
        var config: String

        @Argument(help: "Overrides and sweeps such as beta=1,10 lr=1e-3,1e-2.")
        var overrides: [String] = []

        @Option(
            name: .customLong("cells-json"), help: "Run cells planned elsewhere (a JSON array) instead of planning.")
        var cellsJSON: String?

        @Option(help: "Refuse to run plans of more cells than this.")
        var maxCells = SweepPlanner.Plan.defaultMaximumCells

        @Flag(help: "Plan and check every cell, print the plan, run nothing.")
        var dryRun = false

        @Option(name: .shortAndLong, help: "Cells run at once (default: cores ÷ threads per cell).")
        var jobs: Int?

        @Option(help: "Threads per cell (OMP_NUM_THREADS, OPENBLAS_NUM_THREADS).")
        var threads: Int?

        @Option(help: "GPU ids, one per slot, e.g. 0,1 (sets CUDA_VISIBLE_DEVICES).")
        var gpus: String?

        @Option(help: "Kill a cell's process group after this long, e.g. 90s, 1h30m.")
        var timeout: String?

        @Option(help: "Start a failed or timed-out cell again up to N times.")
        var retries: Int?

        @Flag(help: "Stop launching cells after the first failure.")
        var failFast = false

        @Option(help: "The directory that holds the sweeps.")
        var outputs = "outputs"

        @Flag(name: .shortAndLong, help: "Print only failures and the final summary.")
        var quiet = false

        @Option(help: "Where the cells run: local (this machine) or slurm (one job array).")
        var launcher: LauncherKind?

        @Flag(help: "With --launcher slurm: return after submitting; follow with `sweep status`.")
        var detach = false

        func run() async throws {
            do {
                let cells: [LaunchCell]
                var configPath = config
                var planner = ConfigNode(.null)
                if let cellsJSON {
                    cells = try Self.readCells(cellsJSON)
                } else {
                    let plan: SweepPlanner.Plan
                    let checked: [CheckedCell]
                    do {
                        plan = try SweepPlanner.Plan(target: config, overrides: overrides)
                        checked = try plan.checkedCells(maximumCells: maxCells)
                    } catch {
                        throw CommandFailure(error)
                    }
                    if dryRun {
                        // The launcher's settings are checked too: a dry run refuses what the run would.
                        _ = try Self.launchOptions(from: checked.map { ($0.cell.index, $0.config) })
                        print(Plan.table(checked), terminator: "")
                        return
                    }
                    configPath = plan.configFile
                    planner = Self.plannerNode(plan.settings)
                    cells = Self.launchCells(checked)
                    let duplicates = checked.count - cells.count
                    if duplicates > 0 {
                        FileHandle.standardError.write(
                            Data(
                                "sweep: \(duplicates) cells have the same config as an earlier one and run once\n".utf8)
                        )
                    }
                }
                var options = try Self.launchOptions(from: cells.map { ($0.index, $0.config) })
                if let jobs { options.jobs = max(1, jobs) }
                if let threads { options.threadsPerCell = max(1, threads) }
                if let gpus { options.gpus = gpus.split(separator: ",").map(String.init) }
                if let timeout { options.timeout = try DurationText.parse(timeout) }
                if let retries { options.retries = max(0, retries) }
                if failFast { options.failFast = true }
                if let launcher { options.launcher = launcher }
                if detach, options.launcher != .slurm {
                    throw LauncherError("--detach needs --launcher slurm: a local sweep runs inside this process")
                }

                var manifest = SweepManifest(
                    argv: CommandLine.arguments, configPath: configPath, overrides: overrides,
                    planner: planner)
                manifest.launcher = options.settingsNode
                await manifest.collectGit(in: options.projectDirectory)
                let directory = try SweepDirectory.prepare(in: outputs, manifest: manifest, cells: cells)
                let code = try await Self.launch(directory, options: options, quiet: quiet, detach: detach)
                if code != 0 { throw ExitCode(code) }
            } catch let error as LauncherError {
                FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
                throw ExitCode(1)
            }
        }

        /// The launcher's settings from the cells' `sweep:` sections. They are the sweep's, so every
        /// cell must give the same: a swept `sweep.threads=1,2` is refused, where it would run every
        /// cell with the first cell's value. A bad value or a difference is a config error like any
        /// other (its place, exit status 2).
        static func launchOptions(from cells: [(index: Int, config: ConfigNode)]) throws -> LaunchOptions {
            guard let first = cells.first else { return try launchOptions(from: nil) }
            let options = try launchOptions(from: first.config)
            let section = first.config.child("sweep")
            let settings = options.settingsNode
            // The sections of most sweeps are equal; only a different one is read and compared.
            for cell in cells.dropFirst() where cell.config.child("sweep") != section {
                let other = try launchOptions(from: cell.config).settingsNode
                guard case .mapping(let mine) = settings.value, case .mapping(let theirs) = other.value,
                    let key = theirs.keys.first(where: { mine[$0] != theirs[$0] })
                else { continue }
                let given = cell.config.child("sweep")?.child(key)
                let place = given ?? section?.child(key)
                func text(_ node: ConfigNode?) -> String { node.map { "'\($0)'" } ?? "unset" }
                throw CommandFailure(
                    ConfigError(
                        (place?.origin ?? .none).diagnostic(
                            "sweep.\(key) differs between cells: \(text(section?.child(key))) in cell \(first.index), "
                                + "\(text(given)) in cell \(cell.index)",
                            notes: [
                                "help: the launcher's settings (sweep.jobs, sweep.threads, sweep.timeout, …) hold for "
                                    + "the whole sweep: give one value, or run one sweep per value"
                            ])))
            }
            return options
        }

        /// The launcher's settings from one cell's `sweep:` section (the defaults where it has none).
        static func launchOptions(from config: ConfigNode?) throws -> LaunchOptions {
            var options = LaunchOptions(command: LaunchOptions.defaultCommand())
            guard let section = config?.child("sweep") else { return options }
            do {
                try options.apply(sweepSection: section)
            } catch {
                throw CommandFailure(error)
            }
            return options
        }

        /// Runs (or resumes) `directory` with progress on standard error; returns the exit status.
        static func launch(
            _ directory: SweepDirectory, options: LaunchOptions, quiet: Bool, detach: Bool = false
        ) async throws -> Int32 {
            if options.launcher == .slurm {
                return try await launchSlurm(directory, options: options, quiet: quiet, detach: detach)
            }
            let cells = try directory.cellStatuses()
            let done = cells.filter { $0.status.state == .done }.count
            var progress = LaunchProgress(total: cells.count, alreadyDone: done, jobs: options.effectiveJobs)
            if let node = try? directory.manifest() {
                let settings = SweepResults.SweepManifest(node: node)
                progress.metric = settings.metric
                progress.maximize = settings.mode == .descending
            }
            let printer = ProgressPrinter(progress: progress, quiet: quiet)
            let metric = progress.metric.map { MetricSpec($0) }
            printer.say("sweep: \(directory.path) (\(cells.count - done) of \(cells.count) cells to run)")
            let names = Dictionary((try? directory.records())?.map { ($0.index, $0.directoryName) } ?? []) { a, _ in a }
            let reader = SweepReader()
            let launcher = Launcher(directory: directory, options: options) { event in
                if let metric, case .finished(let status) = event, status.state == .done,
                    let name = names[status.index],
                    let value = reader.finalValue(of: metric, inCell: directory.cellPath(name))
                {
                    printer.note(metricValue: value)
                }
                printer.handle(event)
            }
            let interrupts = InterruptHandler.cancelling(launcher) { _, count in
                printer.say(count == 1 ? "interrupted: stopping the running cells" : "interrupted again: killing now")
            }
            let result = try await launcher.run()
            interrupts.remove()
            return finish(result, directory: directory, printer: printer)
        }

        /// Prints the summary and the results table of a finished run; returns the exit status.
        static func finish(_ result: LaunchResult, directory: SweepDirectory, printer: ProgressPrinter) -> Int32 {
            printer.finish()
            let counts = result.counts
            let summary = CellState.allCases.compactMap { state in counts[state].map { "\($0) \(state.rawValue)" } }
            print("\(result.statuses.count) cells: " + summary.joined(separator: ", "))
            if result.stoppedByFailFast { print("stopped after the first failure (--fail-fast)") }
            // The finished sweep is read once for its results files and its report.
            do {
                let read = try SweepReader().read([directory.path])
                Self.printResults(directory.path, read: read)
                Report.writeAfterRun(directory.path, read: read)
            } catch {
                FileHandle.standardError.write(Data("warning: no results table or report: \(error)\n".utf8))
            }
            if !result.allSucceeded { print("resume with: sweep resume \(directory.path)") }
            if result.wasCancelled { return 130 }
            return result.allSucceeded ? 0 : 1
        }

        /// Writes results.md and results.csv into the sweep directory and prints the table.
        static func printResults(_ path: String, read: SweepReader.Output) {
            let style = OutputStyle.forStandardOutput(
                isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
            do {
                let (table, warnings) = try ResultsFiles.write(sweep: path, read: read, style: style)
                WarningList.print(warnings, sweep: path)
                print("")
                print(table, terminator: table.hasSuffix("\n") ? "" : "\n")
            } catch {
                FileHandle.standardError.write(Data("warning: no results table: \(error)\n".utf8))
            }
        }

        /// The sweep settings the results stage reads from sweep.yaml (metric, mode, repeats).
        static func plannerNode(_ settings: SweepSettings) -> ConfigNode {
            var mapping: [(String, ConfigNode)] = []
            if let metric = settings.metric { mapping.append(("metric", ConfigNode(.string(metric)))) }
            if let mode = settings.mode { mapping.append(("mode", ConfigNode(.string(mode.rawValue)))) }
            if let repeats = settings.repeat { mapping.append(("repeat", ConfigNode(.int(repeats)))) }
            if let sampler = settings.sampler { mapping.append(("sampler", ConfigNode(.string(sampler.rawValue)))) }
            if let samples = settings.samples { mapping.append(("samples", ConfigNode(.int(samples)))) }
            if let seed = settings.seed { mapping.append(("seed", ConfigNode(.int(seed)))) }
            return ConfigNode(.mapping(.init(uniqueKeysWithValues: mapping)))
        }

        /// The cells to run: every checked cell that is not a duplicate of an earlier one, with its
        /// config as the trainer reads it (without the orchestrator's `sweep:` section).
        static func launchCells(_ checked: [CheckedCell]) -> [LaunchCell] {
            checked.filter { $0.duplicateOf == nil }.map { cell in
                LaunchCell(
                    index: cell.cell.index, id: cell.id, directoryName: cell.cell.dir, overrides: cell.cell.overrides,
                    config: cell.config)
            }
        }

        /// Reads `--cells-json`.
        static func readCells(_ path: String) throws(LauncherError) -> [LaunchCell] {
            let node: Node?
            do {
                node = try YAML.parse(contentsOf: path)
            } catch {
                throw LauncherError("cannot read cells from '\(path)': \(error)")
            }
            guard let node, case .sequence(let items) = ConfigNode(yaml: node).value else {
                throw LauncherError("\(path): expected a JSON array of cells")
            }
            var cells: [LaunchCell] = []
            for (position, item) in items.enumerated() {
                guard let config = item.child("config"), case .sequence(let list)? = item.child("overrides")?.value
                else { throw LauncherError("\(item.origin): a cell needs 'config' and 'overrides'") }
                let index: Int
                if case .int(let value)? = item.child("index")?.value { index = value } else { index = position }
                let id = item.child("id").map(\.description) ?? "cell\(index)"
                let name = item.child("dir").map(\.description) ?? String(format: "%04d", index)
                cells.append(
                    LaunchCell(
                        index: index, id: id, directoryName: name, overrides: list.map(\.description), config: config))
            }
            return cells
        }
    }
}
