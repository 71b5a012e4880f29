import Foundation
import Testing

@Suite("sweep exec-cell: one cell through the local launcher's code (built binary)", .serialized)
struct ExecCellCommandTests {
    @Test("runs one cell that is not done, leaves done cells alone, exits with the cell's outcome")
    func runsOneCell() throws {
        let dir = try RunCommandTests.makeProject()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try CLI.run("sweep", ["run", "config.yaml", "fail=false,true", "--outputs", "out"], in: dir)
        #expect(first.status == 1)
        let sweep = try RunCommandTests.sweepDirectory(in: dir + "/out")
        let done = try String(contentsOfFile: sweep + "/0000_fail=False/status.json", encoding: .utf8)

        let failing = try CLI.run("sweep", ["exec-cell", sweep, "1"], in: dir)
        #expect(failing.status == 3)
        let failed = try String(contentsOfFile: sweep + "/0001_fail=True/status.json", encoding: .utf8)
        #expect(failed.contains("\"attempts\" : 2"))
        #expect(failed.contains("\"exit_code\" : 3"))

        #expect(FileManager.default.createFile(atPath: dir + "/fixed", contents: Data()))
        let fixed = try CLI.run("sweep", ["exec-cell", sweep, "1"], in: dir)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        let now = try String(contentsOfFile: sweep + "/0001_fail=True/status.json", encoding: .utf8)
        #expect(now.contains("\"state\" : \"done\""))
        let again = try CLI.run("sweep", ["exec-cell", sweep, "0"], in: dir)
        #expect(again.status == 0)
        #expect(try String(contentsOfFile: sweep + "/0000_fail=False/status.json", encoding: .utf8) == done)
    }

    @Test("an index outside the plan is a clear error; the command is hidden from --help")
    func badIndex() throws {
        let dir = try RunCommandTests.makeProject()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try CLI.run("sweep", ["run", "config.yaml", "x=1,2,3", "--outputs", "out"], in: dir)
        let sweep = try RunCommandTests.sweepDirectory(in: dir + "/out")
        let result = try CLI.run("sweep", ["exec-cell", sweep, "7"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr == "error: cell 7 is not in the plan of '\(sweep)': its cells are 0…2\n")
        let help = try CLI.run("sweep", ["--help"], in: dir)
        #expect(!help.stdout.contains("exec-cell"))
    }
}
