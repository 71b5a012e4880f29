import ArgumentParser

/// The `sweep` command: compose, plan, run and read hyperparameter sweeps.
@main
struct Sweep: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Compose, plan, run and read hyperparameter sweeps.",
        subcommands: [Compose.self, Results.self])
}
