import ArgumentParser

/// The `sweep` command: compose, plan, run and read hyperparameter sweeps.
@main
struct Sweep: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Compose, plan, run and read hyperparameter sweeps.",
        subcommands: [
            Compose.self, Plan.self, Run.self, Resume.self, Status.self, Results.self, Report.self, ExecCell.self,
        ])
}
