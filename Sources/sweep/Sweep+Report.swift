import ArgumentParser
import Foundation
import SweepResults

extension Sweep {
    /// `sweep report SWEEP_DIR`: one self-contained HTML page with the tables, curves and figures.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one self-contained HTML page with the results, curves and figures of a sweep.",
            discussion: """
                The page (default SWEEP_DIR/report.html) needs no network: every picture is inline. It \
                shows the command, config, times, cell counts and git commit; the results table \
                (grouped as `sweep results` groups it, sortable by clicking a column); learning curves \
                per metric; a parallel-coordinates plot of the swept keys and the sweep's metric; every \
                figure the cells wrote to figures/, in a grid whose columns and rows are the two swept \
                keys with most values (or --cols/--rows), one grid per setting of the other keys; and \
                the cells that failed or have not finished, with the tail of their stderr.
                """)

        @Argument(help: "The sweep directory (outputs/<config>/<date_time>).")
        var directory: String

        @Option(name: .shortAndLong, help: "The HTML file to write (default: SWEEP_DIR/report.html).")
        var output: String?

        @Option(help: "The swept key whose values are the figure grid's rows.")
        var rows: String?

        @Option(help: "The swept key whose values are the figure grid's columns.")
        var cols: String?

        func run() throws {
            do {
                let report = try SweepReport(sweep: directory, options: ReportOptions(rowKey: rows, columnKey: cols))
                WarningList.print(report.warnings, sweep: directory)
                print(try report.write(to: output))
            } catch {
                throw CommandFailure(error)
            }
        }

        /// Writes the report at the end of `sweep run` / `sweep resume` from the sweep as read for
        /// its results; a failure is a warning.
        static func writeAfterRun(_ directory: String, read: SweepReader.Output) {
            do {
                let path = try SweepReport(sweep: directory, read: read).write()
                print("report: \(path)")
            } catch {
                FileHandle.standardError.write(Data("warning: no report: \(error.message)\n".utf8))
            }
        }
    }
}
