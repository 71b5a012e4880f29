import Foundation
import Testing

/// Whether a SLURM cluster answers (`make test` starts one with scripts/local-slurm.sh).
enum SlurmCluster {
    static let available: Bool = {
        guard ProcessInfo.processInfo.environment["SLURM_CONF"] != nil else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["scontrol", "ping"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 && text.contains("is UP")
    }()

    static let skipReason: Comment = """
        no SLURM cluster answers (SLURM_CONF unset or `scontrol ping` fails): run `make test`, \
        or `eval "$(scripts/local-slurm.sh start)"` first
        """
}

@Suite(
    "sweep run --launcher slurm against a real cluster (built binary)", .serialized,
    .enabled(if: SlurmCluster.available, SlurmCluster.skipReason))
struct SlurmCommandTests {
    /// A project whose trainer is a shell script: loss = 2·x; x = 13 fails with exit code 3 until
    /// the marker `fixed` exists; x ≥ 100 sleeps 30 s until the marker `fast` exists.
    static func makeProject() throws -> String {
        let dir = NSTemporaryDirectory() + "sweep-slurm-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try """
        x=$(sed -n 's/^x: //p' config.yaml)
        if [ "$x" = 13 ] && [ ! -e "$SWEEP_PROJECT_DIR/fixed" ]; then echo "boom for x=$x" >&2; exit 3; fi
        if [ "$x" -ge 100 ] && [ ! -e "$SWEEP_PROJECT_DIR/fast" ]; then sleep 30 || exit 1; fi
        echo "{\\"step\\": 1, \\"loss\\": $((x * 2))}" > metrics.jsonl
        """.write(toFile: dir + "/train.sh", atomically: true, encoding: .utf8)
        try """
        x: 1
        sweep:
          command: [/bin/sh, \(dir)/train.sh]
          project_dir: \(dir)
          kill_grace: 1s
          metric: loss
        """.write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    static func sweepDirectory(in outputs: String) throws -> String {
        let configs = outputs + "/config"
        let names = try FileManager.default.contentsOfDirectory(atPath: configs).sorted()
        return configs + "/" + (names.last ?? "")
    }

    static func status(_ sweep: String, _ cell: String) throws -> String {
        try String(contentsOfFile: sweep + "/" + cell + "/status.json", encoding: .utf8)
    }

    static func jobs(_ sweep: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: sweep + "/slurm/jobs.json"))
        return (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
    }

    /// Starts `sweep` in the background.
    static func start(_ arguments: [String], in dir: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binDirectory + "/sweep")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits (up to `seconds`) until `condition` holds.
    static func waitUntil(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return condition()
    }

    @Test("a 10-cell sweep completes as one job array and its results equal a local run's")
    func tenCells() throws {
        let dir = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let values = "x=0,1,2,3,4,5,6,7,8,9"
        let slurm = try CLI.run(
            "sweep", ["run", "config.yaml", values, "--launcher", "slurm", "--outputs", "s"], in: dir)
        #expect(slurm.status == 0, "\(slurm.stderr)")
        #expect(slurm.stdout.contains("10 cells: 10 done"))
        #expect(slurm.stderr.contains("10 of 10 cells submitted as SLURM job "))
        let local = try CLI.run("sweep", ["run", "config.yaml", values, "--outputs", "l"], in: dir)
        #expect(local.status == 0, "\(local.stderr)")
        let slurmSweep = try Self.sweepDirectory(in: dir + "/s")
        let localSweep = try Self.sweepDirectory(in: dir + "/l")
        let fromSlurm = try CLI.run("sweep", ["results", slurmSweep, "--format", "csv"], in: dir)
        let fromLocal = try CLI.run("sweep", ["results", localSweep, "--format", "csv"], in: dir)
        #expect(fromSlurm.status == 0)
        #expect(fromSlurm.stdout == fromLocal.stdout)
        #expect(fromSlurm.stdout.contains("18"))
        let jobs = try Self.jobs(slurmSweep)
        #expect(jobs.count == 1)
        #expect(jobs.first?["cells"] as? [Int] == Array(0..<10))
        let script = try String(contentsOfFile: slurmSweep + "/slurm/submit.sh", encoding: .utf8)
        #expect(script.contains(" exec-cell '\(slurmSweep)' \"$SLURM_ARRAY_TASK_ID\"\n"))
    }

    /// slurmd would take a log path holding a backslash literally (one shared log, or none when
    /// the path also holds a `%`): such a sweep's script opens each task's log itself.
    @Test("a sweep whose path holds a backslash, a '%' and a blank: every cell runs, every task has its log")
    func awkwardPath() throws {
        let dir = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let outputs = "o\\u%2 d"
        let result = try CLI.run(
            "sweep", ["run", "config.yaml", "x=1,2", "--launcher", "slurm", "--outputs", outputs], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 cells: 2 done"))
        let sweep = try Self.sweepDirectory(in: dir + "/" + outputs)
        let id = try #require(try Self.jobs(sweep).first?["id"] as? String)
        let logs = try FileManager.default.contentsOfDirectory(atPath: sweep + "/slurm/logs").sorted()
        #expect(logs == ["\(id)_0.out", "\(id)_1.out"])
        #expect(try Self.status(sweep, "0001_x=2").contains(#""state" : "done""#))
    }

    @Test("a failing cell's exit code arrives in its status; sbatch settings become #SBATCH lines")
    func failure() throws {
        let dir = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
        x: 1
        sweep:
          command: [/bin/sh, \(dir)/train.sh]
          project_dir: \(dir)
          launcher: slurm
          slurm:
            time: "10:00"
            array_parallelism: 2
            extra_args: ["--comment=it's quoted"]
        """.write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        let result = try CLI.run("sweep", ["run", "config.yaml", "x=1,13", "--outputs", "out"], in: dir)
        #expect(result.status == 1)
        #expect(result.stdout.contains("2 cells: 1 done, 1 failed"))
        let sweep = try Self.sweepDirectory(in: dir + "/out")
        let failed = try Self.status(sweep, "0001_x=13")
        #expect(failed.contains("\"state\" : \"failed\""))
        #expect(failed.contains("\"exit_code\" : 3"))
        #expect(failed.contains("boom for x=13"))
        let script = try String(contentsOfFile: sweep + "/slurm/submit.sh", encoding: .utf8)
        #expect(script.contains("#SBATCH --time=10:00\n#SBATCH \"--comment=it's quoted\"\n"))
    }

    @Test("bad sweep.launcher and sweep.slurm settings are clear errors before anything is submitted")
    func badSettings() throws {
        let dir = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func run(_ section: String) throws -> CLI.Result {
            try "x: 1\nsweep:\n  command: [/bin/sh, train.sh]\n\(section)".write(
                toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
            return try CLI.run("sweep", ["run", "bad.yaml", "--outputs", "out"], in: dir)
        }
        let key = try run("  slurm:\n    partitoin: gpu\n")
        #expect(key.status == 2)
        #expect(
            key.stderr == """
                bad.yaml:5:16: error: unknown key 'sweep.slurm.partitoin'
                        partitoin: gpu
                                   ^
                help: did you mean 'partition'?
                note: allowed keys in 'sweep.slurm': partition, time, cpus_per_task, mem, gpus, gres, account, qos, \
                constraint, array_parallelism, extra_args

                """)
        let launcher = try run("  launcher: slrum\n")
        #expect(launcher.status == 2)
        #expect(
            launcher.stderr == """
                bad.yaml:4:13: error: sweep.launcher: expected one of 'local', 'slurm', found the string 'slrum'
                      launcher: slrum
                                ^
                help: did you mean 'slurm'?

                """)
        let cpus = try run("  slurm:\n    cpus_per_task: 0\n")
        #expect(cpus.status == 2)
        #expect(
            cpus.stderr == """
                bad.yaml:5:20: error: sweep.slurm.cpus_per_task: expected a whole number ≥ 1, got '0'
                        cpus_per_task: 0
                                       ^

                """)
        let detach = try CLI.run("sweep", ["run", "config.yaml", "--detach", "--outputs", "out"], in: dir)
        #expect(detach.status == 1)
        #expect(detach.stderr == "error: --detach needs --launcher slurm: a local sweep runs inside this process\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test("--timeout ends a cell as timeout")
    func timeout() throws {
        let dir = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try CLI.run(
            "sweep", ["run", "config.yaml", "x=1,100", "--launcher", "slurm", "--timeout", "1s", "--outputs", "out"],
            in: dir)
        #expect(result.status == 1)
        #expect(result.stdout.contains("2 cells: 1 done, 1 timeout"))
        let sweep = try Self.sweepDirectory(in: dir + "/out")
        #expect(try Self.status(sweep, "0001_x=100").contains("\"state\" : \"timeout\""))
    }

    @Test("Ctrl-C cancels the array and marks cells cancelled; resume finishes")
    func interrupt() throws {
        let dir = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let process = try Self.start(
            ["run", "config.yaml", "x=100,101,102", "--launcher", "slurm", "--outputs", "out"], in: dir)
        var sweep = ""
        let running = Self.waitUntil(20) {
            guard let found = try? Self.sweepDirectory(in: dir + "/out") else { return false }
            sweep = found
            return (try? Self.status(sweep, "0000_x=100").contains("\"running\"")) ?? false
        }
        #expect(running)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        for cell in ["0000_x=100", "0001_x=101", "0002_x=102"] {
            let status = try Self.status(sweep, cell)
            #expect(status.contains("\"state\" : \"cancelled\""), "\(cell): \(status)")
        }
        #expect(FileManager.default.createFile(atPath: dir + "/fast", contents: Data()))
        let resumed = try CLI.run("sweep", ["resume", sweep], in: dir)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("3 cells: 3 done"))
        #expect(try Self.jobs(sweep).count == 2)
    }

    @Test("a job cancelled outside sweep: tasks that never started take SLURM's CANCELLED")
    func cancelledOutside() throws {
        let dir = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
        x: 1
        sweep:
          command: [/bin/sh, \(dir)/train.sh]
          project_dir: \(dir)
          kill_grace: 1s
          slurm: {array_parallelism: 1}
        """.write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        let process = try Self.start(
            ["run", "config.yaml", "x=100,101,102", "--launcher", "slurm", "--outputs", "out"], in: dir)
        var sweep = ""
        let running = Self.waitUntil(20) {
            guard let found = try? Self.sweepDirectory(in: dir + "/out") else { return false }
            sweep = found
            return (try? Self.status(sweep, "0000_x=100").contains("\"running\"")) ?? false
        }
        #expect(running)
        let job = try #require(Self.jobs(sweep).first?["id"] as? String)
        let scancel = Process()
        scancel.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        scancel.arguments = ["scancel", job]
        try scancel.run()
        scancel.waitUntilExit()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(try Self.status(sweep, "0000_x=100").contains("\"state\" : \"cancelled\""))
        for cell in ["0001_x=101", "0002_x=102"] {
            let status = try Self.status(sweep, cell)
            #expect(status.contains("\"state\" : \"cancelled\""), "\(cell): \(status)")
            #expect(status.contains("\"error\" : \"cancelled in SLURM (scancel)\""), "\(cell): \(status)")
            #expect(status.contains("\"attempts\" : 0"), "\(cell): \(status)")
        }
    }

    @Test("--detach returns after submitting; status and results read the sweep meanwhile")
    func detach() throws {
        let dir = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try CLI.run(
            "sweep", ["run", "config.yaml", "x=1,2,3", "--launcher", "slurm", "--detach", "--outputs", "out"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let sweep = try Self.sweepDirectory(in: dir + "/out")
        #expect(result.stdout.contains("submitted SLURM job "))
        #expect(result.stdout.contains("follow with: sweep status \(sweep)\n"))
        var status = ""
        let finished = Self.waitUntil(30) {
            status = (try? CLI.run("sweep", ["status", sweep], in: dir).stdout) ?? ""
            return status.contains("3 cells: 3 done")
        }
        #expect(finished, "\(status)")
        let results = try CLI.run("sweep", ["results", sweep, "--format", "csv"], in: dir)
        #expect(results.status == 0)
        #expect(results.stdout.split(separator: "\n").count == 4, "\(results.stdout)")
    }

    @Test("resume after the submitting process was killed -9 resubmits only the cells not done")
    func killedSubmitter() throws {
        let dir = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let process = try Self.start(
            ["run", "config.yaml", "x=1,2,13", "--launcher", "slurm", "--outputs", "out"], in: dir)
        var sweep = ""
        let submitted = Self.waitUntil(20) {
            guard let found = try? Self.sweepDirectory(in: dir + "/out") else { return false }
            sweep = found
            return FileManager.default.fileExists(atPath: sweep + "/slurm/jobs.json")
        }
        #expect(submitted)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // The array goes on without its submitter; `sweep status` follows it.
        var status = ""
        let ended = Self.waitUntil(30) {
            status = (try? CLI.run("sweep", ["status", sweep], in: dir).stdout) ?? ""
            return status.contains("3 cells: 2 done, 1 failed") && status.contains("(none queued or running)")
        }
        #expect(ended, "\(status)")
        let doneBefore = try Self.status(sweep, "0000_x=1")
        #expect(FileManager.default.createFile(atPath: dir + "/fixed", contents: Data()))
        let resumed = try CLI.run("sweep", ["resume", sweep], in: dir)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("3 cells: 3 done"))
        let jobs = try Self.jobs(sweep)
        #expect(jobs.count == 2)
        #expect(jobs.last?["cells"] as? [Int] == [2])
        #expect(try Self.status(sweep, "0000_x=1") == doneBefore)
    }

    /// slurmd kills a task at its time limit, one minute at the least, so this test takes about
    /// 90 s and is opt-in (`SWEEP_SLOW=1`): the cell is recorded as timed out, with SLURM's reason,
    /// and the sweep says how to resume it.
    @Test(
        "a task over sweep.slurm.time is recorded as timed out",
        .tags(.slow), .enabled(if: ProcessInfo.processInfo.environment["SWEEP_SLOW"] == "1", "slow: SWEEP_SLOW=1"))
    func timeLimit() throws {
        let dir = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "echo started; sleep 300".write(toFile: dir + "/slow.sh", atomically: true, encoding: .utf8)
        try """
        x: 1
        sweep:
          command: [/bin/sh, \(dir)/slow.sh]
          launcher: slurm
          slurm: {time: 1}
        """.write(toFile: dir + "/slow.yaml", atomically: true, encoding: .utf8)
        let result = try CLI.run("sweep", ["run", "slow.yaml", "--outputs", "out"], in: dir)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("cell 0 timed out after 1m"), "\(result.stderr)")
        #expect(result.stdout.contains("1 cells: 1 timeout"), "\(result.stdout)")
        #expect(result.stdout.contains("resume with: sweep resume "), "\(result.stdout)")
        let sweeps = try FileManager.default.contentsOfDirectory(atPath: dir + "/out/slow")
        let sweep = dir + "/out/slow/" + (sweeps.first ?? "")
        let status = try Self.status(sweep, "0000")
        #expect(status.contains(#""state" : "timeout""#), "\(status)")
        #expect(status.contains(#""error" : "reached its SLURM time limit (TIMEOUT)""#), "\(status)")
    }
}

extension Tag {
    /// Tests that take a minute or more, run only with `SWEEP_SLOW=1`.
    @Tag static var slow: Self
}
