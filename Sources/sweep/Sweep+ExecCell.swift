import ArgumentParser
import Foundation
import SweepLauncher

extension Sweep {
    /// `sweep exec-cell SWEEP_DIR INDEX`: runs one cell the way the local launcher does (internal:
    /// what each task of a SLURM job array executes).
    struct ExecCell: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "exec-cell",
            abstract: "Run one cell of a sweep (internal: each task of a SLURM job array runs this).",
            shouldDisplay: false)

        @Argument(help: "The sweep directory.")
        var directory: String

        @Argument(help: "The cell's index (its line in cells.jsonl).")
        var index: Int

        func run() async throws {
            do {
                let sweep = try SweepDirectory(existing: directory)
                let options = try LaunchOptions(resuming: sweep)
                let environment = ProcessInfo.processInfo.environment
                let cores = environment["SLURM_CPUS_PER_TASK"].flatMap { Int($0) }
                let status = try await Launcher.runCell(index, of: sweep, options: options, cores: cores)
                if status.exitStatus != 0 { throw ExitCode(status.exitStatus) }
            } catch let error as LauncherError {
                FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
