public import SweepYAML

/// An error in a config, an override or a sweep: one or more compiler-style diagnostics.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    /// The diagnostics, in the order they were found.
    public var diagnostics: [Diagnostic]

    /// Creates an error from one diagnostic.
    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    /// Creates an error from several diagnostics.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Every diagnostic, separated by blank lines.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n\n")
    }
}
