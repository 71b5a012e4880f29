import Collections
import Foundation
import SweepConfig
import SweepLauncher
import SweepYAML
import Testing

@Suite("Sweep directory")
struct SweepDirectoryTests {
    @Test("two sweeps started in the same second get two directories")
    func exclusiveCreation() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let time = 1_795_000_000.25
        let first = try SweepDirectory.create(in: sandbox.root + "/outputs", configName: "vae", at: time)
        let second = try SweepDirectory.create(in: sandbox.root + "/outputs", configName: "vae", at: time)
        let third = try SweepDirectory.create(in: sandbox.root + "/outputs", configName: "vae", at: time)
        #expect(first.path != second.path)
        #expect(second.path == first.path + "_1")
        #expect(third.path == first.path + "_2")
        #expect(first.path.hasPrefix(sandbox.root + "/outputs/vae/"))
        let name = (first.path as NSString).lastPathComponent
        #expect(name.range(of: #"^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}$"#, options: .regularExpression) != nil)
    }

    @Test("the manifest, the plan and every cell's files are written")
    func layout() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let directory = try sandbox.sweep(2)
        #expect(directory.path.contains("/outputs/test/"))

        let manifestText = try String(contentsOfFile: directory.path + "/sweep.yaml", encoding: .utf8)
        let manifest = try #require(try YAML.parse(manifestText, file: "sweep.yaml"))
        let node = ConfigNode(yaml: manifest)
        guard case .mapping(let mapping) = node.value else {
            Issue.record("sweep.yaml is not a mapping")
            return
        }
        #expect(
            Array(mapping.keys) == [
                "argv", "config", "config_name", "overrides", "planner", "launcher", "git", "host", "os", "swift",
                "sweep_version", "started_at",
            ])
        #expect(
            mapping["argv"]
                == ConfigNode(.sequence(["sweep", "run", "configs/test.yaml"].map { ConfigNode(.string($0)) })))
        #expect(mapping["config_name"] == ConfigNode(.string("test")))
        #expect(mapping["planner"] == ConfigNode(.mapping(["kind": ConfigNode(.string("grid"))])))

        let plan = try String(contentsOfFile: directory.path + "/cells.jsonl", encoding: .utf8)
        #expect(
            plan == """
                {"index":0,"id":"id0","overrides":["lr=0"],"dir":"0000_lr=0"}
                {"index":1,"id":"id1","overrides":["lr=1"],"dir":"0001_lr=1"}

                """)
        #expect(try directory.records().map(\.directoryName) == ["0000_lr=0", "0001_lr=1"])

        #expect(try sandbox.text(directory, 1, "config.yaml") == "lr: 1\nname: cell 1\n")
        #expect(try sandbox.text(directory, 1, "overrides.yaml") == "- lr=1\n")
        let status = try directory.status(of: try directory.records()[1])
        #expect(status.state == .pending)
        #expect(status.attempts == 0)
        #expect(status.id == "id1")
    }

    @Test("unsafe or duplicate run directory names are refused")
    func unsafeNames() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let manifest = SweepManifest(argv: [], configPath: "c.yaml", overrides: [], planner: ConfigNode(.null))
        for (name, message) in [
            ("../x", "cell 0: unsafe run directory name '../x'"),
            ("..", "cell 0: unsafe run directory name '..'"),
            ("a\nb", "cell 0: unsafe run directory name 'a\nb'"),
        ] {
            let cell = LaunchCell(index: 0, id: "a", directoryName: name, overrides: [], config: ConfigNode(.null))
            #expect(throws: LauncherError(message)) {
                try SweepDirectory.prepare(in: sandbox.root, manifest: manifest, cells: [cell])
            }
        }
        let cells = [0, 1].map {
            LaunchCell(index: $0, id: "a", directoryName: "same", overrides: [], config: ConfigNode(.null))
        }
        #expect(throws: LauncherError("cell 1: run directory name 'same' is used twice")) {
            try SweepDirectory.prepare(in: sandbox.root, manifest: manifest, cells: cells)
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/c"))
    }

    @Test("opening a directory that is not a sweep is an error")
    func notASweep() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        #expect(throws: LauncherError("'\(sandbox.root)' is not a sweep directory: it has no cells.jsonl")) {
            try SweepDirectory(existing: sandbox.root)
        }
    }
}

@Suite("Override values on disk")
struct OverrideValueTests {
    @Test("values with slashes, dots, spaces, quotes, $(…) and newlines round-trip through the cell files")
    func roundTrip() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let values = ["a/b", "../..", "two words", "it's \"quoted\"", "$(rm -rf ~)", "line\nbreak", "", "null", "1e3"]
        var mapping: OrderedDictionary<String, ConfigNode> = [:]
        for (index, value) in values.enumerated() { mapping["k\(index)"] = ConfigNode(.string(value)) }
        let cell = LaunchCell(
            index: 0, id: "weird", directoryName: "0000_weird", overrides: values.map { "name=\($0)" },
            config: ConfigNode(.mapping(mapping)))
        let manifest = SweepManifest(argv: values, configPath: "w.yaml", overrides: values, planner: ConfigNode(.null))
        let directory = try SweepDirectory.prepare(in: sandbox.root, manifest: manifest, cells: [cell])

        let overrides = try #require(try YAML.parse(contentsOf: directory.cellPath("0000_weird") + "/overrides.yaml"))
        #expect(ConfigNode(yaml: overrides) == ConfigNode(.sequence(values.map { ConfigNode(.string("name=\($0)")) })))
        let config = try #require(try YAML.parse(contentsOf: directory.cellPath("0000_weird") + "/config.yaml"))
        #expect(ConfigNode(yaml: config) == ConfigNode(.mapping(mapping)))
        #expect(try directory.records().first?.overrides == values.map { "name=\($0)" })
        let argv = try directory.manifest().child("argv")
        #expect(argv == ConfigNode(.sequence(values.map { ConfigNode(.string($0)) })))
    }
}
