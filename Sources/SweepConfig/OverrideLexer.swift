/// The tokenizer of Hydra's override grammar (OverrideLexer.g4), written by hand.
///
/// Like ANTLR, it takes the longest match at each position and, on a tie, the rule
/// defined first. It starts in key mode and switches to value mode after the first `=`.
struct OverrideLexer {
    /// A token kind; the order of the value-mode cases is ANTLR's tie-break order.
    enum Kind: Int, Sendable, Equatable, CaseIterable {
        // Key mode.
        case equal, tilde, plus, at, colon, slash, id, keySpecial, dotPath
        // Value mode (also `colon`, `equal` and `id`).
        case popen, comma, pclose, bracketOpen, bracketClose, braceOpen, braceClose
        case float, int, bool, null, unquotedChar, esc, ws, quotedValue, interpolation
        case eof
    }

    /// A token: its kind, text and 1-based column of its first character.
    struct Token: Sendable, Equatable {
        var kind: Kind
        var text: String
        var column: Int
    }

    /// The override's characters (Unicode scalars: Hydra lexes code points).
    let scalars: [Unicode.Scalar]
    /// The override as written.
    let text: String

    /// Creates a lexer over an override.
    init(_ text: String) {
        self.text = text
        self.scalars = Array(text.unicodeScalars)
    }

    /// Every token, ending with `.eof`; a character no rule accepts is an error at its column.
    func tokens() throws(ConfigError) -> [Token] {
        var result: [Token] = []
        var i = 0
        var valueMode = false
        while i < scalars.count {
            let match = valueMode ? valueToken(at: i) : keyToken(at: i)
            guard let (kind, length) = match else {
                throw unexpected(at: i, valueMode: valueMode)
            }
            let piece = String(String.UnicodeScalarView(scalars[i..<(i + length)]))
            result.append(Token(kind: kind, text: piece, column: i + 1))
            if kind == .equal { valueMode = true }
            i += length
        }
        result.append(Token(kind: .eof, text: "", column: scalars.count + 1))
        return result
    }

    /// The error for a character that starts no token.
    private func unexpected(at i: Int, valueMode: Bool) -> ConfigError {
        let c = scalars[i]
        let shown: String
        if c == " " {
            shown = "space"
        } else if c == "\t" {
            shown = "tab"
        } else if c.properties.generalCategory == .control {
            let hex = String(c.value, radix: 16, uppercase: true)
            shown = "control character U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        } else {
            shown = "'\(c)'"
        }
        if !valueMode {
            var notes: [String] = []
            if c == " " || c == "\t" {
                notes.append(
                    "help: a key cannot contain whitespace; quote the whole override in the shell: 'key=a value'")
            } else if c == "." {
                notes.append("help: a key path is names separated by single dots, e.g. a.b.c")
            } else {
                notes.append("help: key names are made of ASCII letters, digits, '_', '-' and '$'")
            }
            return OverrideParser.error(
                text, column: i + 1,
                "unexpected \(shown) in the key; expected a key such as a.b.c, a group such as db or server/db, or '='",
                notes: notes)
        }
        if c == "\"" || c == "'" {
            return OverrideParser.error(
                text, column: i + 1, "unterminated quoted string: expected a closing \(c)",
                notes: ["help: inside quotes, write \\\(c) for a literal \(c)"])
        }
        return OverrideParser.error(
            text, column: i + 1, "unexpected \(shown) in the value",
            notes: ["help: quote the value to use it as a string, e.g. key='...'"])
    }

    // MARK: Key mode

    private func keyToken(at i: Int) -> (Kind, Int)? {
        let c = scalars[i]
        switch c {
        case "=": return (.equal, 1 + wsLength(at: i + 1))
        case "~": return (.tilde, 1)
        case "+": return (.plus, 1)
        case "@": return (.at, 1)
        case ":": return (.colon, 1)
        case "/": return (.slash, 1)
        default: break
        }
        let candidates: [(Kind, Int)] = [
            (.id, idLength(at: i)), (.keySpecial, keySpecialLength(at: i)), (.dotPath, dotPathLength(at: i)),
        ]
        return longest(candidates)
    }

    private func keySpecialLength(at i: Int) -> Int {
        guard i < scalars.count, isChar(scalars[i]) || scalars[i] == "_" || scalars[i] == "$" else { return 0 }
        var j = i + 1
        while j < scalars.count, isIdTail(scalars[j]) || scalars[j] == "$" { j += 1 }
        return j - i
    }

    private func dotPathLength(at i: Int) -> Int {
        func segment(_ k: Int) -> Int { max(keySpecialLength(at: k), intUnsignedLength(at: k)) }
        let first = segment(i)
        guard first > 0 else { return 0 }
        var j = i + first
        var parts = 0
        while j < scalars.count, scalars[j] == "." {
            let s = segment(j + 1)
            if s == 0 { break }
            j += 1 + s
            parts += 1
        }
        return parts > 0 ? j - i : 0
    }

    // MARK: Value mode

    private func valueToken(at i: Int) -> (Kind, Int)? {
        let candidates: [(Kind, Int)] = [
            (.popen, surrounded("(", at: i, before: true, after: true)),
            (.comma, surrounded(",", at: i, before: true, after: true)),
            (.pclose, surrounded(")", at: i, before: true, after: false)),
            (.bracketOpen, surrounded("[", at: i, before: false, after: true)),
            (.bracketClose, surrounded("]", at: i, before: true, after: false)),
            (.braceOpen, surrounded("{", at: i, before: false, after: true)),
            (.braceClose, surrounded("}", at: i, before: true, after: false)),
            (.colon, surrounded(":", at: i, before: true, after: true)),
            (.equal, surrounded("=", at: i, before: true, after: true)),
            (.float, floatLength(at: i)),
            (.int, intLength(at: i)),
            (.bool, keywordLength(at: i, ["true", "false"])),
            (.null, keywordLength(at: i, ["null"])),
            (.unquotedChar, "/-\\+.$%*@?|".unicodeScalars.contains(scalars[i]) ? 1 : 0),
            (.id, idLength(at: i)),
            (.esc, escLength(at: i)),
            (.ws, wsLength(at: i)),
            (.quotedValue, quotedLength(at: i)),
            (.interpolation, interpolationLength(at: i)),
        ]
        return longest(candidates)
    }

    /// `WS? c WS?` with the optional parts as the rule allows.
    private func surrounded(_ c: Unicode.Scalar, at i: Int, before: Bool, after: Bool) -> Int {
        var j = i
        if before { j += wsLength(at: j) }
        guard j < scalars.count, scalars[j] == c else { return 0 }
        j += 1
        if after { j += wsLength(at: j) }
        return j - i
    }

    private func signLength(at i: Int) -> Int {
        i < scalars.count && (scalars[i] == "+" || scalars[i] == "-") ? 1 : 0
    }

    private func intLength(at i: Int) -> Int {
        let s = signLength(at: i)
        let n = intUnsignedLength(at: i + s)
        return n > 0 ? s + n : 0
    }

    private func floatLength(at i: Int) -> Int {
        let s = signLength(at: i)
        let j = i + s
        var best = 0
        for n in pointFloatLengths(at: j) { best = max(best, n) }
        best = max(best, exponentFloatLength(at: j))
        best = max(best, keywordLength(at: j, ["inf", "nan"]))
        return best > 0 ? s + best : 0
    }

    /// Every length POINT_FLOAT can match at `i`.
    private func pointFloatLengths(at i: Int) -> [Int] {
        var result: [Int] = []
        let n = intUnsignedLength(at: i)
        if n > 0, i + n < scalars.count, scalars[i + n] == "." {
            result.append(n + 1)
        }
        for k in Set([0, n]) where i + k < scalars.count && scalars[i + k] == "." {
            let d = digitsLength(at: i + k + 1)
            if d > 0 { result.append(k + 1 + d) }
        }
        return result
    }

    private func exponentFloatLength(at i: Int) -> Int {
        var bases = pointFloatLengths(at: i)
        let n = intUnsignedLength(at: i)
        if n > 0 { bases.append(n) }
        var best = 0
        for b in bases {
            var j = i + b
            guard j < scalars.count, scalars[j] == "e" || scalars[j] == "E" else { continue }
            j += 1
            j += signLength(at: j)
            let d = digitsLength(at: j)
            if d > 0 { best = max(best, j + d - i) }
        }
        return best
    }

    /// `DIGIT (('_')? DIGIT)*`.
    private func digitsLength(at i: Int) -> Int {
        guard i < scalars.count, isDigit(scalars[i]) else { return 0 }
        return 1 + digitTailLength(at: i + 1)
    }

    /// `(('_')? DIGIT)*`.
    private func digitTailLength(at i: Int) -> Int {
        var j = i
        while j < scalars.count {
            if isDigit(scalars[j]) {
                j += 1
            } else if scalars[j] == "_", j + 1 < scalars.count, isDigit(scalars[j + 1]) {
                j += 2
            } else {
                break
            }
        }
        return j - i
    }

    /// `'0' | [1-9] (('_')? DIGIT)*`.
    private func intUnsignedLength(at i: Int) -> Int {
        guard i < scalars.count, isDigit(scalars[i]) else { return 0 }
        if scalars[i] == "0" { return 1 }
        return 1 + digitTailLength(at: i + 1)
    }

    private func keywordLength(at i: Int, _ words: [String]) -> Int {
        for word in words {
            let w = Array(word.unicodeScalars)
            guard i + w.count <= scalars.count else { continue }
            var ok = true
            for (k, c) in w.enumerated() where lower(scalars[i + k]) != c {
                ok = false
                break
            }
            if ok { return w.count }
        }
        return 0
    }

    private func idLength(at i: Int) -> Int {
        guard i < scalars.count, isChar(scalars[i]) || scalars[i] == "_" else { return 0 }
        var j = i + 1
        while j < scalars.count, isIdTail(scalars[j]) { j += 1 }
        return j - i
    }

    private func escLength(at i: Int) -> Int {
        var j = i
        while j + 1 < scalars.count, scalars[j] == "\\", "\\()[]{}:=, \t".unicodeScalars.contains(scalars[j + 1]) {
            j += 2
        }
        return j - i
    }

    private func wsLength(at i: Int) -> Int {
        var j = i
        while j < scalars.count, scalars[j] == " " || scalars[j] == "\t" { j += 1 }
        return j - i
    }

    /// A quoted value ends at the first matching quote preceded by an even number of backslashes.
    private func quotedLength(at i: Int) -> Int {
        let q = scalars[i]
        guard q == "'" || q == "\"" else { return 0 }
        var j = i + 1
        while j < scalars.count {
            if scalars[j] == q {
                var backslashes = 0
                var k = j - 1
                while k > i, scalars[k] == "\\" {
                    backslashes += 1
                    k -= 1
                }
                if backslashes % 2 == 0 { return j - i + 1 }
            }
            j += 1
        }
        return 0
    }

    /// `'${' ~('}')+ '}'`.
    private func interpolationLength(at i: Int) -> Int {
        guard i + 1 < scalars.count, scalars[i] == "$", scalars[i + 1] == "{" else { return 0 }
        var j = i + 2
        while j < scalars.count, scalars[j] != "}" { j += 1 }
        guard j < scalars.count, j > i + 2 else { return 0 }
        return j + 1 - i
    }

    // MARK: Helpers

    private func longest(_ candidates: [(Kind, Int)]) -> (Kind, Int)? {
        var best: (Kind, Int)?
        for candidate in candidates where candidate.1 > 0 {
            if candidate.1 > (best?.1 ?? 0) { best = candidate }
        }
        return best
    }

    private func isChar(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
    private func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    private func isIdTail(_ c: Unicode.Scalar) -> Bool { isChar(c) || isDigit(c) || c == "_" || c == "-" }
    private func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(c) ? Unicode.Scalar(c.value + 32) ?? c : c
    }
}
