import Foundation
import Testing

@Suite("sweep results (built binary)", .serialized)
struct ResultsCommandTests {
    /// A two-cell sweep (lr ∈ {0.1, 0.01}, seed ∈ {0, 1}) with one truncated metrics line.
    static func makeSweep() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sweep-results-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        func write(_ text: String, _ path: String) throws {
            try Data(text.utf8).write(to: root.appendingPathComponent(path))
        }
        try write("sweep:\n  metric: acc\n  mode: max\n", "sweep.yaml")
        var plan = ""
        let accs = [0.5, 0.7, 0.8, 0.9]
        for (i, (lr, seed)) in [("0.1", 0), ("0.1", 1), ("0.01", 0), ("0.01", 1)].enumerated() {
            let dir = "000\(i)_lr=\(lr),seed=\(seed)"
            plan +=
                "{\"index\": \(i), \"id\": \"c\(i)\", \"overrides\": [\"lr=\(lr)\", \"seed=\(seed)\"], \"dir\": \"\(dir)\"}\n"
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(dir), withIntermediateDirectories: true)
            try write("{\"state\": \"done\"}", dir + "/status.json")
            try write(
                "{\"step\": 1, \"acc\": \(accs[i])}\n" + (i == 3 ? "{\"step\": 2, \"ac" : ""), dir + "/metrics.jsonl")
        }
        try write(plan, "cells.jsonl")
        return root.path
    }

    @Test("the default view: grouped over seeds, ranked by sweep.metric, warning on stderr")
    func defaultView() throws {
        let sweep = try Self.makeSweep()
        defer { try? FileManager.default.removeItem(atPath: sweep) }
        let result = try CLI.run("sweep", ["results", sweep])
        #expect(result.status == 0)
        #expect(
            result.stderr.replacing(sweep, with: "SWEEP")
                == "SWEEP/0003_lr=0.01,seed=1/metrics.jsonl:2: warning: truncated last line (no newline: unterminated string); ignored\n"
        )
        #expect(
            result.stdout == """
                mean and sample std (n-1) over: seed

                  lr              acc  n
                  ----  -------------  -
                * 0.01  0.85 +- 0.071  2
                  0.1     0.6 +- 0.14  2

                * best: highest acc

                """)
    }

    @Test("--pivot, --format csv and --sort with a leading minus")
    func options() throws {
        let sweep = try Self.makeSweep()
        defer { try? FileManager.default.removeItem(atPath: sweep) }
        let pivot = try CLI.run(
            "sweep", ["results", sweep, "--pivot", "lr,seed", "--metric", "acc", "--format", "csv"])
        #expect(pivot.status == 0)
        #expect(pivot.stdout == "lr,0,1\n0.01,0.8,0.9\n0.1,0.5,0.7\n")
        let sorted = try CLI.run("sweep", ["results", sweep, "--sort", "-acc", "--by", "seed", "--format", "md"])
        #expect(sorted.status == 0)
        #expect(sorted.stdout.contains("| ★ | 1 | 0.8 ± 0.14 | 2 |"))
    }

    @Test("bad options exit with status 2 and a diagnostic")
    func errors() throws {
        let sweep = try Self.makeSweep()
        defer { try? FileManager.default.removeItem(atPath: sweep) }
        let badMetric = try CLI.run("sweep", ["results", sweep, "--sort", "acc:median"])
        #expect(badMetric.status == 2)
        #expect(
            badMetric.stderr
                == "error: unknown reduction 'median' in metric 'acc:median'\nhelp: expected one of min, max, last, first, mean\n"
        )
        let badFormat = try CLI.run("sweep", ["results", sweep, "--format", "xml"])
        #expect(badFormat.status == 2)
        #expect(badFormat.stderr == "error: unknown format 'xml'\nhelp: expected one of table, md, csv, json\n")
        let missing = try CLI.run("sweep", ["results", "/nonexistent/sweep"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: '/nonexistent/sweep' is not a directory\n")
    }
}
