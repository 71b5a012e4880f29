import SweepConfig
import SweepLauncher
import SweepYAML
import Testing

@Suite("Launcher settings from the sweep section")
struct SweepSectionTests {
    func section(_ yaml: String) throws -> ConfigNode {
        ConfigNode(yaml: try #require(try YAML.parse(yaml, file: "configs/vae.yaml")))
    }

    @Test("every launcher key is read; planner keys are left alone")
    func apply() throws {
        var options = LaunchOptions(command: ["sweep-train"], projectDirectory: "/project")
        try options.apply(
            sweepSection: try section(
                """
                command: [python3, train.py, --config, config.yaml]
                jobs: 3
                threads: 2
                gpus: "0, 1"
                timeout: 1h30m
                retries: 2
                retry_backoff: 0.5
                fail_fast: true
                kill_grace: 10
                env: {WANDB_MODE: offline, SEED: 3}
                grid: {lr: [0.1, 0.01]}
                """))
        #expect(options.command == ["python3", "train.py", "--config", "config.yaml"])
        #expect(options.jobs == 3)
        #expect(options.threadsPerCell == 2)
        #expect(options.gpus == ["0", "1"])
        #expect(options.timeout == .seconds(5400))
        #expect(options.retries == 2)
        #expect(options.retryBackoff == .milliseconds(500))
        #expect(options.failFast)
        #expect(options.killGrace == .seconds(10))
        #expect(options.environment == ["WANDB_MODE": "offline", "SEED": "3"])

        try options.apply(sweepSection: try section("command: ./train.sh --fast  --config config.yaml"))
        #expect(options.command == ["./train.sh", "--fast", "--config", "config.yaml"])
    }

    @Test("a bad value is a config error at its place, quoting its line")
    func errors() throws {
        #expect(
            try sweepSectionError("jobs: 2\ntimeout: soon") == """
                vae.yaml:2:10: error: sweep.timeout: invalid duration 'soon': expected a number with an optional unit (ms, s, m, h, d), e.g. 90s, 1h30m
                    timeout: soon
                             ^
                """)
        #expect(
            try sweepSectionError("jobs: 0") == """
                vae.yaml:1:7: error: sweep.jobs: expected a whole number ≥ 1, got '0'
                    jobs: 0
                          ^
                """)
        #expect(
            try sweepSectionError("command: []") == """
                vae.yaml:1:10: error: sweep.command: expected a non-empty command, got '[]'
                    command: []
                             ^
                """)
    }

    @Test("threads and jobs never oversubscribe the cores")
    func budget() {
        var options = LaunchOptions(command: ["x"], projectDirectory: "/project")
        options.cores = 8
        #expect(options.effectiveJobs == 8)
        #expect(options.effectiveThreads == 1)
        options.threadsPerCell = 3
        #expect(options.effectiveJobs == 2)
        #expect(options.effectiveThreads == 3)
        options.jobs = 4
        #expect(options.effectiveThreads == 2)
        options.jobs = nil
        options.threadsPerCell = nil
        options.gpus = ["0", "1"]
        #expect(options.effectiveJobs == 2)
        #expect(options.effectiveThreads == 4)
    }

    @Test("a resume reads back the options the sweep was run with")
    func resumeSettings() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        var options = LaunchOptions(command: ["/bin/sh", "train sh", "$(x)"], projectDirectory: sandbox.root)
        options.jobs = 3
        options.gpus = ["1", "3"]
        options.timeout = .milliseconds(1500)
        options.retries = 2
        options.retryBackoff = .milliseconds(250)
        options.failFast = true
        options.killGrace = .seconds(7)
        options.environment = ["B": "2", "A": "x y"]
        var manifest = SweepManifest(argv: [], configPath: "c.yaml", overrides: [], planner: ConfigNode(.null))
        manifest.launcher = options.settingsNode
        let directory = try SweepDirectory.prepare(in: sandbox.root, manifest: manifest, cells: sandbox.cells(1))

        let resumed = try LaunchOptions(resuming: try SweepDirectory(existing: directory.path))
        #expect(resumed.command == options.command)
        #expect(resumed.projectDirectory == sandbox.root)
        #expect(resumed.jobs == 3)
        #expect(resumed.threadsPerCell == nil)
        #expect(resumed.gpus == ["1", "3"])
        #expect(resumed.timeout == .milliseconds(1500))
        #expect(resumed.retries == 2)
        #expect(resumed.retryBackoff == .milliseconds(250))
        #expect(resumed.failFast)
        #expect(resumed.killGrace == .seconds(7))
        #expect(resumed.environment == ["A": "x y", "B": "2"])

        let bare = try SweepDirectory.prepare(
            in: sandbox.root + "/other",
            manifest: SweepManifest(argv: [], configPath: "c.yaml", overrides: [], planner: ConfigNode(.null)),
            cells: sandbox.cells(1))
        #expect(throws: LauncherError("\(bare.path)/sweep.yaml: no 'launcher' section to resume with")) {
            try LaunchOptions(resuming: bare)
        }
    }
}
