internal import Collections
internal import Dispatch
internal import Foundation
internal import SweepLauncher

/// Reads the cells of one or several sweep directories in the on-disk format of the launcher.
///
/// Reading never fails on a cell: every problem (a truncated last line, a line that is not
/// JSON, an unreadable status.json…) is one warning line, and the cell is kept with what could
/// be read.
public struct SweepReader: Sendable {
    /// What was read.
    public struct Output: Sendable {
        /// Every cell, sweep by sweep, in plan order.
        public var cells: [Cell]
        /// The first sweep's manifest settings (metric, mode, repeat axis).
        public var manifest: SweepManifest
        /// One line per problem, `path[:line]: warning: message`.
        public var warnings: [String]
    }

    /// Creates a reader.
    public init() {}

    /// Reads every cell of the sweep directories; throws only when a directory does not exist.
    public func read(_ directories: [String]) throws(ResultsError) -> Output {
        var cells: [Cell] = []
        var warnings: [String] = []
        var manifest: SweepManifest?
        for directory in directories {
            guard FileSystem.isDirectory(directory) else {
                throw ResultsError("'\(directory)' is not a directory")
            }
            let m = SweepManifest.read(FileSystem.join(directory, "sweep.yaml"), warnings: &warnings)
            if manifest == nil { manifest = m }
            let planned = plannedCells(in: directory, warnings: &warnings)
            var sweepCells = readCells(planned, sweep: directory)
            for i in sweepCells.indices {
                warnings.append(contentsOf: sweepCells[i].warnings)
                sweepCells[i].warnings = []
            }
            cells.append(contentsOf: sweepCells.map(\.cell))
        }
        return Output(cells: cells, manifest: manifest ?? SweepManifest(), warnings: warnings)
    }

    /// One line of cells.jsonl.
    struct PlannedCell: Sendable {
        var index: Int
        var id: String
        var overrides: [String]
        var directory: String
    }

    /// The cells of cells.jsonl, or of the cell directories when it is missing.
    func plannedCells(in sweep: String, warnings: inout [String]) -> [PlannedCell] {
        let path = FileSystem.join(sweep, "cells.jsonl")
        guard let bytes = FileSystem.read(path) else {
            warnings.append("\(sweep): warning: no cells.jsonl; reading the cell directories instead")
            return scanCellDirectories(sweep, warnings: &warnings)
        }
        var cells: [PlannedCell] = []
        JSONLines.forEach(bytes) { lineNumber, range, isLast in
            let value: JSONValue
            do {
                value = try bytes.withUnsafeBufferPointer { buffer throws(JSONScanner.Failure) in
                    var scanner = JSONScanner(buffer, start: range.lowerBound, end: range.upperBound)
                    return try scanner.parseDocument()
                }
            } catch let failure as JSONScanner.Failure {
                warnings.append(JSONLines.warning(path, lineNumber, failure, truncated: isLast))
                return
            } catch {
                return
            }
            guard let dir = value["dir"]?.stringValue else {
                warnings.append("\(path):\(lineNumber): warning: a cell without \"dir\"; skipped")
                return
            }
            var overrides: [String] = []
            if case .array(let items)? = value["overrides"] {
                overrides = items.compactMap(\.stringValue)
            }
            cells.append(
                PlannedCell(
                    index: value["index"]?.intValue ?? cells.count, id: value["id"]?.stringValue ?? "",
                    overrides: overrides, directory: FileSystem.join(sweep, dir)))
        }
        return cells
    }

    /// Cells found as sub-directories holding status.json, metrics.jsonl or overrides.yaml.
    func scanCellDirectories(_ sweep: String, warnings: inout [String]) -> [PlannedCell] {
        var cells: [PlannedCell] = []
        for name in FileSystem.list(sweep) {
            let dir = FileSystem.join(sweep, name)
            guard FileSystem.isDirectory(dir),
                ["status.json", "metrics.jsonl", "overrides.yaml"].contains(where: {
                    FileSystem.exists(FileSystem.join(dir, $0))
                })
            else { continue }
            let overrides = OverridesFile.read(FileSystem.join(dir, "overrides.yaml"), warnings: &warnings)
            cells.append(PlannedCell(index: cells.count, id: "", overrides: overrides, directory: dir))
        }
        return cells
    }

    /// A cell and the warnings reading it gave.
    struct ReadCell: Sendable {
        var cell: Cell
        var warnings: [String]
    }

    /// Reads one cell's status.json, metrics.jsonl and summary.json.
    func readCell(_ planned: PlannedCell, sweep: String) -> ReadCell {
        var warnings: [String] = []
        var cell = Cell(
            sweep: sweep, index: planned.index, id: planned.id, directory: planned.directory,
            overrides: Self.overrideMap(planned.overrides), state: .pending)
        cell.state = readState(FileSystem.join(planned.directory, "status.json"), warnings: &warnings)
        readMetrics(FileSystem.join(planned.directory, "metrics.jsonl"), into: &cell, warnings: &warnings)
        readSummary(FileSystem.join(planned.directory, "summary.json"), into: &cell, warnings: &warnings)
        if cell.state == .done && cell.metrics.isEmpty && cell.summary.isEmpty {
            warnings.append("\(planned.directory): warning: the cell is done but wrote no metrics")
        }
        return ReadCell(cell: cell, warnings: warnings)
    }

    /// One cell's final value of a metric (summary.json, else the last line that has it), read
    /// as `sweep results` reads it; nil when the cell has no such value.
    public func finalValue(of metric: MetricSpec, inCell directory: String) -> Double? {
        let planned = PlannedCell(index: 0, id: "", overrides: [], directory: directory)
        return readCell(planned, sweep: "").cell.value(metric)
    }

    /// Reads the cells on every core; the result is in plan order.
    func readCells(_ planned: [PlannedCell], sweep: String) -> [ReadCell] {
        let workers = min(max(1, ProcessInfo.processInfo.activeProcessorCount), 8)
        guard workers > 1, planned.count >= 64 else { return planned.map { readCell($0, sweep: sweep) } }
        let results = ResultSlots<ReadCell>(count: planned.count)
        let chunk = (planned.count + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = (worker * chunk)..<min(planned.count, (worker + 1) * chunk)
            for i in range { results.set(i, readCell(planned[i], sweep: sweep)) }
        }
        return results.values(or: { readCell(planned[$0], sweep: sweep) })
    }

    /// Override strings as key → value (`+`/`++` dropped; deletions `~k` skipped).
    static func overrideMap(_ overrides: [String]) -> OrderedDictionary<String, String> {
        var map: OrderedDictionary<String, String> = [:]
        for text in overrides {
            guard let eq = text.firstIndex(of: "=") else { continue }
            var key = Substring(text[..<eq])
            while key.first == "+" { key = key.dropFirst() }
            if key.first == "~" || key.isEmpty { continue }
            map[String(key)] = String(text[text.index(after: eq)...])
        }
        return map
    }

    private func readState(_ path: String, warnings: inout [String]) -> CellState {
        guard let bytes = FileSystem.read(path) else { return .pending }
        let value: JSONValue
        do {
            value = try bytes.withUnsafeBufferPointer { buffer throws(JSONScanner.Failure) in
                var scanner = JSONScanner(buffer, start: 0, end: buffer.count - 1)
                return try scanner.parseDocument()
            }
        } catch {
            warnings.append("\(path): warning: not JSON (\(error.message)); state taken as pending")
            return .pending
        }
        guard let text = value["state"]?.stringValue else {
            warnings.append("\(path): warning: no \"state\"; taken as pending")
            return .pending
        }
        guard let state = CellState(rawValue: text) else {
            warnings.append("\(path): warning: unknown state '\(text)'; taken as failed")
            return .failed
        }
        return state
    }

    private func readMetrics(_ path: String, into cell: inout Cell, warnings: inout [String]) {
        guard let bytes = FileSystem.read(path) else { return }
        var table = MetricTable()
        // One line's (slot, value) pairs, applied only when the whole line parsed.
        var line: [(Int, Double)] = []
        line.reserveCapacity(16)
        bytes.withUnsafeBufferPointer { buffer in
            JSONLines.forEach(bytes) { lineNumber, range, isLast in
                var scanner = JSONScanner(buffer, start: range.lowerBound, end: range.upperBound)
                line.removeAll(keepingCapacity: true)
                do throws(JSONScanner.Failure) {
                    try scanner.scanNumericMembers { (key: JSONScanner.Key, value: Double) in
                        line.append((table.slot(key, in: buffer, hint: line.count), value))
                    }
                } catch {
                    warnings.append(JSONLines.warning(path, lineNumber, error, truncated: isLast))
                    return
                }
                for (slot, value) in line { table.add(value, to: slot) }
            }
        }
        var metrics: [String: MetricStats] = [:]
        metrics.reserveCapacity(table.names.count)
        var order: [String] = []
        for (name, stats) in zip(table.names, table.stats) where stats.count > 0 {
            metrics[name] = stats
            order.append(name)
        }
        cell.metrics = metrics
        cell.metricOrder = order
    }

    private func readSummary(_ path: String, into cell: inout Cell, warnings: inout [String]) {
        guard let bytes = FileSystem.read(path) else { return }
        var summary: [String: Double] = [:]
        var order: [String] = []
        do {
            try bytes.withUnsafeBufferPointer { buffer throws(JSONScanner.Failure) in
                var scanner = JSONScanner(buffer, start: 0, end: buffer.count - 1)
                try scanner.scanNumericMembers { name, value in
                    if summary.updateValue(value, forKey: name) == nil { order.append(name) }
                }
            }
        } catch {
            warnings.append("\(path): warning: not JSON (\(error.message)); ignored")
            return
        }
        cell.summary = summary
        for name in order where cell.metrics[name] == nil { cell.metricOrder.append(name) }
    }
}
