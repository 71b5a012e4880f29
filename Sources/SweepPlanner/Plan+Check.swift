import Collections
import Foundation
public import SweepConfig
import SweepYAML

extension Plan {
    /// The most cells `checkedCells` makes unless told otherwise (`--max-cells`).
    public static let defaultMaximumCells = 100_000

    /// Composes every cell, checks it against the trainer's schema (unless `sweep.command`
    /// names another trainer) and gives it an id; cells with the same resolved config as an
    /// earlier one are marked. Every failing cell is reported, grouped by error.
    ///
    /// Cells are composed on `workers` threads (default: one per core) sharing one composer
    /// and its file cache; the result is in launch order whatever the threads' timing.
    public func checkedCells(
        maximumCells: Int = defaultMaximumCells, workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws(ConfigError) -> [CheckedCell] {
        guard count <= maximumCells else {
            throw ConfigError(
                Diagnostic(
                    "the sweep has \(count) cells, more than the limit of \(maximumCells)",
                    notes: [
                        "help: `sweep plan --count` counts the cells without listing them",
                        "help: raise the limit with --max-cells \(count) if you mean it",
                    ]))
        }
        let known = knownOverrides()
        let outcomes = Outcomes(count: count)
        let chunks = max(1, min(workers, count / 64, 16))
        let plan = self
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (count * chunk / chunks)..<(count * (chunk + 1) / chunks)
            var local: [Result<CheckedCell, Failure>] = []
            local.reserveCapacity(range.count)
            for index in range {
                local.append(plan.check(plan.cell(at: index), known: known))
            }
            outcomes.store(local, at: range.lowerBound)
        }

        var checked: [CheckedCell] = []
        checked.reserveCapacity(count)
        var firstByID: [String: Int] = [:]
        var failures = OrderedDictionary<String, (cells: [Cell], error: ConfigError)>()
        for outcome in outcomes.all {
            switch outcome {
            case .success(var cell):
                if let first = firstByID[cell.id] {
                    cell.duplicateOf = first
                } else {
                    firstByID[cell.id] = cell.cell.index
                }
                checked.append(cell)
            case .failure(let failure):
                // Cells that fail the same way (up to the values quoted) group together.
                let key = failure.error.diagnostics.map(\.message).joined(separator: "\n")
                failures[key, default: ([], failure.error)].cells.append(failure.cell)
            }
        }
        if !failures.isEmpty {
            throw Self.failure(failures.values.map { ($0.cells, $0.error) }, of: count)
        }
        return checked
    }

    /// A cell that failed, with its error.
    struct Failure: Error {
        var cell: Cell
        var error: ConfigError
    }

    /// The parsed override of every line a grid can give (a random search parses per cell).
    func knownOverrides() -> [String: Override] {
        var known: [String: Override] = [:]
        for grid in grids {
            for axis in grid.axes {
                for column in axis.columns {
                    for line in column.lines where known[line] == nil {
                        if let override = try? Override.parse(line) { known[line] = override }
                    }
                }
            }
        }
        return known
    }

    /// Composes and checks one cell.
    func check(_ cell: Cell, known: [String: Override]) -> Result<CheckedCell, Failure> {
        do throws(ConfigError) {
            var overrides: [Override] = []
            overrides.reserveCapacity(cell.overrides.count)
            for line in cell.overrides {
                if let override = known[line] {
                    overrides.append(override)
                } else {
                    overrides.append(try Override.parse(line))
                }
            }
            let composition = try composer.compose(overrides: overrides)
            try composition.checkComplete()
            let otherTrainer = settings.command != nil || composition.config.child("sweep")?.child("command") != nil
            try TrainerSchema.check(composition.config, otherTrainer: otherTrainer)
            return .success(CheckedCell(cell: cell, id: CellID.of(composition.config), config: composition.config))
        } catch {
            return .failure(Failure(cell: cell, error: error))
        }
    }

    /// One error for every failing cell: a summary, then each distinct error after the cells
    /// that hit it.
    static func failure(_ groups: [(cells: [Cell], error: ConfigError)], of count: Int) -> ConfigError {
        let failing = groups.reduce(0) { $0 + $1.cells.count }
        var diagnostics = [
            Diagnostic(
                "\(failing) of \(count) \(count == 1 ? "cell fails" : "cells fail") to compose or check; nothing was run"
            )
        ]
        for group in groups {
            guard let first = group.cells.first else { continue }
            let overrides = first.overrides.joined(separator: " ")
            let header: String
            if group.cells.count == 1 {
                header = "cell \(first.index) (\(overrides)):"
            } else {
                let indexes = group.cells.prefix(10).map { String($0.index) }.joined(separator: ", ")
                let more = group.cells.count > 10 ? ", …" : ""
                header = "cells \(indexes)\(more) (\(group.cells.count) cells; the first: \(overrides)):"
            }
            diagnostics.append(Diagnostic(header))
            diagnostics += group.error.diagnostics
        }
        return ConfigError(diagnostics)
    }
}

/// The outcomes of checking cells on several threads, stored by index under a lock.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<CheckedCell, Plan.Failure>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    /// Stores the outcomes of consecutive cells from `start`.
    func store(_ outcomes: [Result<CheckedCell, Plan.Failure>], at start: Int) {
        lock.lock()
        defer { lock.unlock() }
        for (offset, outcome) in outcomes.enumerated() {
            slots[start + offset] = outcome
        }
    }

    /// Every outcome, in index order.
    var all: [Result<CheckedCell, Plan.Failure>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
