/// Every value of every metric one cell wrote to `metrics.jsonl`, against the progress counter
/// (`step`, else `epoch`, else the line number): what the learning curves draw.
struct MetricSeries: Sendable {
    /// The progress counter the x values are (`step`, `epoch` or `line`).
    var xName: String
    /// Per metric: the (x, value) pairs in file order.
    var points: [String: [(x: Double, y: Double)]]

    /// Reads `metrics.jsonl` in `directory` (lines that are not JSON objects are skipped; the
    /// results table has already warned about them).
    init(directory: String) {
        var lines: [[(String, Double)]] = []
        if let bytes = FileSystem.read(FileSystem.join(directory, "metrics.jsonl")) {
            bytes.withUnsafeBufferPointer { buffer in
                JSONLines.forEach(bytes) { _, range, _ in
                    var scanner = JSONScanner(buffer, start: range.lowerBound, end: range.upperBound)
                    var line: [(String, Double)] = []
                    do throws(JSONScanner.Failure) {
                        try scanner.scanNumericMembers { (name: String, value: Double) in line.append((name, value)) }
                    } catch {
                        return
                    }
                    lines.append(line)
                }
            }
        }
        let counters = ["step", "epoch"]
        xName = counters.first { name in lines.contains { $0.contains { $0.0 == name } } } ?? "line"
        points = [:]
        var x = 0.0
        for (number, line) in lines.enumerated() {
            if xName == "line" {
                x = Double(number + 1)
            } else if let counter = line.first(where: { $0.0 == xName }) {
                x = counter.1
            }
            for (name, value) in line where !ResultsOptions.counters.contains(name) {
                points[name, default: []].append((x, value))
            }
        }
    }
}
