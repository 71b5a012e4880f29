import Foundation
import SweepLauncher
import Testing

@Suite("SLURM task states, their mapping into status.json, and the batch script")
struct SlurmStateTests {
    /// Lines as `scontrol -o show job 41` prints them (cut to the fields that matter).
    static let scontrol = """
        JobId=44 ArrayJobId=41 ArrayTaskId=3-5,7%2 JobName=sweep JobState=PENDING Reason=JobArrayTaskLimit ExitCode=0:0
        JobId=42 ArrayJobId=41 ArrayTaskId=1 JobName=sweep JobState=RUNNING Reason=None ExitCode=0:0
        JobId=41 ArrayJobId=41 ArrayTaskId=0 JobName=sweep JobState=FAILED Reason=NonZeroExitCode ExitCode=3:0
        JobId=43 ArrayJobId=41 ArrayTaskId=2 JobName=sweep JobState=CANCELLED Reason=None ExitCode=0:15

        """

    @Test("scontrol's lines give one task per index, folded pending ranges unfolded")
    func parse() {
        let tasks = SlurmTask.parse(scontrol: Self.scontrol)
        #expect(tasks.map(\.index) == [3, 4, 5, 7, 1, 0, 2])
        #expect(tasks.map(\.state) == ["PENDING", "PENDING", "PENDING", "PENDING", "RUNNING", "FAILED", "CANCELLED"])
        #expect(tasks.map(\.isTerminal) == [false, false, false, false, false, true, true])
        #expect(tasks[5].exitCode == 3 && tasks[5].signal == nil)
        #expect(tasks[6].signal == 15)
        #expect(SlurmTask.indices("0-8:4") == [0, 4, 8])
    }

    static func task(_ state: String, exit: Int32 = 0, signal: Int32? = nil) -> SlurmTask {
        SlurmTask(index: 0, state: state, exitCode: exit, signal: signal)
    }

    @Test("a task that ended without a final status of its own takes SLURM's verdict")
    func mapping() {
        let pending = CellStatus(index: 0, id: "a", state: .pending)
        var running = pending
        running.state = .running
        let cases: [(SlurmTask, CellState, String)] = [
            (
                Self.task("FAILED", exit: 3), .failed,
                "the SLURM task ended FAILED (exit 3:0) without a final status of its own"
            ),
            (Self.task("CANCELLED"), .cancelled, "cancelled in SLURM (scancel)"),
            (Self.task("TIMEOUT"), .timeout, "reached its SLURM time limit (TIMEOUT)"),
            (Self.task("NODE_FAIL"), .failed, "its node failed (SLURM NODE_FAIL)"),
            (Self.task("OUT_OF_MEMORY"), .failed, "ran out of memory (SLURM OUT_OF_MEMORY)"),
            (Self.task("PREEMPTED"), .cancelled, "preempted by SLURM"),
        ]
        for (task, state, error) in cases {
            for status in [pending, running] {
                let mapped = task.reconciled(status)
                #expect(mapped?.state == state, "\(task.state)")
                #expect(mapped?.error == error)
            }
        }
        #expect(Self.task("FAILED", exit: 3).reconciled(pending)?.exitCode == 3)
        #expect(Self.task("RUNNING").reconciled(running) == nil)
    }

    @Test("a cell's own final status stands, unless SLURM killed it (time limit, memory, cancel)")
    func ownStatus() {
        var failed = CellStatus(index: 0, id: "a", state: .failed)
        failed.exitCode = 3
        #expect(Self.task("FAILED", exit: 3).reconciled(failed) == nil)
        var done = failed
        done.state = .done
        #expect(Self.task("TIMEOUT").reconciled(done) == nil)
        var cancelled = failed
        cancelled.state = .cancelled
        cancelled.exitCode = nil
        #expect(Self.task("TIMEOUT").reconciled(cancelled)?.state == .timeout)
        #expect(Self.task("CANCELLED").reconciled(cancelled) == nil)
    }

    @Test("the batch script single-quotes its paths: a path with quotes and blanks stays one word")
    func script() throws {
        let root = NSTemporaryDirectory() + "sweep 'slurm' $(x) 50% " + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "".write(toFile: root + "/cells.jsonl", atomically: true, encoding: .utf8)
        let directory = try SweepDirectory(existing: root)
        var options = SlurmOptions()
        options.partition = "gpu"
        options.cpusPerTask = 4
        options.extraArgs = ["--comment=a b"]
        let text = SlurmScript.text(sweep: "/opt/it's/sweep", directory: directory, options: options)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("#SBATCH --partition=gpu"))
        #expect(lines.contains("#SBATCH --cpus-per-task=4"))
        #expect(lines.contains("#SBATCH \"--comment=a b\""))
        // sbatch expands `%` in --output: the path's own `%` is doubled, SLURM's patterns stay.
        let escaped = root.replacingOccurrences(of: "%", with: "%%")
        #expect(lines.contains("#SBATCH \"--output=\(escaped)/slurm/logs/%A_%a.out\""))
        #expect(
            lines.last
                == "exec \(SlurmScript.quote("/opt/it's/sweep")) exec-cell \(SlurmScript.quote(root)) \"$SLURM_ARRAY_TASK_ID\""
        )
        // The shell reads each quoted path back as exactly one word.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "printf '%s\\n' " + SlurmScript.quote(root)]
        let out = Pipe()
        shell.standardOutput = out
        try shell.run()
        let echoed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(echoed == root + "\n")
    }

    @Test("a sweep path with a backslash: the script, not sbatch, opens each task's log")
    func scriptForABackslashPath() throws {
        let root = NSTemporaryDirectory() + "sweep a\\b%c 'd' " + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/slurm/logs", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "".write(toFile: root + "/cells.jsonl", atomically: true, encoding: .utf8)
        let directory = try SweepDirectory(existing: root)
        let text = SlurmScript.text(sweep: "/opt/sweep", directory: directory, options: SlurmOptions())
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("#SBATCH --output=/dev/null"))
        #expect(!lines.contains { $0.hasPrefix("#SBATCH") && $0.contains("%A") })
        // The script's redirection, run by the shell as a task would run it, writes that task's log.
        let redirect = try #require(lines.first { $0.hasPrefix("exec >") })
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", redirect + "\necho logged"]
        shell.environment = ["SLURM_ARRAY_JOB_ID": "41", "SLURM_ARRAY_TASK_ID": "3"]
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        #expect(try String(contentsOfFile: root + "/slurm/logs/41_3.out", encoding: .utf8) == "logged\n")
    }
}
