import Foundation
import SweepLauncher
import SweepResults

extension Sweep.Run {
    /// Runs (or resumes) a sweep as a SLURM job array: submits the cells that are not done, then
    /// (unless `detach`) follows the array with the same progress and results as a local run.
    /// Returns the exit status.
    static func launchSlurm(
        _ directory: SweepDirectory, options: LaunchOptions, quiet: Bool, detach: Bool
    ) async throws -> Int32 {
        let cells = try directory.cellStatuses()
        let slurm = SlurmLauncher(directory: directory, options: options)
        let submission = try await slurm.submit()
        let waiting = submission.tracked.reduce(0) { $0 + $1.cells.count }
        let done = cells.count - waiting
        var progress = LaunchProgress(
            total: cells.count, alreadyDone: cells.filter { $0.status.state == .done }.count,
            jobs: options.slurm.arrayParallelism ?? max(1, waiting))
        if let node = try? directory.manifest() {
            let settings = SweepResults.SweepManifest(node: node)
            progress.metric = settings.metric
            progress.maximize = settings.mode == .descending
        }
        let printer = ProgressPrinter(progress: progress, quiet: quiet)
        if let job = submission.job {
            printer.say(
                "sweep: \(directory.path) (\(job.cells.count) of \(cells.count) cells submitted as SLURM job \(job.id))"
            )
        }
        for entry in submission.tracked where entry.job != submission.job?.id {
            printer.say("sweep: \(entry.cells.count) cells are still in SLURM job \(entry.job)")
        }
        if submission.tracked.isEmpty {
            printer.say("sweep: \(directory.path) (\(done) of \(cells.count) cells done, nothing to submit)")
        }
        if detach {
            let ids = submission.tracked.map(\.job).joined(separator: ", ")
            print(ids.isEmpty ? "nothing submitted" : "submitted SLURM job \(ids)")
            print("follow with: sweep status \(directory.path)")
            print("results with: sweep results \(directory.path)")
            return 0
        }
        let metric = progress.metric.map { MetricSpec($0) }
        let names = Dictionary(cells.map { ($0.record.index, $0.record.directoryName) }) { a, _ in a }
        let reader = SweepReader()
        let interrupts = InterruptHandler { _, count in
            printer.say(count == 1 ? "interrupted: cancelling the SLURM job" : "interrupted again: still cancelling")
            slurm.cancel()
        }
        let result = try await slurm.wait(for: submission.tracked) { event in
            if let metric, case .finished(let status) = event, status.state == .done,
                let name = names[status.index],
                let value = reader.finalValue(of: metric, inCell: directory.cellPath(name))
            {
                printer.note(metricValue: value)
            }
            printer.handle(event)
        }
        interrupts.remove()
        return finish(result, directory: directory, printer: printer)
    }
}
