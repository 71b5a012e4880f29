import Foundation
import Testing

@Suite("sweep-train (built binary)", .serialized)
struct TrainCommandTests {
    /// A folder with a tiny IDX data set (8×8 images, 4 classes, one lit band per class).
    static func makeData() throws -> String {
        let dir = NSTemporaryDirectory() + "sweep-train-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
        func header(_ magic: UInt32, _ dims: [UInt32]) -> [UInt8] {
            ([magic] + dims).flatMap { v in
                [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
            }
        }
        for (prefix, count) in [("train", 64), ("t10k", 32)] {
            var images = header(0x0803, [UInt32(count), 8, 8])
            var labels = header(0x0801, [UInt32(count)])
            for i in 0..<count {
                let k = i % 4
                labels.append(UInt8(k))
                for p in 0..<64 {
                    let row = p / 8
                    images.append(row / 2 == k ? UInt8(200 - (p * 7 + i) % 40) : UInt8((p * 13 + i) % 30))
                }
            }
            try Data(images).write(to: URL(fileURLWithPath: "\(dir)/data/\(prefix)-images-idx3-ubyte"))
            try Data(labels).write(to: URL(fileURLWithPath: "\(dir)/data/\(prefix)-labels-idx1-ubyte"))
        }
        return dir
    }

    @Test("trains from a YAML config and writes metrics.jsonl and summary.json")
    func trains() throws {
        let dir = try Self.makeData()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
        seed: 1
        epochs: 2
        batch_size: 16
        lr: 0.1
        log_every: 2
        figures: false
        model: {kind: linear, layers: [64, 4]}
        data: {name: idx, path: \(dir)/data}
        optim: {name: sgd, momentum: 0.9}
        """.write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        let result = try CLI.run("sweep-train", ["--config", "config.yaml"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOfFile: dir + "/metrics.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count >= 2)
        let last = try #require(
            try JSONSerialization.jsonObject(with: Data(lines[lines.count - 1].utf8)) as? [String: Any])
        #expect(last["epoch"] as? Int == 2)
        let accuracy = try #require(last["test/acc"] as? Double)
        #expect(accuracy > 0.5)
        #expect(FileManager.default.fileExists(atPath: dir + "/summary.json"))
    }

    @Test("an unknown key in the config is a located error with a did-you-mean, exit status 1")
    func unknownKey() throws {
        let dir = try Self.makeData()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "seed: 1\nepochs: 1\nbatch_size: 16\nlr: 0.1\nbetta: 2\n".write(
            toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        let result = try CLI.run("sweep-train", ["--config", "config.yaml"], in: dir)
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                config.yaml:5:8: error: unknown key 'betta'
                    betta: 2
                           ^
                help: did you mean 'beta'?
                note: allowed keys at the top level: seed, epochs, batch_size, lr, beta, log_every, model, data, optim, regularizer, figures

                """)
    }
}
