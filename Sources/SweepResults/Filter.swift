/// A `--where` condition on an override key or a metric: `k=v`, `k!=v`, `k<v`, `k<=v`, `k>v`,
/// `k>=v`; numbers are compared as numbers (`lr=1e-3` matches `lr=0.001`).
public struct Filter: Sendable, Hashable, CustomStringConvertible {
    /// A comparison.
    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        /// `=` (also `==`).
        case equal = "="
        /// `!=`.
        case notEqual = "!="
        /// `<`.
        case less = "<"
        /// `<=`.
        case lessOrEqual = "<="
        /// `>`.
        case greater = ">"
        /// `>=`.
        case greaterOrEqual = ">="
    }

    /// The key (an override key or a metric name, possibly with `:reduction`).
    public var key: String
    /// The comparison.
    public var comparison: Comparison
    /// The value text.
    public var value: String

    /// Creates a filter.
    public init(key: String, _ comparison: Comparison, _ value: String) {
        self.key = key
        self.comparison = comparison
        self.value = value
    }

    /// Parses `k=v` (or `!=`, `<`, `<=`, `>`, `>=`).
    public init(parsing text: String) throws(ResultsError) {
        let operators: [(String, Comparison)] = [
            ("!=", .notEqual), ("<=", .lessOrEqual), (">=", .greaterOrEqual), ("==", .equal), ("=", .equal),
            ("<", .less), (">", .greater),
        ]
        var best: (range: Range<String.Index>, comparison: Comparison)?
        for (symbol, comparison) in operators {
            guard let range = text.firstRange(of: symbol) else { continue }
            if let current = best, current.range.lowerBound <= range.lowerBound { continue }
            best = (range, comparison)
        }
        guard let best, best.range.lowerBound > text.startIndex else {
            throw ResultsError(
                "--where '\(text)' is not a condition", notes: ["help: write KEY=VALUE, e.g. --where beta=10"])
        }
        key = String(text[..<best.range.lowerBound])
        comparison = best.comparison
        value = String(text[best.range.upperBound...])
    }

    /// The condition as written (`k=v`).
    public var description: String { key + comparison.rawValue + value }

    /// Whether a cell's value (nil when the cell has none) passes.
    public func matches(_ text: String?) -> Bool {
        guard let text else { return comparison == .notEqual }
        if let a = ValueText.number(text), let b = ValueText.number(value) {
            return matches(order: a < b ? -1 : (a > b ? 1 : (a == b ? 0 : nil)))
        }
        let a = ValueText.unquoted(text)
        let b = ValueText.unquoted(value)
        return matches(order: a < b ? -1 : (a > b ? 1 : 0))
    }

    /// Whether a metric value passes.
    public func matches(number: Double?) -> Bool {
        guard let number else { return comparison == .notEqual }
        guard let b = ValueText.number(value) else { return comparison == .notEqual }
        return matches(order: number < b ? -1 : (number > b ? 1 : (number == b ? 0 : nil)))
    }

    private func matches(order: Int?) -> Bool {
        guard let order else { return comparison == .notEqual }
        switch comparison {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }
}
