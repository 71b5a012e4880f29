#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The lock that keeps a second orchestrator off a sweep: an exclusive `flock` on `sweep.lock`,
/// released by the kernel when its holder dies, so a stale lock never blocks a resume.
final class SweepLock: Sendable {
    private let fd: Int32

    private init(fd: Int32) {
        self.fd = fd
    }

    /// Takes the lock of `directory`, or fails naming the process that holds it.
    static func acquire(_ directory: SweepDirectory) throws(LauncherError) -> SweepLock {
        try acquire(Paths.join(directory.path, "sweep.lock"), what: "sweep '\(directory.path)'")
    }

    /// Takes the lock of one cell (`cell.lock` in its run directory): how a SLURM array task
    /// keeps a second copy of itself off its cell while other tasks run the other cells.
    static func acquire(cell path: String) throws(LauncherError) -> SweepLock {
        try acquire(Paths.join(path, "cell.lock"), what: "cell '\(path)'")
    }

    private static func acquire(_ path: String, what: String) throws(LauncherError) -> SweepLock {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .system("open", path, errno: errno) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? Paths.read(path)).map { String(decoding: $0, as: UTF8.self).trimmingWhitespace } ?? ""
            close(fd)
            let who = holder.isEmpty ? "another process" : "process \(holder)"
            throw LauncherError("\(what) is already being run by \(who)")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return SweepLock(fd: fd)
    }

    deinit {
        close(fd)
    }
}
