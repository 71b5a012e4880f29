import Collections
import Foundation
import SweepConfig
import SweepLauncher
import Testing

/// A temporary project directory with tiny trainers written as shell scripts, and helpers to
/// plan a sweep of them.
struct Sandbox {
    let root: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        root = base + "/sweep-launcher-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// Writes `body` as a `/bin/sh` script and returns the launcher command running it.
    func trainer(_ body: String, name: String = "train.sh") throws -> [String] {
        let path = root + "/" + name
        try ("set -u\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return ["/bin/sh", path]
    }

    /// `count` cells with config `{lr: i, sweep: {jobs: 2}}` and one override each.
    func cells(_ count: Int) -> [LaunchCell] {
        (0..<count).map { index in
            var mapping: OrderedDictionary<String, ConfigNode> = [:]
            mapping["lr"] = ConfigNode(.int(index))
            mapping["name"] = ConfigNode(.string("cell \(index)"))
            mapping["sweep"] = ConfigNode(.mapping(["jobs": ConfigNode(.int(2))]))
            return LaunchCell(
                index: index, id: "id\(index)", directoryName: String(format: "%04d_lr=%d", index, index),
                overrides: ["lr=\(index)"], config: ConfigNode(.mapping(mapping)))
        }
    }

    /// A prepared sweep directory of `count` cells under `<root>/outputs`.
    func sweep(_ count: Int) throws -> SweepDirectory {
        let manifest = SweepManifest(
            argv: ["sweep", "run", "configs/test.yaml"], configPath: "configs/test.yaml", overrides: ["lr=0,1"],
            planner: ConfigNode(.mapping(["kind": ConfigNode(.string("grid"))])))
        return try SweepDirectory.prepare(in: root + "/outputs", manifest: manifest, cells: cells(count))
    }

    /// Options for `command` with short grace and backoff.
    func options(_ command: [String], jobs: Int = 2) -> LaunchOptions {
        var options = LaunchOptions(command: command, projectDirectory: root)
        options.jobs = jobs
        options.killGrace = .milliseconds(300)
        options.retryBackoff = .milliseconds(10)
        return options
    }

    /// Reads a file of a cell as text.
    func text(_ directory: SweepDirectory, _ index: Int, _ file: String) throws -> String {
        try String(
            contentsOfFile: directory.cellPath(String(format: "%04d_lr=%d", index, index)) + "/" + file, encoding: .utf8
        )
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

/// Collects launcher events from any task.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [LaunchEvent] = []

    func record(_ event: LaunchEvent) {
        lock.withLock { events.append(event) }
    }

    var all: [LaunchEvent] { lock.withLock { events } }

    var startedCount: Int {
        all.filter { if case .started = $0 { return true } else { return false } }.count
    }
}

/// Whether process `pid` is gone (a zombie counts as gone), waiting up to six seconds for it.
func processIsGone(_ pid: Int32) async -> Bool {
    for _ in 0..<600 {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        if let close = stat.lastIndex(of: ")"), stat[close...].dropFirst(2).first == "Z" { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return false
}

/// Waits (up to six seconds) until every path exists.
func waitForFiles(_ paths: [String]) async {
    for _ in 0..<600 where !paths.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
        try? await Task.sleep(for: .milliseconds(10))
    }
}
