import ArgumentParser
import SweepConfig
import SweepPlanner

extension Sweep {
    /// `sweep plan CONFIG|SWEEP.yaml [OVERRIDE...]`: the cells a sweep would run.
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the cells of a sweep: their overrides and run directories.",
            discussion: """
                The cells are those Hydra's BasicSweeper makes, in the same order: the Cartesian \
                product of every swept key (a,b,c; choice(); range(); glob(); logspace()), the last \
                key varying fastest. A sweep file under sweeps/ names the config and its sweep. \
                Every cell is composed and checked before it is listed; all failing cells are \
                reported together.
                """)

        @Argument(help: "The primary config (configs/vae.yaml) or a sweep file (sweeps/vae_beta.yaml).")
        var config: String

        @Argument(help: "Overrides and sweeps such as beta=1,10 lr=logspace(1e-4,1e-1,4).")
        var overrides: [String] = []

        @Flag(help: "Print a JSON array with one object per cell: index, id, overrides, dir.")
        var json = false

        @Flag(help: "Print only the number of cells (nothing is composed, so no limit applies).")
        var count = false

        @Option(help: "Refuse to list plans of more cells than this.")
        var maxCells = SweepPlanner.Plan.defaultMaximumCells

        func run() throws {
            let plan: SweepPlanner.Plan
            let cells: [CheckedCell]
            do {
                plan = try SweepPlanner.Plan(target: config, overrides: overrides)
                if count {
                    print(plan.count)
                    return
                }
                cells = try plan.checkedCells(maximumCells: maxCells)
            } catch {
                throw CommandFailure(error)
            }
            // The launcher's settings (`sweep.jobs`, `sweep.slurm`, …) are checked as `sweep run` reads them.
            _ = try Run.launchOptions(from: cells.map { ($0.cell.index, $0.config) })
            if json {
                print(Self.json(cells))
            } else {
                print(Self.table(cells), terminator: "")
            }
        }

        /// The JSON array of the cells.
        static func json(_ cells: [CheckedCell]) -> String {
            let items = cells.map(\.jsonObject)
            return ConfigNode(.sequence(items)).jsonText(indent: 2)
        }

        /// A table of index, overrides and run dir, then the count.
        static func table(_ cells: [CheckedCell]) -> String {
            let shown = cells.map { $0.cell.overrides.joined(separator: " ") }
            let indexWidth = max(1, String(max(0, cells.count - 1)).count)
            let overridesWidth = max("overrides".count, shown.map(\.count).max() ?? 0)
            func pad(_ text: String, _ width: Int) -> String {
                text + String(repeating: " ", count: max(0, width - text.count))
            }
            func padLeft(_ text: String, _ width: Int) -> String {
                String(repeating: " ", count: max(0, width - text.count)) + text
            }
            var out = padLeft("#", indexWidth) + "  " + pad("overrides", overridesWidth) + "  dir\n"
            for (checked, text) in zip(cells, shown) {
                var line = padLeft(String(checked.cell.index), indexWidth) + "  " + pad(text, overridesWidth) + "  "
                line += checked.cell.dir
                if let first = checked.duplicateOf { line += "  (same config as cell \(first): runs once)" }
                out += line + "\n"
            }
            let duplicates = cells.filter { $0.duplicateOf != nil }.count
            out += "\(cells.count) \(cells.count == 1 ? "cell" : "cells")"
            if duplicates > 0 {
                out += " (\(duplicates) with the config of an earlier cell, \(cells.count - duplicates) to run)"
            }
            return out + "\n"
        }
    }
}
