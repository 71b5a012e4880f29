/// Where a sweep's cells run: `sweep.launcher` / `--launcher`.
public enum LauncherKind: String, Decodable, Sendable, Hashable, CaseIterable {
    /// A pool of processes on this machine.
    case local
    /// One SLURM job array (`sbatch --array`), one task per cell.
    case slurm
}
