import Foundation

@testable import SweepResults

/// A sweep directory written into a fresh temporary folder, in the launcher's on-disk format.
struct SweepFixture {
    /// One cell to write.
    struct CellSpec {
        var overrides: [String]
        /// status.json's state; nil writes no status.json.
        var state: String? = "done"
        /// metrics.jsonl's text verbatim; nil writes no file.
        var metrics: String?
        /// summary.json's text verbatim; nil writes no file.
        var summary: String?
    }

    let path: String

    /// Writes the sweep: sweep.yaml (when given), cells.jsonl and one directory per cell.
    init(_ cells: [CellSpec], manifest: String? = nil, writeCellsFile: Bool = true) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sweep-results-\(UUID().uuidString)")
        path = root.path
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if let manifest { try Self.write(manifest, to: path + "/sweep.yaml") }
        var lines: [String] = []
        for (i, cell) in cells.enumerated() {
            let dir = String(format: "%04d", i) + "_" + cell.overrides.joined(separator: ",")
            let overrides = cell.overrides.map { "\"\($0)\"" }.joined(separator: ", ")
            lines.append("{\"index\": \(i), \"id\": \"c\(i)\", \"overrides\": [\(overrides)], \"dir\": \"\(dir)\"}")
            let cellPath = path + "/" + dir
            try FileManager.default.createDirectory(atPath: cellPath, withIntermediateDirectories: true)
            try Self.write(
                cell.overrides.map { "- \($0)" }.joined(separator: "\n") + "\n", to: cellPath + "/overrides.yaml")
            if let state = cell.state {
                try Self.write("{\"state\": \"\(state)\", \"attempts\": 1}\n", to: cellPath + "/status.json")
            }
            if let metrics = cell.metrics { try Self.write(metrics, to: cellPath + "/metrics.jsonl") }
            if let summary = cell.summary { try Self.write(summary, to: cellPath + "/summary.json") }
        }
        if writeCellsFile { try Self.write(lines.joined(separator: "\n") + "\n", to: path + "/cells.jsonl") }
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Removes the folder.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Reads the sweep and builds the table.
    func table(_ options: ResultsOptions = ResultsOptions()) throws -> (ResultsTable, [String]) {
        let output = try SweepReader().read([path])
        var warnings = output.warnings
        let table = try ResultsTable(
            cells: output.cells, manifest: output.manifest, options: options, warnings: &warnings)
        return (table, warnings.map { $0.replacing(path, with: "SWEEP") })
    }
}

/// `{"step": s, "test/acc": a, "train/loss": l}` lines.
func metricLines(_ rows: [(Int, Double, Double)]) -> String {
    rows.map { "{\"step\": \($0.0), \"test/acc\": \($0.1), \"train/loss\": \($0.2)}\n" }.joined()
}
