import Collections
public import SweepConfig
import SweepYAML

extension Plan {
    /// The most cells `checkedCells` makes unless told otherwise (`--max-cells`).
    public static let defaultMaximumCells = 100_000

    /// Composes every cell, checks it against the trainer's schema (unless `sweep.command`
    /// names another trainer) and gives it an id; cells with the same resolved config as an
    /// earlier one are marked. Every failing cell is reported, grouped by error.
    public func checkedCells(maximumCells: Int = defaultMaximumCells) throws(ConfigError) -> [CheckedCell] {
        guard count <= maximumCells else {
            throw ConfigError(
                Diagnostic(
                    "the sweep has \(count) cells, more than the limit of \(maximumCells)",
                    notes: [
                        "help: `sweep plan --count` counts the cells without listing them",
                        "help: raise the limit with --max-cells \(count) if you mean it",
                    ]))
        }
        var parsed: [String: Override] = [:]
        var checked: [CheckedCell] = []
        checked.reserveCapacity(count)
        var firstByID: [String: Int] = [:]
        var failures = OrderedDictionary<String, (cells: [Cell], error: ConfigError)>()
        for index in 0..<count {
            let cell = cell(at: index)
            do {
                var overrides: [Override] = []
                for line in cell.overrides {
                    if let known = parsed[line] {
                        overrides.append(known)
                    } else {
                        let override = try Override.parse(line)
                        parsed[line] = override
                        overrides.append(override)
                    }
                }
                let composition = try composer.compose(overrides: overrides)
                try composition.checkComplete()
                let otherTrainer =
                    settings.command != nil || composition.config.child("sweep")?.child("command") != nil
                try TrainerSchema.check(composition.config, otherTrainer: otherTrainer)
                let id = CellID.of(composition.config)
                let first = firstByID[id]
                if first == nil { firstByID[id] = index }
                checked.append(CheckedCell(cell: cell, id: id, config: composition.config, duplicateOf: first))
            } catch {
                // Cells that fail the same way (up to the values in the message's quote) group together.
                let key = error.diagnostics.map(\.message).joined(separator: "\n")
                failures[key, default: ([], error)].cells.append(cell)
            }
        }
        if !failures.isEmpty {
            throw Self.failure(failures.values.map { ($0.cells, $0.error) }, of: count)
        }
        return checked
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
