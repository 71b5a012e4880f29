/// A position in a source text: the file name and a 1-based line and column.
public struct Mark: Sendable, Hashable, CustomStringConvertible {
    /// The file name as the user gave it (or a label such as `<string>`).
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a mark.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, as compilers print it.
    public var description: String { "\(file):\(line):\(column)" }
}
