extension ConfigDecoder {
    /// Whether the enum check can apply: a scalar decoded as a type that is not a plain number,
    /// string or boolean (this skips the costly dynamic cast for most values).
    static func mayBeEnum<T>(_ type: T.Type, _ node: ConfigNode) -> Bool {
        switch node.value {
        case .mapping, .sequence, .null: return false
        default: break
        }
        return
            !(T.self == Double.self || T.self == Int.self || T.self == String.self || T.self == Bool.self
            || T.self == Float.self)
    }

    /// For a `CaseIterable` enum with `String` or `Int` raw values, the error for a value that
    /// is none of its cases (listing them, with a did-you-mean); nil otherwise.
    static func enumError<T>(_ type: T.Type, node: ConfigNode, path: String, origin: Origin) -> ConfigError? {
        guard let iterable = type as? any CaseIterable.Type else { return nil }
        let raws = rawValues(of: iterable)
        guard !raws.isEmpty else { return nil }
        let strings = raws.compactMap { $0 as? String }
        let ints = raws.compactMap { $0 as? Int }
        if strings.count == raws.count {
            if case .string(let s) = node.value, strings.contains(s) { return nil }
            var notes: [String] = []
            if case .string(let s) = node.value, let guess = Suggestion.closest(to: s, in: strings) {
                notes.append("help: did you mean '\(guess)'?")
            }
            let expected = "one of " + strings.map { "'\($0)'" }.joined(separator: ", ")
            return mismatch(expected: expected, node: node, path: path, at: origin, notes: notes)
        }
        if ints.count == raws.count {
            let value = numeric(node.value)
            if case .int(let i) = value, ints.contains(i) { return nil }
            if case .float(let d) = value, let i = Int(exactly: d), ints.contains(i) { return nil }
            let expected = "one of " + ints.map(String.init).joined(separator: ", ")
            return mismatch(expected: expected, node: node, path: path, at: origin)
        }
        return nil
    }

    /// The raw values of every case of a `CaseIterable` type that is also `RawRepresentable`.
    static func rawValues<C: CaseIterable>(of type: C.Type) -> [Any] {
        type.allCases.compactMap { ($0 as? any RawRepresentable)?.rawValue }
    }
}
