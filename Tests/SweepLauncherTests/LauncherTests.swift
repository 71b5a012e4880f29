import Foundation
import SweepLauncher
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Local launcher", .serialized)
struct LauncherTests {
    @Test("every cell runs in its run directory with the trainer protocol's environment")
    func success() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let directory = try sandbox.sweep(3)
        let command = try sandbox.trainer(
            """
            echo "cwd=$(pwd)"
            echo "run=$SWEEP_RUN_DIR"
            echo "config=$SWEEP_CONFIG"
            echo "cell=$SWEEP_CELL_ID/$SWEEP_CELL_INDEX"
            echo "project=$SWEEP_PROJECT_DIR"
            echo "threads=$OMP_NUM_THREADS/$OPENBLAS_NUM_THREADS"
            echo "gpu=$CUDA_VISIBLE_DEVICES"
            head -n 1 config.yaml
            echo "to stderr" >&2
            """)
        var options = sandbox.options(command, jobs: 2)
        options.cores = 4
        options.gpus = ["0", "1"]
        let events = EventLog()
        let launcher = Launcher(directory: directory, options: options, onEvent: events.record)
        let result = try await launcher.run()

        #expect(result.allSucceeded)
        #expect(!result.wasCancelled)
        #expect(result.statuses.map(\.state) == [.done, .done, .done])
        #expect(result.statuses.map(\.attempts) == [1, 1, 1])
        #expect(result.statuses.allSatisfy { $0.exitCode == 0 && $0.signal == nil && $0.pid != nil })
        #expect(result.statuses.allSatisfy { $0.startedAt != nil && $0.endedAt != nil && $0.durationSeconds != nil })
        #expect(events.startedCount == 3)

        let cell = directory.cellPath("0001_lr=1")
        let stdout = try sandbox.text(directory, 1, "stdout.log").split(separator: "\n").map(String.init)
        #expect(
            Array(stdout.prefix(6)) == [
                "cwd=\(cell)", "run=\(cell)", "config=\(cell)/config.yaml", "cell=id1/1",
                "project=\(sandbox.root)", "threads=2/2",
            ])
        #expect(stdout[6] == "gpu=0" || stdout[6] == "gpu=1")
        #expect(stdout[7] == "lr: 1")
        #expect(try sandbox.text(directory, 1, "stderr.log") == "to stderr\n")
        let status = try directory.status(of: try directory.records()[1])
        #expect(status.state == .done)
        #expect(status.stderrTail == ["to stderr"])
    }

    @Test("a non-zero exit and a signal are recorded; the other cells go on")
    func failures() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let directory = try sandbox.sweep(3)
        let command = try sandbox.trainer(
            """
            case "$SWEEP_CELL_INDEX" in
            0) for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25; do echo "line $i" >&2; done; exit 3 ;;
            1) kill -SEGV $$ ;;
            esac
            echo fine
            """)
        let result = try await Launcher(directory: directory, options: sandbox.options(command)).run()
        #expect(!result.allSucceeded)
        #expect(result.statuses.map(\.state) == [.failed, .failed, .done])
        #expect(result.statuses[0].exitCode == 3)
        #expect(result.statuses[0].signal == nil)
        #expect(result.statuses[0].stderrTail == (6...25).map { "line \($0)" })
        #expect(result.statuses[1].exitCode == nil)
        #expect(result.statuses[1].signal == SIGSEGV)
        let onDisk = try directory.status(of: try directory.records()[0])
        #expect(onDisk == result.statuses[0])
    }

    @Test("a missing trainer command is an error before anything runs")
    func missingCommand() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let directory = try sandbox.sweep(1)
        let launcher = Launcher(directory: directory, options: sandbox.options(["no-such-trainer-xyz"]))
        await #expect(throws: LauncherError("trainer command 'no-such-trainer-xyz' not found in PATH")) {
            try await launcher.run()
        }
        let relative = Launcher(directory: directory, options: sandbox.options(["bin/train"]))
        await #expect(throws: LauncherError("trainer command '\(sandbox.root)/bin/train' is not an executable file")) {
            try await relative.run()
        }
    }

    @Test("a hanging trainer is killed at the timeout with its whole process group")
    func timeout() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let directory = try sandbox.sweep(2)
        let command = try sandbox.trainer(
            """
            if [ "$SWEEP_CELL_INDEX" = 1 ]; then echo ok; exit 0; fi
            trap '' TERM
            sleep 30 &
            echo $! > child.pid
            echo "waiting" >&2
            while true; do sleep 1; done
            """)
        var options = sandbox.options(command)
        options.timeout = .milliseconds(400)
        let start = ContinuousClock.now
        let result = try await Launcher(directory: directory, options: options).run()
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(result.statuses.map(\.state) == [.timeout, .done])
        #expect(result.statuses[0].signal == SIGKILL)
        #expect(result.statuses[0].error == "timed out after 0.4s")
        #expect(result.statuses[0].stderrTail == ["waiting"])
        let child = try #require(
            Int32(try sandbox.text(directory, 0, "child.pid").trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(await processIsGone(child), "the trainer's child must be gone")
    }

    @Test("retries with backoff until the cell succeeds, or give up after N")
    func retries() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let command = try sandbox.trainer(
            """
            n=$(cat count 2>/dev/null || echo 0)
            n=$((n + 1))
            echo $n > count
            echo "attempt $n" >&2
            [ $n -ge 3 ]
            """)
        let directory = try sandbox.sweep(1)
        var options = sandbox.options(command)
        options.retries = 2
        let events = EventLog()
        let result = try await Launcher(directory: directory, options: options, onEvent: events.record).run()
        #expect(result.statuses[0].state == .done)
        #expect(result.statuses[0].attempts == 3)
        #expect(result.statuses[0].stderrTail == ["attempt 3"])
        let retries = events.all.compactMap { event -> Duration? in
            if case .retrying(_, let delay) = event { return delay } else { return nil }
        }
        #expect(retries == [.milliseconds(10), .milliseconds(20)])
        #expect(try sandbox.text(directory, 0, "stderr.log").contains("--- sweep: attempt 3 ---\nattempt 3\n"))

        let other = try sandbox.sweep(1)
        options.retries = 1
        let failed = try await Launcher(directory: other, options: options).run()
        #expect(failed.statuses[0].state == .failed)
        #expect(failed.statuses[0].attempts == 2)
        #expect(failed.statuses[0].exitCode == 1)
    }

    @Test("fail-fast stops launching after the first failure")
    func failFast() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let directory = try sandbox.sweep(4)
        let command = try sandbox.trainer(#"[ "$SWEEP_CELL_INDEX" != 1 ]"#)
        var options = sandbox.options(command, jobs: 1)
        options.failFast = true
        let events = EventLog()
        let result = try await Launcher(directory: directory, options: options, onEvent: events.record).run()
        #expect(result.stoppedByFailFast)
        #expect(!result.allSucceeded)
        #expect(result.statuses.map(\.state) == [.done, .failed, .pending, .pending])
        #expect(events.all.contains { if case .failFast(let s) = $0 { return s.index == 1 } else { return false } })
    }

    @Test("never more than N cells run at once, each running cell on its own GPU")
    func concurrencyLimit() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let directory = try sandbox.sweep(6)
        let command = try sandbox.trainer(
            """
            echo "start $(date +%s%N) $CUDA_VISIBLE_DEVICES" >> "$SWEEP_PROJECT_DIR/trace"
            sleep 0.2
            echo "end $(date +%s%N) $CUDA_VISIBLE_DEVICES" >> "$SWEEP_PROJECT_DIR/trace"
            """)
        var options = sandbox.options(command, jobs: 2)
        options.gpus = ["0", "1"]
        let result = try await Launcher(directory: directory, options: options).run()
        #expect(result.allSucceeded)
        let trace = try String(contentsOfFile: sandbox.root + "/trace", encoding: .utf8)
        let events = trace.split(separator: "\n").compactMap { line -> (time: Int, delta: Int, gpu: String)? in
            let parts = line.split(separator: " ")
            guard parts.count == 3, let time = Int(parts[1]) else { return nil }
            return (time, parts[0] == "start" ? 1 : -1, String(parts[2]))
        }.sorted { $0.time != $1.time ? $0.time < $1.time : $0.delta < $1.delta }
        #expect(events.count == 12)
        var busy: [String] = []
        var peak = 0
        for event in events {
            if event.delta > 0 {
                #expect(!busy.contains(event.gpu), "GPU \(event.gpu) given to two running cells")
                busy.append(event.gpu)
            } else {
                busy.removeAll { $0 == event.gpu }
            }
            peak = max(peak, busy.count)
        }
        #expect(peak == 2)
        #expect(Set(events.map(\.gpu)) == ["0", "1"])
    }

    @Test("each cell is its own process group, started through the default command's neighbour lookup")
    func processGroup() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let directory = try sandbox.sweep(1)
        let command = try sandbox.trainer(
            """
            set -- $(cat /proc/$$/stat)
            echo "$1 $5"
            """)
        let result = try await Launcher(directory: directory, options: sandbox.options(command)).run()
        let pid = try #require(result.statuses[0].pid)
        #expect(try sandbox.text(directory, 0, "stdout.log") == "\(pid) \(pid)\n")
        #expect(
            LaunchOptions.defaultCommand(executable: "/opt/sweep/bin/sweep") == [
                "/opt/sweep/bin/sweep-train", "--config", "config.yaml",
            ])
    }

    @Test("arguments reach the trainer intact, never interpreted by a shell")
    func argumentsIntact() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let directory = try sandbox.sweep(1)
        let command = try sandbox.trainer(#"for a in "$@"; do printf '[%s]\n' "$a"; done"#)
        let arguments = ["a b", "$(touch pwned)", "x\ny", "'q\"", "../.."]
        let result = try await Launcher(directory: directory, options: sandbox.options(command + arguments)).run()
        #expect(result.allSucceeded)
        #expect(try sandbox.text(directory, 0, "stdout.log") == arguments.map { "[\($0)]\n" }.joined())
        #expect(!FileManager.default.fileExists(atPath: directory.cellPath("0000_lr=0") + "/pwned"))
    }

    #if os(Linux)
        static let rusageSelf = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
        static let rusageSelf = RUSAGE_SELF
    #endif

    @Test("a trainer writing 1 GB to stdout is logged to disk; memory stays bounded; status.json keeps a bounded tail")
    func floodedOutput() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let directory = try sandbox.sweep(1)
        let command = try sandbox.trainer(
            """
            head -c 1073741824 /dev/zero
            head -c 5000000 /dev/zero | tr '\\0' x >&2
            """)
        var before = rusage()
        getrusage(Self.rusageSelf, &before)
        let result = try await Launcher(directory: directory, options: sandbox.options(command)).run()
        var after = rusage()
        getrusage(Self.rusageSelf, &after)
        #expect(result.allSucceeded)
        // The peak resident size (KiB) may not grow by anything like the output's size.
        #expect(after.ru_maxrss - before.ru_maxrss < 100_000)
        let cell = directory.cellPath("0000_lr=0")
        let stdoutSize = try FileManager.default.attributesOfItem(atPath: cell + "/stdout.log")[.size] as? Int
        #expect(stdoutSize == 1_073_741_824)
        #expect(result.statuses[0].stderrTail == [String(repeating: "x", count: 400) + "…"])
    }
}
