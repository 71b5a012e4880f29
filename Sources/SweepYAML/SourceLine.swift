import Foundation

extension Diagnostic {
    /// A diagnostic at a place in a file, quoting that line of the file when it can be read.
    public static func at(_ mark: Mark, _ message: String, notes: [String] = []) -> Diagnostic {
        Diagnostic(message, at: .file(mark), sourceLine: sourceLine(of: mark), notes: notes)
    }

    /// The text of the mark's line, read from disk; nil when the file cannot be read.
    public static func sourceLine(of mark: Mark) -> String? {
        guard mark.line >= 1, let data = FileManager.default.contents(atPath: mark.file),
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        var line = 1
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if line == mark.line { break }
            if text[index] == "\n" || text[index] == "\r\n" {
                line += 1
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        guard line == mark.line else { return nil }
        let end = text[start...].firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) ?? text.endIndex
        return String(text[start..<end])
    }
}
