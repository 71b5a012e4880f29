import Foundation

/// A temporary config folder written from a dictionary of relative paths to file contents.
struct ConfigTree {
    let root: String

    init(_ files: [String: String]) throws {
        root = NSTemporaryDirectory() + "sweep-compose-" + UUID().uuidString
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
    }

    /// The path of a file in the tree.
    func path(_ relative: String) -> String { root + "/" + relative }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
