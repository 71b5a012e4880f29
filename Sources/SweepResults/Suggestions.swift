internal import SweepConfig

/// "Did you mean" for option values.
enum Suggestions {
    /// The closest of `candidates` to `word`, if one is close.
    static func closest(to word: String, in candidates: Set<String>) -> String? {
        Suggestion.closest(to: word, in: candidates.sorted())
    }
}
