/// The batch script of a SLURM sweep (`slurm/submit.sh`): `#SBATCH` lines from the settings and
/// one command, `sweep exec-cell`, whose paths are single-quoted; no setting is shell code.
public enum SlurmScript {
    /// The script text.
    public static func text(sweep executable: String, directory: SweepDirectory, options: SlurmOptions) -> String {
        // sbatch reads `%` in --output as a pattern (%A the job, %a the task): a `%` of the
        // sweep's own path is written `%%`.
        let logs = Paths.join(directory.path.replacingAll("%", with: "%%"), "slurm/logs/%A_%a.out")
        var lines = [
            "#!/bin/bash",
            "# Written by sweep: each task of the array runs one cell of the sweep.",
            "#SBATCH " + directive("--job-name=sweep"),
            "#SBATCH " + directive("--output=\(logs)"),
        ]
        for argument in options.arguments { lines.append("#SBATCH " + directive(argument)) }
        lines.append("exec \(quote(executable)) exec-cell \(quote(directory.path)) \"$SLURM_ARRAY_TASK_ID\"")
        return lines.joined(separator: "\n") + "\n"
    }

    /// An `#SBATCH` argument, double-quoted (as sbatch reads it) when it holds blanks.
    static func directive(_ argument: String) -> String {
        guard argument.contains(where: { $0 == " " || $0 == "\t" }) else { return argument }
        return "\"" + argument.replacingAll("\"", with: "\\\"") + "\""
    }

    /// `text` as one shell word: in single quotes, each `'` written as `'\''`.
    public static func quote(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "'\\''") + "'"
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
