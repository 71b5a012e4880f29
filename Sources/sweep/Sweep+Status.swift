import ArgumentParser
import Foundation
import SweepLauncher

extension Sweep {
    /// `sweep status SWEEP_DIR`: counts and per-cell states.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how many cells of a sweep are done, failed, running or pending, and each cell's state.")

        @Argument(help: "The sweep directory (outputs/<config>/<date_time>).")
        var directory: String

        func run() async throws {
            do {
                let sweep = try SweepDirectory(existing: directory)
                let slurm = try? await Self.slurmLine(sweep)
                print(try sweep.statusText(), terminator: "")
                if let slurm { print(slurm) }
            } catch {
                FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
                throw ExitCode(1)
            }
        }

        /// For a SLURM sweep: records SLURM's verdict for tasks that ended without a status of their
        /// own, and says which jobs still run cells; `nil` for a local sweep.
        static func slurmLine(_ sweep: SweepDirectory) async throws -> String? {
            let options = try LaunchOptions(resuming: sweep)
            let slurm = SlurmLauncher(directory: sweep, options: options)
            let jobs = try slurm.jobs()
            guard options.launcher == .slurm || !jobs.isEmpty else { return nil }
            let live = try await slurm.reconcile()
            let ids = jobs.map(\.id).joined(separator: ", ")
            let queued = live.isEmpty ? "none queued or running" : "\(live.count) cells queued or running"
            return "SLURM jobs: \(ids.isEmpty ? "none" : ids) (\(queued))"
        }
    }
}
