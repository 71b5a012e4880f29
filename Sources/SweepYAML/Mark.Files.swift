import Foundation

extension Mark {
    /// The process-wide table of the file names that marks refer to, each stored once.
    enum Files {
        /// Names and their numbers behind a lock (the planner parses files on several threads).
        private final class Table: @unchecked Sendable {
            let lock = NSLock()
            var names: [String] = []
            var numbers: [String: UInt32] = [:]
        }

        private static let table = Table()

        /// The number of `name`, added to the table the first time it is seen.
        static func number(of name: String) -> UInt32 {
            table.lock.withLock {
                if let number = table.numbers[name] { return number }
                let number = UInt32(table.names.count)
                table.names.append(name)
                table.numbers[name] = number
                return number
            }
        }

        /// The name numbered `number`.
        static func name(of number: UInt32) -> String {
            table.lock.withLock { table.names[Int(number)] }
        }
    }
}
