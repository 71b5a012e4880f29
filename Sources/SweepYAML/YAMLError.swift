/// A YAML syntax, encoding or file error, with a compiler-style diagnostic.
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    /// Where and what went wrong.
    public var diagnostic: Diagnostic

    /// Creates an error from a diagnostic.
    public init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    /// The diagnostic's full text.
    public var description: String { diagnostic.description }
}
