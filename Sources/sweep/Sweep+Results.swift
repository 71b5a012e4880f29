import ArgumentParser
import Foundation
import SweepResults

extension Sweep {
    /// `sweep results SWEEP_DIR...`: aggregated tables over cells and seeds.
    struct Results: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Aggregated results tables over the cells and seeds of one or several sweeps.",
            discussion: """
                One row per setting of the keys that vary across the cells (constant keys are listed \
                once above the table). Cells that differ only in the repeat axis (seed, or --over KEY) \
                are grouped: each metric shows mean ± sample std (n-1) and n; failed and unfinished \
                cells are counted, never averaged in. A metric's value is its final value (summary.json, \
                else the last line of metrics.jsonl) unless qualified: --metric test/elbo:max (min, max, \
                last, first, mean). Rows are ranked by --sort, or by the sweep's sweep.metric and \
                sweep.mode; the best row is marked. Problems in the files are warnings on standard \
                error, never a crash.
                """)

        @Argument(help: "Sweep directories (outputs/<config>/<date>).")
        var sweeps: [String]

        @Option(help: "Group on these keys only (comma-separated); other varying keys are averaged over.")
        var by: String?

        @Option(help: "The repeat axis averaged over (default: the sweep's, else seed).")
        var over: String?

        @Option(help: "Metric columns (repeatable or comma-separated), NAME or NAME:min|max|last|first|mean.")
        var metric: [String] = []

        @Option(
            parsing: .unconditional,
            help: "Rank rows by this metric, ascending; -METRIC or --desc for descending.")
        var sort: String?

        @Flag(help: "Rank in descending order.")
        var desc = false

        @Option(name: .customLong("where"), help: "Keep cells with KEY=VALUE (repeatable; also !=, <, <=, >, >=).")
        var conditions: [String] = []

        @Option(help: "Show only the first N rows after ranking.")
        var top: Int?

        @Option(help: "ROWKEY,COLKEY: a 2-D table of one metric (name it with --metric).")
        var pivot: String?

        @Option(help: "table, md, csv or json.")
        var format: String = "table"

        func run() throws {
            do {
                let output = try render()
                FileHandle.standardOutput.write(Data(output.utf8))
            } catch {
                throw CommandFailure(error)
            }
        }

        /// Reads the sweeps, prints warnings to standard error and returns the table text.
        func render() throws(ResultsError) -> String {
            guard let format = ResultsFormat(rawValue: format) else {
                throw ResultsError(
                    "unknown format '\(format)'", notes: ["help: expected one of table, md, csv, json"])
            }
            var options = ResultsOptions()
            for text in metric {
                for part in text.split(separator: ",") { options.metrics.append(try MetricSpec(parsing: String(part))) }
            }
            options.by = by.map { $0.split(separator: ",").map(String.init) }
            options.over = over
            if var sort {
                if sort.hasPrefix("-") {
                    sort.removeFirst()
                    options.direction = .descending
                }
                options.sort = try MetricSpec(parsing: sort)
            }
            if desc { options.direction = .descending }
            if let top, top < 1 { throw ResultsError("--top must be at least 1, got \(top)") }
            options.top = top
            for condition in conditions { options.filters.append(try Filter(parsing: condition)) }

            let read = try SweepReader().read(sweeps)
            var warnings = read.warnings
            let style = OutputStyle.forStandardOutput(
                isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
            let text: String
            if let pivot {
                let keys = pivot.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard keys.count == 2, !keys[0].isEmpty, !keys[1].isEmpty else {
                    throw ResultsError(
                        "--pivot takes ROWKEY,COLKEY, got '\(pivot)'",
                        notes: ["help: e.g. --pivot beta,lr --metric test/acc"])
                }
                let table = try PivotTable(
                    cells: read.cells, rowKey: keys[0], columnKey: keys[1], manifest: read.manifest, options: options,
                    warnings: &warnings)
                text = table.rendered(format, style: style)
            } else {
                let table = try ResultsTable(
                    cells: read.cells, manifest: read.manifest, options: options, warnings: &warnings)
                text = table.rendered(format, style: style)
            }
            if !warnings.isEmpty {
                FileHandle.standardError.write(Data((warnings.joined(separator: "\n") + "\n").utf8))
            }
            return text
        }
    }
}

extension CommandFailure {
    /// A results-stage usage error.
    init(_ error: ResultsError) {
        text = error.description
    }
}
