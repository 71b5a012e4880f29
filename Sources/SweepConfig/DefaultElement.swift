import Foundation
import SweepYAML

/// One entry of a defaults list (a port of Hydra 1.3's `ConfigDefault` and `GroupDefault`),
/// mutated while the defaults tree is built.
final class DefaultElement {
    /// An entry as read from a file, before the tree is built (a value, so it can be cached).
    struct Spec: Sendable {
        var kind: Kind
        var package: String?
        var optional = false
        var isOverride = false
        var origin: Origin
    }

    /// What the entry names.
    enum Kind: Sendable {
        /// `- path` or `- _self_`: one config by path.
        case config(path: String)
        /// `- group: value`: a group with an option, a list of options or null.
        case group(String, GroupValue)
    }

    /// The value of a group entry.
    enum GroupValue: Equatable, Sendable {
        /// One option, or nil for `group: null`.
        case name(String?)
        /// `group: [a, b]`.
        case options([String])
    }

    var kind: Kind
    var package: String?
    var parentBaseDir: String?
    var parentPackage: String?
    var packageHeader: String?
    var primary = false
    var optional = false
    var isOverride = false
    var deleted = false
    var externalAppend = false
    var configNameOverridden = false
    /// Where the entry was written, for diagnostics.
    var origin: Origin

    init(_ kind: Kind, package: String? = nil, origin: Origin) {
        self.kind = kind
        self.package = package == "_here_" ? "" : package
        self.origin = origin
    }

    /// A fresh element for an entry read from a file.
    convenience init(_ spec: Spec) {
        self.init(spec.kind, package: spec.package, origin: spec.origin)
        optional = spec.optional
        isOverride = spec.isOverride
    }

    func copy() -> DefaultElement {
        let c = DefaultElement(kind, package: package, origin: origin)
        c.parentBaseDir = parentBaseDir
        c.parentPackage = parentPackage
        c.packageHeader = packageHeader
        c.primary = primary
        c.optional = optional
        c.isOverride = isOverride
        c.deleted = deleted
        c.externalAppend = externalAppend
        return c
    }

    var isGroup: Bool {
        if case .group = kind { return true }
        return false
    }

    var isSelf: Bool {
        switch kind {
        case .config(let path): return path == "_self_"
        case .group(_, let value): return value == .name("_self_")
        }
    }

    var options: [String]? {
        if case .group(_, .options(let list)) = kind { return list }
        return nil
    }

    /// The option's name (the last path component for a config entry); nil for `group: null`.
    var name: String? {
        switch kind {
        case .config(let path):
            return path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        case .group(_, .name(let name)): return name
        case .group(_, .options): return nil
        }
    }

    var isMissing: Bool { name == "???" && options == nil }

    var isInterpolation: Bool {
        switch kind {
        case .config: return configPath.contains("${")
        case .group(_, .name(let name?)): return name.contains("${")
        case .group: return false
        }
    }

    func updateParent(baseDir: String, package parentPackage: String) {
        self.parentBaseDir = baseDir
        self.parentPackage = parentPackage
        if let package, package.contains("_group_") {
            self.package = "_global_." + package.replacingOccurrences(of: "_group_", with: defaultPackage)
        }
    }

    private static func stripSlash(_ s: String) -> (String, absolute: Bool) {
        s.hasPrefix("/") ? (String(s.dropFirst()), true) : (s, false)
    }

    var groupPath: String {
        let base = parentBaseDir ?? ""
        switch kind {
        case .config(let rawPath):
            let (path, absolute) = Self.stripSlash(rawPath)
            let group = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
            if absolute || base.isEmpty { return group }
            return group.isEmpty ? base : base + "/" + group
        case .group(let rawGroup, _):
            let (group, absolute) = Self.stripSlash(rawGroup)
            return base.isEmpty || absolute ? group : base + "/" + group
        }
    }

    var configPath: String {
        switch kind {
        case .config(let rawPath):
            let (path, absolute) = Self.stripSlash(rawPath)
            let base = parentBaseDir ?? ""
            return absolute || base.isEmpty ? path : base + "/" + path
        case .group:
            return groupPath + "/" + (name ?? "null")
        }
    }

    var defaultPackage: String { Self.dotted(groupPath) }

    /// What follows the last `_global_` and its dot (`x._global_.a.b` → `a.b`), or the package
    /// itself when it names no `_global_`.
    static func afterLastGlobal(_ package: String) -> String {
        let bytes = Array(package.utf8)
        let marker = Array("_global_".utf8)
        guard bytes.count >= marker.count else { return package }
        var start = bytes.count - marker.count
        while start >= 0 {
            if bytes[start..<start + marker.count].elementsEqual(marker) {
                let rest = start + marker.count + 1
                return rest < bytes.count ? String(decoding: bytes[rest...], as: UTF8.self) : ""
            }
            start -= 1
        }
        return package
    }

    /// A group path with `/` turned into `.` (`a/b` → `a.b`).
    static func dotted(_ path: String) -> String {
        path.utf8.contains(UInt8(ascii: "/")) ? String(path.map { $0 == "/" ? "." : $0 }) : path
    }

    private var relativeGroupPath: String {
        switch kind {
        case .config(let rawPath):
            let path = Self.stripSlash(rawPath).0
            return path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        case .group(let rawGroup, _):
            return Self.stripSlash(rawGroup).0
        }
    }

    func effectivePackage(defaultToHeader: Bool = true) -> String? {
        package == nil && defaultToHeader ? packageHeader : package
    }

    func finalPackage(defaultToHeader: Bool = true) -> String {
        let parent = parentPackage ?? ""
        let package =
            effectivePackage(defaultToHeader: defaultToHeader)
            ?? Self.dotted(relativeGroupPath)
        let joined: String
        if parent.isEmpty {
            joined = package
        } else {
            joined = package.isEmpty ? parent : parent + "." + package
        }
        return Self.afterLastGlobal(joined)
    }

    /// Records the file's `# @package` header as an absolute package. `_group_` in a header
    /// means the group's package (Hydra 1.3 silently takes it literally since 1.2; see README).
    func setPackageHeader(_ header: String?) {
        guard var header else { return }
        if header.contains("_group_") {
            header = header.replacingOccurrences(of: "_group_", with: defaultPackage)
        }
        if header != "_global_" && !header.hasPrefix("_global_.") {
            header = header.isEmpty ? "_global_" : "_global_." + header
        }
        packageHeader = header
    }

    var overrideKey: String {
        var finalPackage = finalPackage(defaultToHeader: false)
        var key = groupPath
        if defaultPackage != finalPackage {
            if finalPackage.isEmpty { finalPackage = "_global_" }
            key += "@" + finalPackage
        }
        return key
    }

    var relativeOverrideKey: String {
        guard case .group(let group, _) = kind else { return overrideKey }
        if let package, defaultPackage != effectivePackage() {
            return group + "@" + package
        }
        return group
    }
}
