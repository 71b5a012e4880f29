import Foundation

/// What a composer has read from disk: parsed config files and whether paths are files or
/// folders. Shared by every composition of one `Composer` value (a planner composes thousands
/// of cells from the same files), safe to use from several threads.
final class ConfigCache: @unchecked Sendable {
    /// What a path is on disk.
    enum FileKind: Sendable {
        case file, directory, none
    }

    private let lock = NSLock()
    private var configs: [String: ConfigRepository.Loaded?] = [:]
    private var kinds: [String: FileKind] = [:]

    /// The parsed config at a config path: `.some(nil)` when known not to exist, nil when not read yet.
    func loaded(_ configPath: String) -> ConfigRepository.Loaded?? {
        lock.withLock { configs[configPath] }
    }

    func store(_ loaded: ConfigRepository.Loaded?, for configPath: String) {
        lock.withLock { configs[configPath] = .some(loaded) }
    }

    /// Whether a path is a file, a folder or nothing (looked up once).
    func fileKind(_ path: String) -> FileKind {
        if let kind = lock.withLock({ kinds[path] }) { return kind }
        var isDirectory: ObjCBool = false
        let kind: FileKind
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            kind = isDirectory.boolValue ? .directory : .file
        } else {
            kind = .none
        }
        lock.withLock { kinds[path] = kind }
        return kind
    }
}
