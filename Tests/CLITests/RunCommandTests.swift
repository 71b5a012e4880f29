import Foundation
import Testing

@Suite("sweep run, status and resume (built binary)", .serialized)
struct RunCommandTests {
    /// A config folder whose trainer is a small shell script: it writes one metrics line and
    /// fails when the config's `fail` is true (until a marker file exists, for resume).
    static func makeProject() throws -> String {
        let dir = NSTemporaryDirectory() + "sweep-run-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try """
        # a tiny trainer: reads x from config.yaml, fails while fail: true and no marker exists
        x=$(sed -n 's/^x: //p' config.yaml)
        if grep -q '^fail: true' config.yaml && [ ! -e "$SWEEP_PROJECT_DIR/fixed" ]; then
            echo "boom for x=$x" >&2
            exit 3
        fi
        echo "{\\"step\\": 1, \\"loss\\": $x}" > metrics.jsonl
        """.write(toFile: dir + "/train.sh", atomically: true, encoding: .utf8)
        try """
        x: 1
        fail: false
        sweep:
          command: [/bin/sh, \(dir)/train.sh]
          project_dir: \(dir)
        """.write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    static func sweepDirectory(in outputs: String) throws -> String {
        let configs = outputs + "/config"
        let names = try FileManager.default.contentsOfDirectory(atPath: configs).sorted()
        return configs + "/" + (names.last ?? "")
    }

    @Test("runs every cell, writes the run directories, exit status 0")
    func runs() throws {
        let dir = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try CLI.run("sweep", ["run", "config.yaml", "x=1,2,3", "--outputs", "out", "-j", "2"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 cells: 3 done"))
        let sweep = try Self.sweepDirectory(in: dir + "/out")
        let cells = try String(contentsOfFile: sweep + "/cells.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(cells.count == 3)
        for (index, x) in [(0, 1), (1, 2), (2, 3)] {
            let cell = sweep + String(format: "/%04d_x=%d", index, x)
            let metrics = try String(contentsOfFile: cell + "/metrics.jsonl", encoding: .utf8)
            #expect(metrics == "{\"step\": 1, \"loss\": \(x)}\n")
            let config = try String(contentsOfFile: cell + "/config.yaml", encoding: .utf8)
            #expect(!config.contains("sweep:"))
            let status = try String(contentsOfFile: cell + "/status.json", encoding: .utf8)
            #expect(status.contains("\"state\" : \"done\""))
        }
    }

    @Test("a failing cell is data: recorded, the others run, exit 1; resume finishes it")
    func failureAndResume() throws {
        let dir = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try CLI.run("sweep", ["run", "config.yaml", "fail=false,true", "--outputs", "out"], in: dir)
        #expect(result.status == 1)
        #expect(result.stdout.contains("2 cells: 1 done, 1 failed"))
        let sweep = try Self.sweepDirectory(in: dir + "/out")
        #expect(result.stdout.contains("resume with: sweep resume \(sweep)"))
        // Overrides are rendered as Hydra renders them: booleans as True and False.
        let failed = try String(contentsOfFile: sweep + "/0001_fail=True/status.json", encoding: .utf8)
        #expect(failed.contains("\"exit_code\" : 3"))
        #expect(failed.contains("boom for x=1"))
        let doneBefore = try Data(contentsOf: URL(fileURLWithPath: sweep + "/0000_fail=False/status.json"))

        let status = try CLI.run("sweep", ["status", sweep], in: dir)
        #expect(status.stdout.contains("1 done"))
        #expect(status.stdout.contains("1 failed"))

        #expect(FileManager.default.createFile(atPath: dir + "/fixed", contents: Data()))
        let resumed = try CLI.run("sweep", ["resume", sweep], in: dir)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let doneAfter = try Data(contentsOf: URL(fileURLWithPath: sweep + "/0000_fail=False/status.json"))
        #expect(doneBefore == doneAfter)
        let fixed = try String(contentsOfFile: sweep + "/0001_fail=True/status.json", encoding: .utf8)
        #expect(fixed.contains("\"state\" : \"done\""))
    }

    @Test("a plan that does not check runs nothing, exit 2")
    func badPlan() throws {
        let dir = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try CLI.run("sweep", ["run", "config.yaml", "y=1,2", "--outputs", "out"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("there is no key 'y' in the config"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test("the plain-Python example trainer follows the protocol: a sweep of it ends with the table")
    func pythonExample() throws {
        let outputs = NSTemporaryDirectory() + "sweep-run-example-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: outputs) }
        let result = try CLI.run(
            "sweep", ["run", "examples/toy.yaml", "lr=0.01,0.1", "seed=0,1", "--outputs", outputs, "-j", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("4 cells: 4 done"))
        #expect(result.stdout.contains("* 0.1"))
        #expect(result.stdout.contains("* best: lowest test/loss"))
        let sweeps = try FileManager.default.contentsOfDirectory(atPath: outputs + "/toy")
        let sweep = outputs + "/toy/" + (sweeps.first ?? "")
        let summary = try String(contentsOfFile: sweep + "/0002_lr=0.1,seed=0/summary.json", encoding: .utf8)
        #expect(summary.contains("\"w\": 2.99") || summary.contains("\"w\": 3.00"))
        #expect(FileManager.default.fileExists(atPath: sweep + "/results.md"))
    }

    @Test("Ctrl-C mid-sweep: every trainer's group is gone, cells are cancelled, exit 130; resume finishes")
    func interrupt() throws {
        let dir = NSTemporaryDirectory() + "sweep-run-sigint-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The trainer sleeps (in a child process too) until a marker file exists.
        try """
        if [ ! -e "$SWEEP_PROJECT_DIR/fast" ]; then sleep 60 & sleep 60; fi
        echo '{"step": 1, "loss": 1}' > metrics.jsonl
        """.write(toFile: dir + "/train.sh", atomically: true, encoding: .utf8)
        try """
        x: 1
        sweep:
          command: [/bin/sh, \(dir)/train.sh]
          project_dir: \(dir)
          kill_grace: 2s
        """.write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binDirectory + "/sweep")
        process.arguments = ["run", "config.yaml", "x=1,2,3", "--outputs", "out", "-j", "2"]
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until two cells run.
        var sweep = ""
        for _ in 0..<100 {
            Thread.sleep(forTimeInterval: 0.1)
            guard let found = try? Self.sweepDirectory(in: dir + "/out") else { continue }
            sweep = found
            let running = (try? FileManager.default.contentsOfDirectory(atPath: sweep))?.filter { name in
                (try? String(contentsOfFile: sweep + "/" + name + "/status.json", encoding: .utf8))?
                    .contains("\"running\"") ?? false
            }
            if running?.count == 2 { break }
        }
        let started = Date()
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(Date().timeIntervalSince(started) < 10)
        let names = try FileManager.default.contentsOfDirectory(atPath: sweep).filter { $0.hasPrefix("000") }.sorted()
        #expect(names.count == 3)
        var pids: [Int32] = []
        for name in names {
            // A cell that never started has no status.json: it is pending.
            let status =
                (try? String(contentsOfFile: sweep + "/" + name + "/status.json", encoding: .utf8))
                ?? "\"pending\" (no status.json)"
            #expect(status.contains("\"cancelled\"") || status.contains("\"pending\""), "\(name): \(status)")
            if let range = status.range(of: "\"pid\" : "),
                let pid = Int32(status[range.upperBound...].prefix { $0.isNumber })
            {
                pids.append(pid)
            }
        }
        #expect(pids.count == 2)
        // Neither the trainers nor their groups (the background sleeps) are left (killed processes
        // may take a moment to be reaped by init).
        var alive = pids
        for _ in 0..<50 where !alive.isEmpty {
            Thread.sleep(forTimeInterval: 0.1)
            alive = alive.filter { kill(-$0, 0) == 0 || kill($0, 0) == 0 }
        }
        #expect(alive.isEmpty, "process groups still alive: \(alive)")
        #expect(FileManager.default.createFile(atPath: dir + "/fast", contents: Data()))
        let resumed = try CLI.run("sweep", ["resume", sweep], in: dir)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("3 cells: 3 done"))
    }
}
