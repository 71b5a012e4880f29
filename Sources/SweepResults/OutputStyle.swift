/// How the terminal table is drawn: plain ASCII, or Unicode and colour on a terminal.
public struct OutputStyle: Sendable, Hashable {
    /// `±`, `─` and `★` instead of `+-`, `-` and `*`.
    public var unicode: Bool
    /// ANSI bold header and bold green best row.
    public var color: Bool

    /// Creates a style.
    public init(unicode: Bool, color: Bool) {
        self.unicode = unicode
        self.color = color
    }

    /// Plain ASCII, no colour (files, pipes, tests).
    public static let plain = OutputStyle(unicode: false, color: false)

    /// Unicode and colour when standard output is a terminal and `NO_COLOR` is unset (or empty).
    public static func forStandardOutput(isTerminal: Bool, environment: [String: String]) -> OutputStyle {
        guard isTerminal else { return .plain }
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        return OutputStyle(unicode: !noColor, color: !noColor)
    }

    var plusMinus: String { unicode ? "±" : "+-" }
    var rule: Character { unicode ? "─" : "-" }
    var bestMark: String { unicode ? "★" : "*" }

    func bold(_ text: String) -> String { color ? "\u{1B}[1m" + text + "\u{1B}[0m" : text }
    func best(_ text: String) -> String { color ? "\u{1B}[1;32m" + text + "\u{1B}[0m" : text }
    func dim(_ text: String) -> String { color ? "\u{1B}[2m" + text + "\u{1B}[0m" : text }
}
