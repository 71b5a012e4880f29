/// A user-facing error message that prints like a compiler diagnostic.
///
/// ```
/// configs/optim/adam.yaml:3:7: error: optim.lr: expected a float, got 'abc'
///     lr: abc
///         ^
/// help: did you mean 'lr'?
/// ```
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is.
    public enum Location: Sendable, Hashable {
        /// A place in a file.
        case file(Mark)
        /// A command-line override; `column` is 1-based within `text`.
        case override(text: String, column: Int)
        /// Nowhere in particular (a missing file, a setting).
        case none
    }

    /// Where the problem is.
    public var location: Location
    /// The one-line message, without the `error: ` prefix.
    public var message: String
    /// The source line to quote under the message, when known.
    public var sourceLine: String?
    /// Extra lines printed after the quote, such as `help: did you mean 'lr'?`.
    public var notes: [String]

    /// Creates a diagnostic.
    public init(_ message: String, at location: Location = .none, sourceLine: String? = nil, notes: [String] = []) {
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
        self.notes = notes
    }

    /// The full text: header line, quoted source with a caret, then the notes.
    public var description: String {
        var lines: [String] = []
        switch location {
        case .file(let mark):
            lines.append("\(mark): error: \(message)")
            if let sourceLine {
                lines.append(contentsOf: Self.quote(sourceLine, column: mark.column))
            }
        case .override(let text, let column):
            lines.append("override '\(text)': error: \(message)")
            lines.append(contentsOf: Self.quote(text, column: column))
        case .none:
            lines.append("error: \(message)")
        }
        lines.append(contentsOf: notes)
        return lines.joined(separator: "\n")
    }

    /// Quotes a source line indented by four spaces, with a caret under `column`.
    /// Tabs before the column are kept so that the caret lines up in a terminal.
    static func quote(_ line: String, column: Int) -> [String] {
        let scalars = Array(line.unicodeScalars)
        var pad = ""
        for index in 0..<max(0, min(column - 1, scalars.count)) {
            pad.unicodeScalars.append(scalars[index] == "\t" ? "\t" : " ")
        }
        let visible = scalars.map { $0.properties.generalCategory == .control && $0 != "\t" ? "?" : $0 }
        let shown = String(String.UnicodeScalarView(visible))
        return ["    " + shown, "    " + pad + "^"]
    }
}
