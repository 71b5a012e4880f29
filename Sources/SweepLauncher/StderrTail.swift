#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The last lines of a log file, read from its end so that memory stays bounded whatever its size.
enum StderrTail {
    /// How many lines `status.json` keeps.
    static let lineCount = 20
    /// How many bytes at most are read from the end of the file.
    static let byteLimit = 8192
    /// How many characters of one line are kept.
    static let lineLimit = 400

    /// The last `lineCount` lines of the file at `path` (after `offset`), without a trailing empty line.
    static func lines(of path: String, after offset: Int = 0) -> [String] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        let size = lseek(fd, 0, SEEK_END)
        guard size > offset else { return [] }
        let start = max(offset, size - byteLimit)
        var buffer = [UInt8](repeating: 0, count: Int(size - start))
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(start)) }
        guard count > 0 else { return [] }
        var text = buffer[0..<count].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if let last = text.last, last.isEmpty { text.removeLast() }
        if start > offset, text.count > 1 { text.removeFirst() }  // a partial first line
        return text.suffix(lineCount).map { line in
            let decoded = String(decoding: line, as: UTF8.self)
            return decoded.count > lineLimit ? String(decoded.prefix(lineLimit)) + "…" : decoded
        }
    }
}
