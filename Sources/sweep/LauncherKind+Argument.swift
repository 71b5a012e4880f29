import ArgumentParser
import SweepLauncher

/// `--launcher local|slurm`.
extension LauncherKind: ExpressibleByArgument {}
