/// Durations as users write them on the command line and in `sweep.timeout`: `90`, `90s`, `1.5m`,
/// `2h`, `1h30m`, `500ms`.
public enum DurationText {
    /// Parses a duration; a bare number is seconds.
    public static func parse(_ text: String) throws(LauncherError) -> Duration {
        let invalid = LauncherError(
            "invalid duration '\(text)': expected a number with an optional unit (ms, s, m, h, d), e.g. 90s, 1h30m")
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { throw invalid }
        if let seconds = Double(trimmed) {
            guard seconds.isFinite, seconds > 0 else { throw invalid }
            return .milliseconds(Int64((seconds * 1000).rounded()))
        }
        var total = 0.0
        var number = ""
        var rest = Substring(trimmed)
        while let first = rest.first {
            if first.isNumber || first == "." {
                number.append(first)
                rest.removeFirst()
                continue
            }
            let unit = String(rest.prefix { $0.isLetter })
            rest.removeFirst(unit.count)
            guard let value = Double(number), let scale = scales[unit] else { throw invalid }
            total += value * scale
            number = ""
        }
        guard number.isEmpty, total.isFinite, total > 0 else { throw invalid }
        return .milliseconds(Int64((total * 1000).rounded()))
    }

    private static let scales: [String: Double] = ["ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400]

    /// A duration as compact text: `1h02m03s`, `4m05s`, `12.3s`, `0.4s`.
    public static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return format(seconds: seconds)
    }

    /// Seconds as compact text: `1h02m03s`, `4m05s`, `12.3s`, `0.4s`.
    public static func format(seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        if seconds < 60 {
            let tenths = (seconds * 10).rounded() / 10
            return tenths == tenths.rounded() && seconds >= 10 ? "\(Int(tenths))s" : "\(tenths)s"
        }
        let whole = Int(seconds.rounded())
        let (hours, minutes, secs) = (whole / 3600, whole / 60 % 60, whole % 60)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return hours > 0 ? "\(hours)h\(two(minutes))m\(two(secs))s" : "\(minutes)m\(two(secs))s"
    }
}
