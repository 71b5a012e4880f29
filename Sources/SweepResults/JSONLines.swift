/// Splitting a JSON-lines file into lines.
enum JSONLines {
    /// Calls `body(lineNumber, byteRange, isLastLineWithoutNewline)` for every non-blank line of
    /// `bytes` (whose final byte is the zero terminator `FileSystem.read` adds).
    static func forEach(_ bytes: [UInt8], _ body: (Int, Range<Int>, Bool) -> Void) {
        let end = bytes.count - 1
        guard end > 0 else { return }
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            var lineNumber = 1
            while start < end {
                var stop = start
                while stop < end, buffer[stop] != 0x0A { stop += 1 }
                let unterminated = stop == end
                var blank = true
                for i in start..<stop where buffer[i] != 0x20 && buffer[i] != 0x09 && buffer[i] != 0x0D {
                    blank = false
                    break
                }
                if !blank { body(lineNumber, start..<stop, unterminated) }
                start = stop + 1
                lineNumber += 1
            }
        }
    }

    /// The warning for a line that is not JSON: a truncated last line is named as such.
    static func warning(_ path: String, _ line: Int, _ failure: JSONScanner.Failure, truncated: Bool) -> String {
        if truncated {
            return "\(path):\(line): warning: truncated last line (no newline: \(failure.message)); ignored"
        }
        return "\(path):\(line): warning: not a JSON object (\(failure.message)); line ignored"
    }
}
