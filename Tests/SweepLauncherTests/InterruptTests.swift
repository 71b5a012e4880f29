import Foundation
import SweepLauncher
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Cancel and resume", .serialized)
struct InterruptTests {
    @Test("cancel ends every running group within the grace period; resume finishes the sweep")
    func cancelThenResume() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let directory = try sandbox.sweep(3)
        let hanging = try sandbox.trainer(
            """
            if [ "$SWEEP_CELL_INDEX" = 0 ]; then trap '' TERM; fi
            sleep 30 &
            echo $! > child.pid
            wait
            """, name: "hang.sh")
        let events = EventLog()
        let launcher = Launcher(
            directory: directory, options: sandbox.options(hanging, jobs: 2), onEvent: events.record)
        let run = Task { try await launcher.run() }
        for _ in 0..<600 where events.startedCount < 2 {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(events.startedCount == 2)
        await waitForFiles([0, 1].map { directory.cellPath(String(format: "%04d_lr=%d", $0, $0)) + "/child.pid" })
        let children = try [0, 1].map { index in
            try #require(
                Int32(try sandbox.text(directory, index, "child.pid").trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        let start = ContinuousClock.now
        await launcher.cancel()
        // Every process group is gone after the grace period (0.3 s here; the trainer of cell 0
        // and its child ignore SIGTERM, so they need the SIGKILL after it, which the statuses
        // below check): well before the children's 30 s sleep would end, with room for a machine
        // loaded by the other test suites (3.4 s was seen once in a clean-clone `make test`). The
        // final statuses are then flushed to disk, which may take longer on a busy disk.
        for child in children {
            #expect(await processIsGone(child), "cell's child must be gone")
        }
        #expect(ContinuousClock.now - start < .seconds(10))
        let result = try await run.value
        #expect(ContinuousClock.now - start < .seconds(20))
        #expect(result.wasCancelled)
        #expect(result.statuses.map(\.state) == [.cancelled, .cancelled, .pending])
        #expect(result.statuses[0].signal == SIGKILL)
        #expect(result.statuses[1].signal == SIGTERM)
        for index in 0..<2 {
            let child = try #require(
                Int32(try sandbox.text(directory, index, "child.pid").trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(await processIsGone(child), "cell \(index)'s child must be gone")
        }

        let quick = try sandbox.trainer("echo resumed", name: "quick.sh")
        let resumed = try await Launcher(
            directory: try SweepDirectory(existing: directory.path), options: sandbox.options(quick)
        ).run()
        #expect(resumed.allSucceeded)
        #expect(resumed.statuses.map(\.attempts) == [2, 2, 1])
    }

    @Test("resume runs only the cells that are not done and never touches a done cell's files")
    func resumeLeavesDoneCells() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let directory = try sandbox.sweep(3)
        let command = try sandbox.trainer(
            """
            echo "ran $SWEEP_CELL_INDEX" >> "$SWEEP_PROJECT_DIR/runs"
            if [ "$SWEEP_CELL_INDEX" = 1 ] && [ ! -e "$SWEEP_PROJECT_DIR/fixed" ]; then exit 2; fi
            echo '{"step": 1, "loss": 0.5}' > metrics.jsonl
            """)
        let first = try await Launcher(directory: directory, options: sandbox.options(command)).run()
        #expect(first.statuses.map(\.state) == [.done, .failed, .done])

        let files = ["status.json", "stdout.log", "stderr.log", "metrics.jsonl", "config.yaml"]
        func snapshot(_ index: Int) throws -> [String: (String, Date)] {
            var result: [String: (String, Date)] = [:]
            for file in files {
                let path = directory.cellPath(String(format: "%04d_lr=%d", index, index)) + "/" + file
                let attributes = try FileManager.default.attributesOfItem(atPath: path)
                result[file] = (
                    try String(contentsOfFile: path, encoding: .utf8),
                    try #require(attributes[.modificationDate] as? Date)
                )
            }
            return result
        }
        let before = try [snapshot(0), snapshot(2)]
        #expect(FileManager.default.createFile(atPath: sandbox.root + "/fixed", contents: Data()))
        try await Task.sleep(for: .milliseconds(20))
        let second = try await Launcher(
            directory: try SweepDirectory(existing: directory.path), options: sandbox.options(command)
        ).run()
        #expect(second.allSucceeded)
        #expect(second.statuses.map(\.attempts) == [1, 2, 1])
        let after = try [snapshot(0), snapshot(2)]
        for (old, new) in zip(before, after) {
            for file in files {
                #expect(old[file]?.0 == new[file]?.0, "\(file) content changed")
                #expect(old[file]?.1 == new[file]?.1, "\(file) mtime changed")
            }
        }
        let runs = try String(contentsOfFile: sandbox.root + "/runs", encoding: .utf8).split(separator: "\n").sorted()
        #expect(runs == ["ran 0", "ran 1", "ran 1", "ran 2"])
    }

    @Test("resume ends a trainer left running by a dead orchestrator before rerunning its cell")
    func resumeEndsLeftovers() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let directory = try sandbox.sweep(1)
        let record = try #require(try directory.records().first)
        let orphan = Process()
        orphan.executableURL = URL(fileURLWithPath: "/bin/sleep")
        orphan.arguments = ["30"]
        orphan.environment = ["SWEEP_RUN_DIR": directory.cellPath(record.directoryName)]
        try orphan.run()
        var status = CellStatus(index: 0, id: "id0", state: .running)
        status.pid = orphan.processIdentifier
        status.attempts = 1
        try directory.write(status: status, for: record)

        let command = try sandbox.trainer("echo rerun")
        let cancelledFirst = Launcher(directory: directory, options: sandbox.options(command))
        await cancelledFirst.cancel()
        let nothingRun = try await cancelledFirst.run()
        #expect(nothingRun.statuses[0].state == .cancelled)
        #expect(nothingRun.statuses[0].error == "the orchestrator stopped while this cell ran")
        #expect(nothingRun.statuses[0].attempts == 1)
        #expect(try directory.status(of: record) == nothingRun.statuses[0])

        let result = try await Launcher(directory: directory, options: sandbox.options(command)).run()
        #expect(result.allSucceeded)
        #expect(result.statuses[0].attempts == 2)
        #expect(result.statuses[0].error == nil)
        for _ in 0..<100 where orphan.isRunning {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(!orphan.isRunning)
        #expect(orphan.terminationReason == .uncaughtSignal)
    }

    @Test("a second orchestrator on the same sweep is refused")
    func lock() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let directory = try sandbox.sweep(1)
        let command = try sandbox.trainer("sleep 1")
        let events = EventLog()
        let first = Launcher(directory: directory, options: sandbox.options(command), onEvent: events.record)
        let run = Task { try await first.run() }
        for _ in 0..<600 where events.startedCount < 1 {
            try await Task.sleep(for: .milliseconds(10))
        }
        let second = Launcher(directory: directory, options: sandbox.options(command))
        await #expect(throws: LauncherError("sweep '\(directory.path)' is already being run by process \(getpid())")) {
            try await second.run()
        }
        #expect(try await run.value.allSucceeded)
        // The lock is released when the run ends: a later resume is accepted.
        #expect(try await second.run().allSucceeded)
    }

    @Test("SIGHUP to the orchestrator cancels; a second signal kills at once")
    func signalsCancelThenForce() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let directory = try sandbox.sweep(2)
        let command = try sandbox.trainer(
            """
            trap '' TERM
            touch ready
            while true; do sleep 0.05; done
            """)
        var options = sandbox.options(command)
        options.killGrace = .seconds(20)
        let events = EventLog()
        let launcher = Launcher(directory: directory, options: options, onEvent: events.record)
        let seen = EventLog()
        let handler = InterruptHandler.cancelling(launcher) { _, count in
            seen.record(.cancelling(running: count, force: count > 1))
        }
        defer { handler.remove() }
        let run = Task { try await launcher.run() }
        await waitForFiles([0, 1].map { directory.cellPath(String(format: "%04d_lr=%d", $0, $0)) + "/ready" })
        let start = ContinuousClock.now
        kill(getpid(), SIGHUP)
        for _ in 0..<600 where !(await launcher.isCancelled) {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(await launcher.isCancelled)
        try await Task.sleep(for: .milliseconds(200))
        kill(getpid(), SIGHUP)
        let result = try await run.value
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(result.statuses.map(\.state) == [.cancelled, .cancelled])
        #expect(result.statuses.map(\.signal) == [SIGKILL, SIGKILL])
        #expect(seen.all.count == 2)
        let cancels = events.all.compactMap { event -> Bool? in
            if case .cancelling(_, let force) = event { return force } else { return nil }
        }
        #expect(cancels == [false, true])
    }

    @Test("a stale lock left by a dead orchestrator is taken over; status shows every cell")
    func staleLockAndStatus() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let directory = try sandbox.sweep(3)
        try "999999\n".write(toFile: directory.path + "/sweep.lock", atomically: true, encoding: .utf8)
        let command = try sandbox.trainer(#"if [ "$SWEEP_CELL_INDEX" = 1 ]; then echo "bad lr" >&2; exit 4; fi"#)
        var options = sandbox.options(command)
        options.retries = 1
        let result = try await Launcher(directory: directory, options: options).run()
        #expect(result.statuses.map(\.state) == [.done, .failed, .done])
        let text = try directory.statusText()
            .replacingOccurrences(of: #"\d+\.\ds"#, with: "T", options: .regularExpression)
        #expect(
            text == """
                \(directory.path)
                3 cells: 2 done, 1 failed
                  0000_lr=0  done in T
                  0001_lr=1  failed: exit code 4 after T — bad lr (2 attempts)
                  0002_lr=2  done in T

                """)
    }
}
