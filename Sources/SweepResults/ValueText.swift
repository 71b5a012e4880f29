/// Reading override value texts as numbers and ordering them.
enum ValueText {
    /// The number an override value spells (`1e-3`, `10`, `0x10`, `inf`, `nan`), or nil.
    static func number(_ text: String) -> Double? {
        let t = text.lowercased()
        switch t {
        case "inf", "+inf", ".inf", "infinity": return .infinity
        case "-inf", "-.inf", "-infinity": return -.infinity
        case "nan", ".nan": return .nan
        case "true", "false", "": return nil
        default: break
        }
        if let d = Double(t.filter { $0 != "_" }) { return d }
        if t.hasPrefix("0x"), let i = Int(t.dropFirst(2), radix: 16) { return Double(i) }
        return nil
    }

    /// The text without one level of matching quotes.
    static func unquoted(_ text: String) -> String {
        if text.count >= 2, let f = text.first, f == "'" || f == "\"", text.last == f {
            return String(text.dropFirst().dropLast())
        }
        return text
    }

    /// Sorts distinct values: numerically when all are numbers, else in first-seen order.
    static func ordered(_ values: [String]) -> [String] {
        let numbers = values.map(number)
        guard !values.isEmpty, numbers.allSatisfy({ $0.map { !$0.isNaN } ?? false }) else { return values }
        return zip(values, numbers).sorted { ($0.1 ?? 0) < ($1.1 ?? 0) }.map(\.0)
    }
}
