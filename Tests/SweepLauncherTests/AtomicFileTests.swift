import Foundation
import SweepLauncher
import Testing

@Suite("Atomic state files")
struct AtomicFileTests {
    @Test("a write replaces the file and leaves no temporary file behind")
    func replaces() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let path = sandbox.root + "/state.json"
        try AtomicFile.write("{\"a\": 1}", to: path)
        try AtomicFile.write("{\"a\": 2}", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"a\": 2}")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.root) == ["state.json"])
    }

    @Test("a write into a missing directory is a clear error")
    func missingDirectory() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let path = sandbox.root + "/nope/state.json"
        #expect(throws: LauncherError.self) { try AtomicFile.write("x", to: path) }
        do {
            try AtomicFile.write("x", to: path)
        } catch {
            #expect(error.message.hasPrefix("cannot create '\(sandbox.root)/nope/.state.json."))
            #expect(error.message.hasSuffix(".tmp': No such file or directory"))
        }
    }

    @Test("a reader never sees a torn status.json while it is rewritten")
    func readerNeverSeesTornFile() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let directory = try sandbox.sweep(1)
        let record = try #require(try directory.records().first)
        let path = directory.statusPath(record)
        try directory.write(status: CellStatus(index: 0, id: "id0", state: .pending), for: record)
        let writer = Task.detached {
            for attempt in 1...300 {
                var status = CellStatus(index: 0, id: "id0", state: attempt % 2 == 0 ? .running : .failed)
                status.attempts = attempt
                status.stderrTail = Array(repeating: String(repeating: "x", count: attempt), count: 20)
                try directory.write(status: status, for: record)
            }
        }
        var reads = 0
        var lastAttempts = 0
        for _ in 0..<1_000_000 {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let status = try JSONDecoder().decode(CellStatus.self, from: data)
            #expect(status.attempts >= lastAttempts)
            lastAttempts = status.attempts
            reads += 1
            if status.attempts == 300 { break }
        }
        try await writer.value
        #expect(reads > 1)
    }
}
