internal import Foundation

/// How numbers are written in tables.
enum NumberText {
    /// Four significant digits (`0.9123`, `469`, `1e-05`), `nan`, `inf`, `-inf`.
    static func short(_ value: Double, digits: Int = 4) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return String(format: "%.\(digits)g", value)
    }

    /// The shortest text that reads back as the same double (for CSV and JSON), `nan`/`inf` as
    /// given.
    static func exact(_ value: Double, nan: String = "nan", infinity: String = "inf") -> String {
        if value.isNaN { return nan }
        if value.isInfinite { return value < 0 ? "-" + infinity : infinity }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// `mean ± std` (or `mean` alone when there is no spread), with `plusMinus` between.
    static func aggregate(_ a: Aggregate, plusMinus: String) -> String {
        guard let std = a.std else { return short(a.mean) }
        return short(a.mean) + " " + plusMinus + " " + short(std, digits: 2)
    }
}
