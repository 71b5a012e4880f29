/// A position in a source text: the file name and a 1-based line and column.
///
/// Every node of a parsed tree carries one, so a mark is kept small and free of reference
/// counting: the file name is stored once, in a process-wide table (`Mark.Files`), and the mark
/// holds its number there and the line and column as 32-bit integers.
public struct Mark: Sendable, Hashable, CustomStringConvertible {
    /// The file's number in `Mark.Files`.
    private var fileNumber: UInt32
    private var line32: Int32
    private var column32: Int32

    /// Creates a mark.
    public init(file: String, line: Int, column: Int) {
        self.init(fileNumber: Files.number(of: file), line: line, column: column)
    }

    /// Creates a mark in a file already numbered (the parser numbers its file once).
    init(fileNumber: UInt32, line: Int, column: Int) {
        self.fileNumber = fileNumber
        line32 = Int32(clamping: line)
        column32 = Int32(clamping: column)
    }

    /// The file name as the user gave it (or a label such as `<string>`).
    public var file: String {
        get { Files.name(of: fileNumber) }
        set { fileNumber = Files.number(of: newValue) }
    }

    /// The 1-based line.
    public var line: Int {
        get { Int(line32) }
        set { line32 = Int32(clamping: newValue) }
    }

    /// The 1-based column, counted in Unicode scalars.
    public var column: Int {
        get { Int(column32) }
        set { column32 = Int32(clamping: newValue) }
    }

    /// `file:line:col`, as compilers print it.
    public var description: String { "\(file):\(line):\(column)" }
}
