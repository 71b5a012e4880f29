/// The batch script of a SLURM sweep (`slurm/submit.sh`): `#SBATCH` lines from the settings and
/// one command, `sweep exec-cell` (after a redirection of its log when the sweep's path holds a
/// backslash), whose paths are single-quoted; no setting is shell code.
public enum SlurmScript {
    /// The script text.
    public static func text(sweep executable: String, directory: SweepDirectory, options: SlurmOptions) -> String {
        var lines = [
            "#!/bin/bash",
            "# Written by sweep: each task of the array runs one cell of the sweep.",
            "#SBATCH " + directive("--job-name=sweep"),
        ]
        // slurmd takes an --output path that holds a backslash literally, without expanding %A or
        // %a (and drops the backslash): every task would share one log, or find no folder for it.
        // Such a sweep's script opens each task's log itself; SLURM's own messages are then lost.
        let opensItsOwnLog = directory.path.contains("\\")
        if opensItsOwnLog {
            lines.append("#SBATCH --output=/dev/null")
        } else {
            // sbatch reads `%` in --output as a pattern (%A the job, %a the task): a `%` of the
            // sweep's own path is written `%%`.
            let logs = Paths.join(directory.path.replacingAll("%", with: "%%"), "slurm/logs/%A_%a.out")
            lines.append("#SBATCH " + directive("--output=\(logs)"))
        }
        for argument in options.arguments { lines.append("#SBATCH " + directive(argument)) }
        if opensItsOwnLog {
            let logs = quote(Paths.join(directory.path, "slurm/logs"))
            lines.append("exec >\(logs)/\"${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}.out\" 2>&1")
        }
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
