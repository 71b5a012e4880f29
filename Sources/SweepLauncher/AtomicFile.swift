#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Writes state files atomically: a temporary file in the same directory, `fsync`, `rename` over
/// the target, then `fsync` of the directory, so that a reader (or a crash) sees either the old
/// or the new content, never a torn file.
public enum AtomicFile {
    /// Replaces the file at `path` with `text` atomically.
    public static func write(_ text: String, to path: String) throws(LauncherError) {
        try write(Array(text.utf8), to: path)
    }

    /// Replaces the file at `path` with `bytes` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws(LauncherError) {
        let directory = Paths.directory(of: path)
        let name = Paths.lastComponent(of: path)
        let temporary = Paths.join(directory, ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .system("create", temporary, errno: errno) }
        do throws(LauncherError) {
            try writeAll(fd, bytes, path: temporary)
            guard fsync(fd) == 0 else { throw .system("fsync", temporary, errno: errno) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .system("rename to", path, errno: code)
        }
        try syncDirectory(directory)
    }

    /// `fsync`s a directory so that entries created or renamed in it are durable.
    public static func syncDirectory(_ directory: String) throws(LauncherError) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .system("open directory", directory, errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .system("fsync directory", directory, errno: errno) }
    }

    /// Writes every byte to `fd`, retrying short writes and `EINTR`.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(LauncherError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .system("write", path, errno: errno)
            }
            offset += written
        }
    }
}
