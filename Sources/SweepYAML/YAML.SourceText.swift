#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension YAML {
    /// The bytes being parsed, with the file name, and line lookups for diagnostics.
    struct SourceText {
        let bytes: [UInt8]
        let file: String
        /// Where the lines start, found the first time a diagnostic asks (a parse that succeeds
        /// never pays for it) and kept for the diagnostic's other lookups.
        private let index = LineIndex()

        /// The byte offset where each line starts (line 1 first).
        var lineStarts: [Int] {
            if let starts = index.starts { return starts }
            let starts = Self.lineStarts(of: bytes)
            index.starts = starts
            return starts
        }

        /// Wraps bytes.
        init(bytes: [UInt8], file: String) {
            self.bytes = bytes
            self.file = file
        }

        /// The line starts once found: shared by the copies of one source, which all stay on the
        /// parsing thread.
        private final class LineIndex {
            var starts: [Int]?
        }

        /// Reads a whole file, with clear errors for a missing file, a directory or no permission.
        static func load(_ path: String) throws(YAMLError) -> SourceText {
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw failure(path, errno) }
            defer { close(fd) }
            var info = stat()
            if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                throw YAMLError(Diagnostic("cannot read '\(path)': it is a directory, not a YAML file"))
            }
            // Straight into the array's storage (one byte more than the size, to see the end); a
            // file that grew since `fstat` goes on in chunks.
            var failed: Int32 = 0
            var filled = false
            var bytes = [UInt8](unsafeUninitializedCapacity: max(0, Int(info.st_size)) + 1) { buffer, count in
                guard let base = buffer.baseAddress else { return }
                while count < buffer.count {
                    let n = read(fd, base + count, buffer.count - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failed = errno
                        return
                    }
                    if n == 0 { return }
                    count += n
                }
                filled = true
            }
            if failed != 0 { throw failure(path, failed) }
            var chunk: [UInt8] = []
            while filled {
                if chunk.isEmpty { chunk = [UInt8](repeating: 0, count: 1 << 16) }
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw failure(path, errno)
                }
                if n == 0 { filled = false } else { bytes.append(contentsOf: chunk[0..<n]) }
            }
            return SourceText(bytes: bytes, file: path)
        }

        static func failure(_ path: String, _ code: Int32) -> YAMLError {
            switch code {
            case ENOENT: return YAMLError(Diagnostic("cannot read '\(path)': no such file"))
            case EACCES: return YAMLError(Diagnostic("cannot read '\(path)': permission denied"))
            case EISDIR: return YAMLError(Diagnostic("cannot read '\(path)': it is a directory, not a YAML file"))
            default: return YAMLError(Diagnostic("cannot read '\(path)': \(String(cString: strerror(code)))"))
            }
        }

        /// Rejects binary content (NUL bytes) and text that is not UTF-8, naming the first bad byte.
        func validate() throws(YAMLError) {
            if let nul = bytes.firstIndex(of: 0) {
                throw YAMLError(
                    Diagnostic(
                        "this is a binary file, not YAML text (it contains a NUL byte)",
                        at: .file(mark(atByte: nul)), sourceLine: nil))
            }
            if let bad = Self.firstInvalidUTF8(bytes) {
                let mark = mark(atByte: bad)
                throw YAMLError(
                    Diagnostic(
                        "the file is not valid UTF-8: byte 0x\(Self.hex(bytes[bad])) cannot appear here",
                        at: .file(mark), sourceLine: line(mark.line),
                        notes: ["help: YAML files must be UTF-8; re-save it as UTF-8 (it may be Latin-1 or UTF-16)"]))
            }
        }

        static func hex(_ b: UInt8) -> String {
            let digits = Array("0123456789ABCDEF")
            return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
        }

        /// The index of the first byte that breaks UTF-8 (overlong, surrogate, too large, truncated).
        static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                var need = 0
                var lo: UInt8 = 0x80
                var hi: UInt8 = 0xBF
                switch c {
                case 0xC2...0xDF: need = 1
                case 0xE0: need = 2; lo = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: need = 2
                case 0xED: need = 2; hi = 0x9F
                case 0xF0: need = 3; lo = 0x90
                case 0xF1...0xF3: need = 3
                case 0xF4: need = 3; hi = 0x8F
                default: return i
                }
                for k in 1...need {
                    guard i + k < n else { return i }
                    let d = b[i + k]
                    if k == 1 {
                        if d < lo || d > hi { return i }
                    } else if d < 0x80 || d > 0xBF {
                        return i
                    }
                }
                i += need + 1
            }
            return nil
        }

        /// Whether a line break (as libyaml counts them: LF, CR, CRLF, NEL, LS, PS) starts at `i`;
        /// returns its length in bytes.
        func lineBreak(at i: Int) -> Int {
            Self.lineBreak(in: bytes, at: i)
        }

        /// The length of the line break starting at `i` in `bytes`, or 0.
        static func lineBreak(in bytes: [UInt8], at i: Int) -> Int {
            let c = bytes[i]
            if c == 10 { return 1 }
            if c == 13 { return i + 1 < bytes.count && bytes[i + 1] == 10 ? 2 : 1 }
            if c == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 { return 2 }
            if c == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                return 3
            }
            return 0
        }

        /// The byte offset where each line starts (line 1 first), skipping a leading BOM.
        static func lineStarts(of bytes: [UInt8]) -> [Int] {
            var starts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
            var i = starts[0]
            while i < bytes.count {
                let c = bytes[i]
                // Fast path: bytes that cannot start a line break.
                if c != 10, c != 13, c != 0xC2, c != 0xE2 {
                    i += 1
                    continue
                }
                let k = lineBreak(in: bytes, at: i)
                if k > 0 {
                    i += k
                    starts.append(i)
                } else {
                    i += 1
                }
            }
            return starts
        }

        /// The text of a 1-based line, without its line break; "" past the end.
        func line(_ number: Int) -> String {
            let lineStarts = lineStarts
            guard number >= 1, number <= lineStarts.count else { return "" }
            let start = lineStarts[number - 1]
            var end = start
            while end < bytes.count, lineBreak(at: end) == 0 { end += 1 }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }

        /// The mark of a byte offset: line and column (in Unicode scalars) as libyaml counts them.
        func mark(atByte offset: Int) -> Mark {
            let starts = lineStarts
            var line = 0
            var lo = 0
            var hi = starts.count - 1
            while lo <= hi {
                let mid = (lo + hi) / 2
                if starts[mid] <= offset { line = mid; lo = mid + 1 } else { hi = mid - 1 }
            }
            var column = 1
            var i = starts[line]
            while i < offset, i < bytes.count {
                if bytes[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
            return Mark(file: file, line: line + 1, column: column)
        }

        /// The byte offset of a 1-based line and column (clamped to the end of that line); nil past the end.
        func offset(of mark: Mark) -> Int? {
            let lineStarts = lineStarts
            guard mark.line >= 1, mark.line <= lineStarts.count else { return nil }
            var i = lineStarts[mark.line - 1]
            var column = 1
            while column < mark.column, i < bytes.count, lineBreak(at: i) == 0 {
                i += 1
                while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
                column += 1
            }
            return i
        }

        /// The Unicode scalar at a 1-based line and column, if any.
        func character(at mark: Mark) -> Unicode.Scalar? {
            let text = line(mark.line).unicodeScalars
            guard mark.column >= 1, mark.column <= text.count else { return nil }
            return text[text.index(text.startIndex, offsetBy: mark.column - 1)]
        }

        /// A diagnostic at a mark, quoting the source line from these bytes.
        func diagnostic(_ message: String, at mark: Mark, notes: [String] = []) -> Diagnostic {
            Diagnostic(message, at: .file(mark), sourceLine: line(mark.line), notes: notes)
        }

        /// A note that quotes another place: `note: <text> at file:l:c` then the line and a caret.
        func note(_ text: String, at mark: Mark) -> [String] {
            ["note: \(text) at \(mark)"] + Diagnostic.quote(line(mark.line), column: mark.column)
        }
    }
}
