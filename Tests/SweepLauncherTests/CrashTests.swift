import Foundation
import SweepLauncher
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The environment variables that turn ``CrashTests/orchestratorHost()`` into an orchestrator.
private enum Host {
    static let directory = "SWEEP_TEST_HOST_DIR"
    static let project = "SWEEP_TEST_HOST_PROJECT"
    static let script = "SWEEP_TEST_HOST_SCRIPT"
}

@Suite("Orchestrator killed with SIGKILL", .serialized)
struct CrashTests {
    /// The orchestrator of ``killedOrchestratorThenResume()``, run in a child process (this test
    /// binary executed again with a filter): runs the sweep the environment names. In the normal
    /// test run, where those variables are absent, it checks only that.
    @Test func orchestratorHost() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment[Host.directory], let project = environment[Host.project],
            let script = environment[Host.script]
        else {
            #expect(environment[Host.directory] == nil)
            return
        }
        var options = LaunchOptions(command: ["/bin/sh", script], projectDirectory: project)
        options.jobs = 2
        options.killGrace = .milliseconds(300)
        _ = try await Launcher(directory: try SweepDirectory(existing: path), options: options).run()
    }

    @Test("kill -9 of the orchestrator 20 times: resume completes, no done cell reruns, no cell runs twice at once")
    func killedOrchestratorThenResume() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let directory = try sandbox.sweep(16)
        let command = try sandbox.trainer(
            """
            exec 9>>trainer.lock
            if ! flock -n 9; then echo "concurrent $SWEEP_CELL_INDEX" >> "$SWEEP_PROJECT_DIR/violations"; fi
            echo "run $SWEEP_CELL_INDEX" >> "$SWEEP_PROJECT_DIR/runs"
            sleep 0.15
            echo "result $SWEEP_CELL_INDEX" > result.txt
            """)
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        var environment = ProcessInfo.processInfo.environment
        environment[Host.directory] = directory.path
        environment[Host.project] = sandbox.root
        environment[Host.script] = command[1]

        var doneFiles: [String: (content: String, modified: Date)] = [:]
        func checkDoneCellsUntouched() throws {
            for (record, status) in try directory.cellStatuses() where status.state == .done {
                let path = directory.statusPath(record)
                let content = try String(contentsOfFile: path, encoding: .utf8)
                let modified = try #require(
                    try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
                if let before = doneFiles[path] {
                    #expect(
                        before.content == content && before.modified == modified, "\(record.directoryName) was rerun")
                } else {
                    doneFiles[path] = (content, modified)
                }
            }
        }

        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let host = Process()
            host.executableURL = URL(fileURLWithPath: executable)
            host.arguments = ["--testing-library", "swift-testing", "--filter", "orchestratorHost"]
            host.environment = environment
            host.standardOutput = FileHandle.nullDevice
            host.standardError = FileHandle.nullDevice
            try host.run()
            try await Task.sleep(for: .milliseconds(Int.random(in: 50..<400, using: &generator)))
            kill(host.processIdentifier, SIGKILL)
            host.waitUntilExit()
            try checkDoneCellsUntouched()
        }

        let doneByKilledOrchestrators = doneFiles.count
        #expect(doneByKilledOrchestrators > 0, "the killed orchestrators made progress")

        var options = sandbox.options(command)
        options.killGrace = .milliseconds(300)
        let result = try await Launcher(directory: try SweepDirectory(existing: directory.path), options: options).run()
        #expect(result.allSucceeded)
        try checkDoneCellsUntouched()
        for index in 0..<16 {
            #expect(try sandbox.text(directory, index, "result.txt") == "result \(index)\n")
        }
        let violations = (try? String(contentsOfFile: sandbox.root + "/violations", encoding: .utf8)) ?? ""
        #expect(violations == "", "a cell ran twice at the same time")
    }
}
