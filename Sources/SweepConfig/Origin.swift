public import SweepYAML

/// Where a config value came from: a place in a file, a command-line override, or nowhere.
public enum Origin: Sendable, Hashable, CustomStringConvertible {
    /// A place in a YAML file.
    case file(Mark)
    /// A command-line override; `column` is 1-based within `text`. Boxed (`indirect`): overrides
    /// are few, and a file mark then fits inline, so an origin copies without reference counting.
    indirect case override(text: String, column: Int)
    /// Made by the program (a default, an empty mapping).
    case none

    /// `file:line:col`, `override 'k=v'` or `<default>`.
    public var description: String {
        switch self {
        case .file(let mark): return mark.description
        case .override(let text, _): return "override '\(text)'"
        case .none: return "<default>"
        }
    }
}

extension Origin {
    /// A diagnostic here: quoting the file line, the override with a caret, or nowhere.
    public func diagnostic(_ message: String, notes: [String] = []) -> Diagnostic {
        switch self {
        case .file(let mark):
            return Diagnostic.at(mark, message, notes: notes)
        case .override(let text, let column):
            return Diagnostic(message, at: .override(text: text, column: column), notes: notes)
        case .none:
            return Diagnostic(message, notes: notes)
        }
    }
}
