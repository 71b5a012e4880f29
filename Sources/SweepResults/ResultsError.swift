internal import SweepYAML

/// A usage error of the results stage (a bad option value, an unreadable sweep).
public struct ResultsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The one-line message.
    public var message: String
    /// `help:` notes printed under the message.
    public var notes: [String]

    /// Creates an error.
    public init(_ message: String, notes: [String] = []) {
        self.message = message
        self.notes = notes
    }

    /// `error: message` followed by the notes, one per line (a ``Diagnostic`` without a location).
    public var description: String {
        Diagnostic(message, notes: notes).description
    }
}
