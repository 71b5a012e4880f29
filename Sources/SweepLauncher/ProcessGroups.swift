#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Signals to process groups, and the search for processes left behind by a dead orchestrator.
enum ProcessGroups {
    /// Sends `signal` to the process group `group`; a group that is gone is not an error.
    static func signal(_ group: Int32, _ signal: Int32) {
        guard group > 1 else { return }
        _ = kill(-group, signal)
    }

    /// Whether any process of the group is alive.
    static func isAlive(_ group: Int32) -> Bool {
        guard group > 1 else { return false }
        return kill(-group, 0) == 0 || errno == EPERM
    }

    /// Process ids of the live processes whose environment says they run in `runDirectory`
    /// (`SWEEP_RUN_DIR=…`), found through `/proc`; empty where `/proc` is not available.
    static func processes(runningIn runDirectories: Set<String>) -> [String: [Int32]] {
        guard !runDirectories.isEmpty, let proc = opendir("/proc") else { return [:] }
        defer { closedir(proc) }
        let own = getpid()
        var found: [String: [Int32]] = [:]
        while let entry = readdir(proc) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let pid = Int32(name), pid != own else { continue }
            guard let environment = try? Paths.read("/proc/\(pid)/environ") else { continue }
            for variable in environment.split(separator: 0) where variable.starts(with: prefix) {
                let value = String(decoding: variable.dropFirst(prefix.count), as: UTF8.self)
                if runDirectories.contains(value) { found[value, default: []].append(pid) }
            }
        }
        return found
    }

    private static let prefix = Array("SWEEP_RUN_DIR=".utf8)

    /// Ends the given processes and their groups: SIGTERM, then SIGKILL after `grace` if any lives.
    static func terminate(_ pids: [Int32], grace: Duration) async {
        let groups = Set(pids.map { getpgid($0) }.filter { $0 > 1 && $0 != getpgrp() })
        for group in groups { signal(group, SIGTERM) }
        for pid in pids { _ = kill(pid, SIGTERM) }
        let deadline = ContinuousClock.now + grace
        while ContinuousClock.now < deadline {
            if groups.allSatisfy({ !isAlive($0) }) && pids.allSatisfy({ kill($0, 0) != 0 }) { return }
            try? await Task.sleep(for: .milliseconds(20))
        }
        for group in groups { signal(group, SIGKILL) }
        for pid in pids { _ = kill(pid, SIGKILL) }
    }
}
