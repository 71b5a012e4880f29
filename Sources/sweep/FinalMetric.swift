import Foundation

/// A cell's final value of one metric, for the live progress line: `summary.json` when it has
/// the metric, else the last line of `metrics.jsonl` that has it (only the file's tail is read).
enum FinalMetric {
    static func value(_ metric: String, in cellDirectory: String) -> Double? {
        if let data = FileManager.default.contents(atPath: cellDirectory + "/summary.json"),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let number = object[metric] as? NSNumber
        {
            return number.doubleValue
        }
        guard let handle = FileHandle(forReadingAtPath: cellDirectory + "/metrics.jsonl") else { return nil }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > 65_536 ? size - 65_536 : 0)
        let tail = String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
        for line in tail.split(separator: "\n").reversed() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let number = object[metric] as? NSNumber
            else { continue }
            return number.doubleValue
        }
        return nil
    }
}
