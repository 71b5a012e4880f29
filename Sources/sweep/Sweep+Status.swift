import ArgumentParser
import Foundation
import SweepLauncher

extension Sweep {
    /// `sweep status SWEEP_DIR`: counts and per-cell states.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how many cells of a sweep are done, failed, running or pending, and each cell's state.")

        @Argument(help: "The sweep directory (outputs/<config>/<date_time>).")
        var directory: String

        func run() throws {
            do {
                print(try SweepDirectory(existing: directory).statusText(), terminator: "")
            } catch {
                FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
