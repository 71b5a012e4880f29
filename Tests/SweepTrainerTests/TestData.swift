import Foundation
import SweepTrainerConfig

@testable import SweepTrainer

/// Small generated IDX data sets and run directories for the tests.
enum TestData {
    static func makeRunDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "sweep-trainer-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Removes a directory made by `makeRunDirectory` (tests leave nothing in the temp folder).
    static func remove(_ dir: String) {
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// Images of 8×8 pixels: class k lights a class-specific band plus noise. Returns the data directory.
    static func writeSet(
        in dir: String, count: Int, testCount: Int, classes: Int = 4, gzip: Bool = true, sparse: Bool = false
    ) throws -> String {
        let data = dir + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        var rng = SplitMix64(seed: 77)
        func make(_ n: Int) -> (IDXFile.Images, [UInt8]) {
            var pixels: [UInt8] = []
            var labels: [UInt8] = []
            for i in 0..<n {
                let k = i % classes
                labels.append(UInt8(k))
                for p in 0..<64 {
                    let row = p / 8
                    let on = row == 2 * k || row == 2 * k + 1
                    let base = on ? 180.0 : 20.0
                    let value = UInt8(min(255, max(0, base + 60 * (rng.unit() - 0.5))))
                    // Sparse: only the class's two rows lit (a quarter of the pixels), like a digit.
                    pixels.append(sparse && !on ? 0 : value)
                }
            }
            return (IDXFile.Images(count: n, rows: 8, columns: 8, pixels: pixels), labels)
        }
        let ext = gzip ? ".gz" : ""
        for (prefix, n) in [("train", count), ("t10k", testCount)] {
            let (images, labels) = make(n)
            try IDXFile.write(IDXFile.encode(images), to: "\(data)/\(prefix)-images-idx3-ubyte\(ext)", gzip: gzip)
            try IDXFile.write(
                IDXFile.encode(labels: labels), to: "\(data)/\(prefix)-labels-idx1-ubyte\(ext)", gzip: gzip)
        }
        return data
    }

    static func classifierConfig(dataDir: String, layers: [Int]) -> TrainerConfig {
        TrainerConfig(
            seed: 3, epochs: 3, batchSize: 16, lr: 0.01, logEvery: 5,
            model: .init(kind: layers.count == 2 ? .linear : .mlp, layers: layers),
            data: .init(name: .idx, path: dataDir), figures: false)
    }

    /// metrics.jsonl as dictionaries.
    static func metricLines(_ dir: String) throws -> [[String: Double]] {
        let text = try String(contentsOfFile: dir + "/metrics.jsonl", encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            return object.compactMapValues { ($0 as? NSNumber)?.doubleValue }
        }
    }

    /// metrics.jsonl without the time/ keys (which differ run to run).
    static func metricsWithoutTimes(_ dir: String) throws -> String {
        let text = try String(contentsOfFile: dir + "/metrics.jsonl", encoding: .utf8)
        return text.split(separator: "\n").map { line in
            line.components(separatedBy: ", ").filter { !$0.contains("\"time/") }.joined(separator: ", ")
        }.joined(separator: "\n")
    }
}
