internal import Foundation

/// The files `sweep run` leaves in a sweep directory when it ends: `results.md` and `results.csv`.
public enum ResultsFiles {
    /// Reads the sweep at `directory` with default options, writes `results.md` and `results.csv`
    /// into it (each atomically: temporary file, then rename) and returns the plain terminal table
    /// and the warnings, for the caller to print.
    public static func write(
        sweep directory: String, options: ResultsOptions = ResultsOptions(), style: OutputStyle = .plain
    ) throws(ResultsError) -> (table: String, warnings: [String]) {
        try write(sweep: directory, read: try SweepReader().read([directory]), options: options, style: style)
    }

    /// The same from what was already read of the sweep (`sweep run` reads it once for its results
    /// files and its report).
    public static func write(
        sweep directory: String, read: SweepReader.Output, options: ResultsOptions = ResultsOptions(),
        style: OutputStyle = .plain
    ) throws(ResultsError) -> (table: String, warnings: [String]) {
        var warnings = read.warnings
        let table = try ResultsTable(cells: read.cells, manifest: read.manifest, options: options, warnings: &warnings)
        for (name, text) in [("results.md", table.markdown()), ("results.csv", table.csv())] {
            let path = FileSystem.join(directory, name)
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw ResultsError("cannot write \(path): \(error.localizedDescription)")
            }
        }
        return (table.text(style: style), warnings)
    }
}
