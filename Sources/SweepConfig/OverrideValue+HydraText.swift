extension OverrideValue {
    /// The value rendered exactly as Hydra renders a parsed value into a job's overrides.yaml
    /// (`1e-3` → `0.001`, `1e-5` → `1e-05`, `+5` → `5`, `10_0` → `100`, `[0, 1]` → `[0,1]`,
    /// `a b` → `a\ b`, `true` → `True`). A sweep, which Hydra never renders, is shown as a call.
    public var hydraText: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return PythonFloat.repr(d)
        case .string(let s): return Self.escapeSpecialCharacters(s)
        case .quoted(let s, let quote): return Self.withQuotes(s, quote)
        case .list(let items): return "[" + items.map(\.hydraText).joined(separator: ",") + "]"
        case .dict(let entries):
            return "{" + entries.map { $0.keyValue.hydraText + ":" + $0.value.hydraText }.joined(separator: ",") + "}"
        case .sweep(let sweep): return sweep.description
        }
    }

    /// The characters Hydra escapes with a backslash in unquoted strings.
    static let specialCharacters: Set<Character> = ["\\", "(", ")", "[", "]", "{", "}", ":", "=", ",", " ", "\t"]

    /// Hydra's `escape_special_characters`: a backslash before each special character.
    static func escapeSpecialCharacters(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if specialCharacters.contains(Character(scalar)) { out.append("\\") }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Hydra's `QuotedString.with_quotes`: re-quote, escaping the quote and any backslashes before a quote.
    static func withQuotes(_ s: String, _ quote: Quote) -> String {
        let q: Unicode.Scalar = quote == .single ? "'" : "\""
        var scalars = Array(s.unicodeScalars)
        scalars.append(q)  // the closing quote, so that trailing backslashes are doubled too
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\\" {
                var j = i
                while j < scalars.count, scalars[j] == "\\" { j += 1 }
                let run = j - i
                let beforeQuote = j < scalars.count && scalars[j] == q
                for _ in 0..<(beforeQuote ? run * 2 : run) { out.append("\\") }
                i = j
                continue
            }
            if scalars[i] == q {
                if i == scalars.count - 1 { break }
                out.append("\\")
            }
            out.append(scalars[i])
            i += 1
        }
        return String(q) + String(out) + String(q)
    }
}
