internal import Foundation

/// What the report shows of one cell beyond its metrics: how its last attempt ended (from
/// `status.json`) and the figures it wrote.
struct CellDetails: Sendable {
    /// The exit code of the last attempt, if it exited.
    var exitCode: Int?
    /// The signal that ended the last attempt, if one did.
    var signal: Int?
    /// Why the launcher could not start or gave up on the process.
    var error: String?
    /// How many attempts were started.
    var attempts: Int?
    /// When the last attempt started and ended (seconds since the epoch).
    var startedAt: Double?
    /// When the last attempt ended (seconds since the epoch).
    var endedAt: Double?
    /// The duration of the last attempt in seconds.
    var duration: Double?
    /// The last lines of the last attempt's standard error.
    var stderrTail: [String] = []
    /// File names under `figures/` that the report can show (`.svg`, `.png`), sorted.
    var figures: [String] = []

    /// Reads `status.json` and lists `figures/` of the cell at `directory`.
    init(directory: String) {
        if let value = JSONScanner.parseFile(FileSystem.join(directory, "status.json")) {
            exitCode = value["exit_code"]?.intValue
            signal = value["signal"]?.intValue
            error = value["error"]?.stringValue
            attempts = value["attempts"]?.intValue
            startedAt = value["started_at"]?.stringValue.flatMap(Self.seconds)
            endedAt = value["ended_at"]?.stringValue.flatMap(Self.seconds)
            if case .number(let d)? = value["duration_seconds"] { duration = d }
            if case .array(let lines)? = value["stderr_tail"] { stderrTail = lines.compactMap(\.stringValue) }
        }
        figures = FileSystem.list(FileSystem.join(directory, "figures")).filter { name in
            let lower = name.lowercased()
            return !name.hasPrefix(".") && (lower.hasSuffix(".svg") || lower.hasSuffix(".png"))
        }
    }

    /// How the last attempt ended, e.g. `exit code 2`, `signal 9`, or nil when unknown.
    var ending: String? {
        var parts: [String] = []
        if let exitCode { parts.append("exit code \(exitCode)") }
        if let signal { parts.append("signal \(signal)") }
        if let error, !error.isEmpty { parts.append(error) }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// Seconds since the epoch of an ISO 8601 UTC time such as `2026-11-28T09:29:49.123Z`.
    static func seconds(_ text: String) -> Double? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date.timeIntervalSince1970 }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)?.timeIntervalSince1970
    }
}
