import ArgumentParser
import Foundation
import SweepLauncher

extension Sweep {
    /// `sweep resume SWEEP_DIR`: runs every cell of a sweep that is not done.
    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every cell of a sweep that is not done; finished results stay untouched.",
            discussion: """
                Cells that were pending, running when the orchestrator died, cancelled, failed or \
                timed out run again with the sweep's original settings (a leftover trainer of a dead \
                orchestrator is ended first). Done cells are never rerun.
                """)

        @Argument(help: "The sweep directory (outputs/<config>/<date_time>).")
        var directory: String

        @Flag(name: .shortAndLong, help: "Print only failures and the final summary.")
        var quiet = false

        func run() async throws {
            do {
                let sweep = try SweepDirectory(existing: directory)
                let options = try LaunchOptions(resuming: sweep)
                let code = try await Run.launch(sweep, options: options, quiet: quiet)
                if code != 0 { throw ExitCode(code) }
            } catch let error as LauncherError {
                FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
