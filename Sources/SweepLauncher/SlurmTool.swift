import Subprocess

/// Runs SLURM's command-line tools (`sbatch`, `scontrol`, `scancel`), found through `PATH`,
/// without a shell.
enum SlurmTool {
    /// What a tool printed and how it ended.
    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `name` with `arguments`; fails only when it cannot be started.
    static func run(_ name: String, _ arguments: [String]) async throws(LauncherError) -> Output {
        do {
            let result = try await Subprocess.run(
                .name(name), arguments: Arguments(arguments), input: .none,
                output: .string(limit: 16 << 20), error: .string(limit: 1 << 20))
            let status: Int32
            switch result.terminationStatus {
            case .exited(let code): status = code
            case .signaled(let signal): status = 128 + signal
            }
            return Output(status: status, stdout: result.standardOutput, stderr: result.standardError)
        } catch {
            throw LauncherError("cannot run '\(name)' (is SLURM installed and in PATH?): \(error)")
        }
    }
}
