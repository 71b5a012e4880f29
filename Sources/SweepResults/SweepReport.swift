internal import Foundation

/// The HTML report of one sweep: header, results table, learning curves, parallel coordinates,
/// the figures the cells wrote laid out by the swept keys, and the cells that did not finish.
///
/// The page is one self-contained file: no network, every picture inline (SVG, or PNG as a data
/// URI), a few lines of script that only add sorting to the table.
public struct SweepReport: Sendable {
    /// The sweep directory.
    public var directory: String
    /// Problems met reading the sweep, one line each (the page is written all the same).
    public var warnings: [String]
    /// The options.
    var options: ReportOptions
    /// The cells, in plan order.
    var cells: [Cell]
    /// Per cell (same order): status details and figure files.
    var details: [CellDetails]
    /// The results table (grouped over the repeat axis), nil when it could not be built.
    var table: ResultsTable?
    /// The sweep's metric and direction from `sweep.yaml`.
    var manifest: SweepManifest
    /// The page header.
    var header: Header
    /// The layout of the figure grid.
    var grid: FigureGrid

    /// Reads the sweep at `directory`; throws for a missing directory or an unknown grid key.
    public init(sweep directory: String, options: ReportOptions = ReportOptions()) throws(ResultsError) {
        guard FileSystem.isDirectory(directory) else {
            if FileSystem.exists(directory) {
                throw ResultsError(
                    "'\(directory)' is not a directory",
                    notes: ["help: give a sweep directory (outputs/<config>/<date>)"])
            }
            throw ResultsError(
                "no sweep directory '\(directory)'", notes: ["help: give a sweep directory (outputs/<config>/<date>)"])
        }
        try self.init(sweep: directory, read: try SweepReader().read([directory]), options: options)
    }

    /// The report of the sweep at `directory` from what was already read of it (`sweep run` reads
    /// a finished sweep once for its results files and its report).
    public init(sweep directory: String, read: SweepReader.Output, options: ReportOptions = ReportOptions())
        throws(ResultsError)
    {
        self.directory = directory
        self.options = options
        var warnings = read.warnings
        cells = read.cells
        manifest = read.manifest
        details = cells.map { CellDetails(directory: $0.directory) }
        do {
            table = try ResultsTable(
                cells: cells, manifest: read.manifest, options: ResultsOptions(), warnings: &warnings)
        } catch {
            warnings.append("warning: no results table: \(error.message)")
            table = nil
        }
        header = Header(directory: directory, cells: cells, details: details)
        grid = try FigureGrid(cells: cells, rowKey: options.rowKey, columnKey: options.columnKey)
        self.warnings = warnings
    }

    /// Writes the page to `path` (default: `report.html` in the sweep directory) atomically and
    /// returns the path written.
    @discardableResult
    public func write(to path: String? = nil) throws(ResultsError) -> String {
        let target = path ?? FileSystem.join(directory, "report.html")
        do {
            try Data(html().utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw ResultsError("cannot write \(target): \(error.localizedDescription)")
        }
        return target
    }

    /// The name of a cell's directory (its last path component).
    func cellName(_ index: Int) -> String {
        let path = cells[index].directory
        return path.split(separator: "/").last.map(String.init) ?? path
    }
}
