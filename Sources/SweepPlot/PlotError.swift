/// An error raised when a plot cannot be drawn from the given input.
public enum PlotError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two arrays that must have equal lengths do not.
    case lengthMismatch(what: String, expected: Int, actual: Int)
    /// A figure was asked to draw nothing.
    case empty(what: String)
    /// A numeric parameter is outside its valid range.
    case invalidParameter(name: String, reason: String)
    /// zlib reported a failure.
    case compression(code: Int)

    /// A one-line, human-readable description of the error.
    public var description: String {
        switch self {
        case .lengthMismatch(let what, let expected, let actual):
            return "\(what): expected \(expected) values, got \(actual)"
        case .empty(let what):
            return "\(what): nothing to draw"
        case .invalidParameter(let name, let reason):
            return "invalid \(name): \(reason)"
        case .compression(let code):
            return "zlib failed with code \(code)"
        }
    }
}
