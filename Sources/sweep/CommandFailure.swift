import ArgumentParser
import Foundation
import SweepConfig

/// A bad-input failure: prints its diagnostics to standard error and exits with status 2.
struct CommandFailure: Error, CustomStringConvertible {
    let text: String

    init(_ error: ConfigError) {
        text = error.description
    }

    var description: String { text }
}

extension Sweep {
    /// Runs the command, turning a `CommandFailure` into its diagnostics and exit status 2.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data((failure.text + "\n").utf8))
            Foundation.exit(2)
        } catch {
            exit(withError: error)
        }
    }
}
