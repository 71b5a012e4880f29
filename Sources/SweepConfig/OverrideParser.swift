import SweepYAML

/// A recursive-descent parser for Hydra's OverrideParser.g4 over ``OverrideLexer`` tokens.
struct OverrideParser {
    typealias Token = OverrideLexer.Token

    private let text: String
    private let tokens: [Token]
    private var position = 0

    /// Tokenizes an override.
    init(_ text: String) throws(ConfigError) {
        self.text = text
        self.tokens = try OverrideLexer(text).tokens()
    }

    /// An error at a column of an override.
    static func error(_ text: String, column: Int, _ message: String, notes: [String] = []) -> ConfigError {
        ConfigError(Diagnostic(message, at: .override(text: text, column: column), notes: notes))
    }

    private func error(at token: Token, _ message: String, notes: [String] = []) -> ConfigError {
        Self.error(text, column: token.column + leadingSpaces(token), message, notes: notes)
    }

    /// Tokens such as `,` may start with whitespace; the caret goes under the symbol.
    private func leadingSpaces(_ token: Token) -> Int {
        token.text.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count == token.text.unicodeScalars.count
            ? 0 : token.text.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
    }

    private var peek: Token { tokens[min(position, tokens.count - 1)] }
    private func peek(_ offset: Int) -> Token { tokens[min(position + offset, tokens.count - 1)] }
    private mutating func advance() -> Token {
        let token = peek
        position += 1
        return token
    }

    /// How a token is named in a message.
    private func describe(_ token: Token) -> String {
        if token.kind == .eof { return "the end of the override" }
        if token.kind == .quotedValue { return "the quoted string \(token.text)" }
        let trimmed = token.text.trimmingPythonWhitespace()
        return trimmed.isEmpty ? "whitespace" : "'\(trimmed)'"
    }

    // MARK: Override and key

    /// `override: key EQUAL value? | TILDE key (EQUAL value?)? | PLUS PLUS? key EQUAL value?`.
    mutating func parseOverride() throws(ConfigError) -> Override {
        var kind = Override.Kind.change
        if peek.kind == .tilde {
            _ = advance()
            kind = .delete
        } else if peek.kind == .plus {
            _ = advance()
            kind = .add
            if peek.kind == .plus {
                _ = advance()
                kind = .forceAdd
            }
        }
        let keyToken = peek
        let (key, package) = try parseKey()
        if key.isEmpty, keyToken.kind == .plus || keyToken.kind == .tilde {
            throw error(
                at: keyToken, "unexpected \(describe(keyToken)) before the key",
                notes: ["help: write +key=value to add a key, ++key=value to add or change it, ~key to delete it"])
        }
        if key.isEmpty {
            throw error(
                at: keyToken, "missing key before \(describe(keyToken)): expected key=value",
                notes: ["help: an override names a key (a.b.c) or a config group (db, server/db), e.g. db.port=5432"])
        }
        let scalarCount = text.unicodeScalars.count
        if kind == .delete, peek.kind == .eof {
            return Override(
                kind: kind, key: key, package: package, value: nil, text: text, valueColumn: scalarCount + 1)
        }
        guard peek.kind == .equal else {
            if peek.kind == .eof {
                throw error(
                    at: peek, "missing '=' after '\(key)': expected \(key)=VALUE",
                    notes: ["help: to delete the key, write ~\(key)"])
            }
            throw error(at: peek, "unexpected \(describe(peek)) in the key; expected '='")
        }
        let equal = advance()
        let valueColumn = equal.column + equal.text.unicodeScalars.count
        if peek.kind == .eof {
            return Override(
                kind: kind, key: key, package: package, value: .string(""), text: text, valueColumn: valueColumn)
        }
        let valueStart = peek
        let value = try parseValue()
        if value.containsNestedSweep || nestedInChoice(value) {
            throw error(
                at: valueStart, "a sweep cannot be nested inside a list, a dict or another sweep",
                notes: ["help: sweep the whole value instead, e.g. key=[1,2],[1,3]"])
        }
        return Override(kind: kind, key: key, package: package, value: value, text: text, valueColumn: valueColumn)
    }

    private func nestedInChoice(_ value: OverrideValue) -> Bool {
        guard case .sweep(let sweep) = value, case .choice(let items) = sweep.kind else { return false }
        return items.contains { $0.isSweep || $0.containsNestedSweep }
    }

    /// `key: packageOrGroup (AT package)?`; `packageOrGroup: package | ID (SLASH ID)+`.
    private mutating func parseKey() throws(ConfigError) -> (String, String?) {
        var key = ""
        if peek.kind == .id, peek(1).kind == .slash {
            key = advance().text
            while peek.kind == .slash {
                _ = advance()
                guard peek.kind == .id else {
                    throw error(
                        at: peek, "expected a group name after '/', found \(describe(peek))",
                        notes: ["help: a group path is names separated by '/', e.g. server/db"])
                }
                key += "/" + advance().text
            }
        } else if [.id, .keySpecial, .dotPath].contains(peek.kind) {
            key = advance().text
        }
        var package: String?
        if peek.kind == .at {
            _ = advance()
            package = ""
            if [.id, .keySpecial, .dotPath].contains(peek.kind) { package = advance().text }
        }
        return (key, package)
    }

    // MARK: Values

    /// `value: element | element (COMMA element)+`, then the end.
    private mutating func parseValue() throws(ConfigError) -> OverrideValue {
        let first = try parseElement(after: nil)
        var result = first
        if peek.kind == .comma {
            var items = [first]
            while peek.kind == .comma {
                let comma = advance()
                items.append(try parseElement(after: comma))
            }
            result = .sweep(Sweep(.choice(items), simpleForm: true))
        }
        if peek.kind != .eof { throw unexpectedInValue(peek) }
        return result
    }

    private func unexpectedInValue(_ token: Token) -> ConfigError {
        switch token.kind {
        case .pclose, .bracketClose, .braceClose:
            return error(at: token, "unmatched \(describe(token))")
        case .equal:
            return error(
                at: token, "unexpected '=' in the value",
                notes: ["help: quote the value ('a=b') or escape the sign (a\\=b)"])
        default:
            return error(
                at: token, "unexpected \(describe(token)) after the value",
                notes: ["help: quote the value to use it as a string, e.g. key='...'"])
        }
    }

    private static let primitiveKinds: Set<OverrideLexer.Kind> = [
        .id, .null, .int, .float, .bool, .interpolation, .unquotedChar, .colon, .esc, .ws,
    ]
    private static let dictKeyKinds: Set<OverrideLexer.Kind> = [
        .id, .null, .int, .float, .bool, .unquotedChar, .esc, .ws,
    ]

    /// `element: primitive | listContainer | dictContainer | function`.
    private mutating func parseElement(after previous: Token?) throws(ConfigError) -> OverrideValue {
        let token = peek
        switch token.kind {
        case .id where peek(1).kind == .popen:
            return try parseFunction()
        case .bracketOpen:
            return try parseList()
        case .braceOpen:
            return try parseDict()
        case .quotedValue:
            _ = advance()
            return Self.unquote(token.text)
        case let kind where Self.primitiveKinds.contains(kind):
            var run: [Token] = []
            while Self.primitiveKinds.contains(peek.kind) { run.append(advance()) }
            return try primitive(run)
        default:
            let context = previous.map { " after \(describe($0))" } ?? ""
            throw error(at: token, "expected a value\(context), found \(describe(token))")
        }
    }

    /// `listContainer: '[' (element (',' element)*)? ']'`.
    private mutating func parseList() throws(ConfigError) -> OverrideValue {
        let open = advance()
        var items: [OverrideValue] = []
        if peek.kind == .bracketClose {
            _ = advance()
            return .list(items)
        }
        var previous = open
        while true {
            items.append(try parseElement(after: previous))
            switch peek.kind {
            case .comma: previous = advance()
            case .bracketClose:
                _ = advance()
                return .list(items)
            case .eof:
                throw error(at: open, "unclosed '[': expected ']' before the end of the override")
            default:
                throw error(at: peek, "expected ',' or ']' in the list, found \(describe(peek))")
            }
        }
    }

    /// `dictContainer: '{' (dictKey ':' element (',' dictKey ':' element)*)? '}'`.
    private mutating func parseDict() throws(ConfigError) -> OverrideValue {
        let open = advance()
        var entries: [OverrideValue.Entry] = []
        if peek.kind == .braceClose {
            _ = advance()
            return .dict(entries)
        }
        while true {
            guard Self.dictKeyKinds.contains(peek.kind) else {
                if peek.kind == .eof {
                    throw error(at: open, "unclosed '{': expected '}' before the end of the override")
                }
                let notes =
                    peek.kind == .quotedValue
                    ? ["help: dict keys cannot be quoted; escape special characters instead, e.g. {a\\ b: 1}"] : []
                throw error(at: peek, "expected a dict key, found \(describe(peek))", notes: notes)
            }
            var run: [Token] = []
            while Self.dictKeyKinds.contains(peek.kind) { run.append(advance()) }
            let key = try primitive(run)
            guard peek.kind == .colon else {
                if peek.kind == .eof {
                    throw error(at: open, "unclosed '{': expected '}' before the end of the override")
                }
                throw error(at: peek, "expected ':' after the dict key, found \(describe(peek))")
            }
            let colon = advance()
            let value = try parseElement(after: colon)
            let entry = OverrideValue.Entry(key: key, value: value)
            if let index = entries.firstIndex(where: { $0.key == entry.key }) {
                entries[index] = entry
            } else {
                entries.append(entry)
            }
            switch peek.kind {
            case .comma: _ = advance()
            case .braceClose:
                _ = advance()
                return .dict(entries)
            case .eof:
                throw error(at: open, "unclosed '{': expected '}' before the end of the override")
            default:
                throw error(at: peek, "expected ',' or '}' in the dict, found \(describe(peek))")
            }
        }
    }

    /// `function: ID '(' (argName? element (',' argName? element)*)? ')'`.
    private mutating func parseFunction() throws(ConfigError) -> OverrideValue {
        let name = advance()
        let open = advance()
        var call = OverrideFunctions.Call(name: name.text, text: text, column: name.column)
        if peek.kind == .pclose {
            _ = advance()
            return try OverrideFunctions.evaluate(call)
        }
        var previous = open
        while true {
            if peek.kind == .id, peek(1).kind == .equal {
                let argName = advance()
                let equal = advance()
                let value = try parseElement(after: equal)
                call.keywords.append((argName.text, value, argName.column))
            } else {
                if peek.kind == .eof {
                    throw error(at: open, "unclosed '(': expected ')' before the end of the override")
                }
                let start = peek
                let value = try parseElement(after: previous)
                if !call.keywords.isEmpty {
                    throw error(at: start, "positional argument follows keyword argument")
                }
                call.arguments.append((value, start.column + leadingSpaces(start)))
            }
            switch peek.kind {
            case .comma: previous = advance()
            case .pclose:
                _ = advance()
                return try OverrideFunctions.evaluate(call)
            case .eof:
                throw error(at: open, "unclosed '(': expected ')' before the end of the override")
            default:
                throw error(at: peek, "expected ',' or ')' in the call to \(name.text)(), found \(describe(peek))")
            }
        }
    }

    // MARK: Primitives

    /// Hydra's `_createPrimitive`: one token is typed; several are concatenated as a string
    /// (escapes processed), without leading and trailing whitespace.
    private func primitive(_ run: [Token]) throws(ConfigError) -> OverrideValue {
        var parts = run[...]
        if parts.first?.kind == .ws, parts.count > 1 { parts = parts.dropFirst() }
        if parts.last?.kind == .ws, parts.count > 1 { parts = parts.dropLast() }
        if parts.count == 1, let token = parts.first {
            switch token.kind {
            case .ws:
                throw error(at: token, "a value cannot be only whitespace")
            case .int:
                let digits = token.text.replacingUnderscores()
                guard let value = Int(digits.hasPrefix("+") ? String(digits.dropFirst()) : digits) else {
                    throw error(
                        at: token, "integer \(token.text) does not fit in 64 bits",
                        notes: ["help: quote it to keep it as a string, or write it as a float (\(digits).0)"])
                }
                return .int(value)
            case .float:
                return .float(PythonFloat.parse(token.text) ?? .nan)
            case .null:
                return .null
            case .bool:
                return .bool(token.text.lowercased() == "true")
            case .esc:
                return .string(Self.unescape(token.text))
            default:
                return .string(token.text)
            }
        }
        var out = ""
        for token in parts {
            out += token.kind == .esc ? Self.unescape(token.text) : token.text
        }
        return .string(out)
    }

    /// An ESC token's text without its backslashes (every other character).
    private static func unescape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for (i, c) in text.unicodeScalars.enumerated() where i % 2 == 1 { out.append(c) }
        return String(out)
    }

    /// Hydra's `_unescape_quoted_string`: drop the quotes; a run of backslashes before a quote
    /// (or before the closing quote) is halved, and an escaped quote becomes a quote.
    private static func unquote(_ token: String) -> OverrideValue {
        var scalars = Array(token.unicodeScalars)
        let q = scalars[0]
        scalars.removeFirst()  // the closing quote stays, so that trailing backslashes are halved
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\\" {
                var j = i
                while j < scalars.count, scalars[j] == "\\" { j += 1 }
                if j < scalars.count, scalars[j] == q {
                    // text[start+1:stop:2] of the run plus the quote.
                    let run = Array(scalars[i...j])
                    var k = 1
                    while k < run.count {
                        out.append(run[k])
                        k += 2
                    }
                    if j == scalars.count - 1, run.count % 2 == 0 {
                        // The closing quote was consumed by the halving; nothing to strip.
                        return .quoted(String(out), q == "'" ? .single : .double)
                    }
                    i = j + 1
                    continue
                }
                for k in i..<j { out.append(scalars[k]) }
                i = j
                continue
            }
            if i == scalars.count - 1 { break }  // the closing quote
            out.append(scalars[i])
            i += 1
        }
        return .quoted(String(out), q == "'" ? .single : .double)
    }
}

extension String {
    /// The string without `_`.
    fileprivate func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
