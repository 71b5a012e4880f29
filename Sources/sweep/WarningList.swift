import Foundation

/// Warnings about a sweep's files, printed to standard error: a few lines, not one per cell.
enum WarningList {
    /// Prints the first five warnings and how many more there are (`sweep results` lists them all).
    static func print(_ warnings: [String], sweep path: String) {
        for warning in warnings.prefix(5) {
            FileHandle.standardError.write(Data("\(warning)\n".utf8))
        }
        if warnings.count > 5 {
            FileHandle.standardError.write(
                Data("… and \(warnings.count - 5) more warnings (sweep results \(path) shows them all)\n".utf8))
        }
    }
}
