/// An error of the launcher: a file-system operation that failed, or a sweep directory that is not
/// what the launcher expects.
public struct LauncherError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message, naming the path involved.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// An error for a failed system call on `path`, with the system's description of `errno`.
    static func system(_ operation: String, _ path: String, errno code: Int32) -> LauncherError {
        LauncherError("cannot \(operation) '\(path)': \(SystemError.describe(code))")
    }

    /// The message.
    public var description: String { message }
}
