internal import Foundation

/// File helpers: atomic writes (temp file, fsync, rename) and directories.
enum Files {
    /// Writes `text` to `path` atomically.
    static func writeAtomically(_ text: String, to path: String) throws(TrainerError) {
        try writeAtomically(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path` atomically.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(TrainerError) {
        let tmp = path + ".tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { throw .io(path: path, message: "cannot write: \(String(cString: strerror(errno)))") }
        var ok = true
        bytes.withUnsafeBytes { buf in
            var off = 0
            while off < buf.count {
                guard let base = buf.baseAddress else { break }
                let n = Foundation.write(fd, base + off, buf.count - off)
                if n <= 0 {
                    ok = false
                    break
                }
                off += n
            }
        }
        if fsync(fd) != 0 { ok = false }
        close(fd)
        if !ok || rename(tmp, path) != 0 {
            unlink(tmp)
            throw .io(path: path, message: "cannot write")
        }
    }

    /// Creates `path` and its parents.
    static func makeDirectory(_ path: String) throws(TrainerError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .io(path: path, message: "cannot create directory")
        }
    }
}
