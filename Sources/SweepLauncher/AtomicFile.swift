#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Writes state files atomically: a temporary file in the same directory, `fsync`, `rename` over
/// the target, then `fsync` of the directory, so that a reader (or a crash) sees either the old
/// or the new content, never a torn file.
public enum AtomicFile {
    /// Replaces the file at `path` with `text` atomically (and durably unless `durable` is false).
    public static func write(_ text: String, to path: String, durable: Bool = true) throws(LauncherError) {
        try write(Array(text.utf8), to: path, durable: durable)
    }

    /// Replaces the file at `path` with `bytes` atomically. When `durable` (the default), the file
    /// is `fsync`ed before the rename and its directory after it; when not, the replacement is still
    /// atomic for every reader and against the death of any process, and a later ``syncFileSystem(of:)``
    /// makes it durable.
    public static func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws(LauncherError) {
        let directory = Paths.directory(of: path)
        let name = Paths.lastComponent(of: path)
        let temporary = Paths.join(directory, ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .system("create", temporary, errno: errno) }
        do throws(LauncherError) {
            try writeAll(fd, bytes, path: temporary)
            if durable {
                guard fsync(fd) == 0 else { throw .system("fsync", temporary, errno: errno) }
            }
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
        if durable { try syncDirectory(directory) }
    }

    /// Flushes the whole file system that holds `path` (`syncfs`): one barrier that makes many
    /// non-durable writes durable at once.
    public static func syncFileSystem(of path: String) throws(LauncherError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .system("open", path, errno: errno) }
        defer { close(fd) }
        if let syncfs = syncfsFunction {
            guard syncfs(fd) == 0 else { throw .system("sync the file system of", path, errno: errno) }
        } else {
            sync()
        }
    }

    /// Linux's `syncfs`, which the Glibc module does not export (it needs `_GNU_SOURCE`).
    private static let syncfsFunction: (@convention(c) (Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

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
