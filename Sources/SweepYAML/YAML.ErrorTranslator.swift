internal import CYAML

extension YAML {
    /// Turns libyaml's terse error (problem, context and their marks) into a compiler-style
    /// diagnostic in plain English, with `help:` notes for the common mistakes.
    struct ErrorTranslator {
        let source: SourceText
        let kind: yaml_error_type_t
        let problem: String
        let context: String
        let problemMark: Mark
        let contextMark: Mark
        let problemOffset: Int
        let problemValue: Int

        /// Captures the error state of a parser that just failed.
        init(source: SourceText, parser: yaml_parser_t) {
            self.source = source
            kind = parser.error
            problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
            context = parser.context.map { String(cString: $0) } ?? ""
            problemMark = Mark(
                file: source.file, line: Int(parser.problem_mark.line) + 1,
                column: Int(parser.problem_mark.column) + 1)
            contextMark = Mark(
                file: source.file, line: Int(parser.context_mark.line) + 1,
                column: Int(parser.context_mark.column) + 1)
            problemOffset = Int(parser.problem_offset)
            problemValue = Int(parser.problem_value)
        }

        /// The diagnostic for the captured error.
        func diagnostic() -> Diagnostic {
            switch kind {
            case YAML_MEMORY_ERROR:
                return Diagnostic("ran out of memory while parsing '\(source.file)'")
            case YAML_READER_ERROR:
                return readerError()
            default:
                break
            }
            if isTabProblem { return tabIndentation() }
            switch problem {
            case "did not find expected ',' or ']'", "did not find expected ',' or '}'":
                return flowCollection()
            case "found unknown escape character":
                return unknownEscape()
            case "did not find expected hexdecimal number":
                return badHexEscape()
            case "found invalid Unicode character escape code":
                return invalidCodePoint()
            case "found unexpected end of stream" where context == "while scanning a quoted scalar",
                "found unexpected document indicator" where context == "while scanning a quoted scalar":
                return unterminatedQuote()
            case "mapping values are not allowed in this context":
                return unexpectedColon()
            case "did not find expected key":
                return expectedKey()
            case "did not find expected '-' indicator":
                return expectedListItem()
            case "block sequence entries are not allowed in this context":
                return source.diagnostic(
                    "a list item '- ' cannot start on the same line as its key", at: problemMark,
                    notes: [
                        "help: put each item on its own line below the key, indented, or write a flow list such as "
                            + "'key: [a, b]'"
                    ])
            case "mapping keys are not allowed in this context":
                return source.diagnostic(
                    "'?' cannot start a value here", at: problemMark,
                    notes: ["help: if '?' is part of the text, put the value in quotes"])
            case "found character that cannot start any token":
                return cannotStartToken()
            case "did not find expected <document start>":
                return trailingContent()
            case "did not find expected node content":
                return missingValue()
            case "did not find expected comment or line break" where context == "while scanning a block scalar":
                return source.diagnostic(
                    "unexpected text after the block scalar indicator", at: problemMark,
                    notes: source.note("the block scalar starts", at: contextMark)
                        + ["help: '|' and '>' end their line; start the text on the next line, indented"])
            case "could not find expected ':'" where context == "while scanning a simple key":
                return source.diagnostic(
                    "expected ':' after this key", at: contextMark,
                    notes: [
                        "help: a line of a mapping is 'key: value'; if this line continues the value above, indent "
                            + "it more than that key, or quote the value"
                    ])
            case "did not find expected alphabetic or numeric character"
            where context == "while scanning an anchor" || context == "while scanning an alias":
                let sign = context.hasSuffix("anchor") ? "&" : "*"
                let what = sign == "&" ? "an anchor" : "an alias"
                return source.diagnostic(
                    "\(what) '\(sign)' needs a name right after it (letters, digits, '-' or '_')", at: contextMark,
                    notes: ["help: if '\(sign)' is part of the text, put the value in quotes"])
            case "found undefined tag handle":
                return source.diagnostic(
                    "unknown tag handle in '\(word(at: problemMark))'", at: problemMark,
                    notes: ["help: if '!' is part of the text, put the value in quotes"])
            default:
                return generic()
            }
        }

        // MARK: - Source helpers

        /// The scalar at a mark, if any.
        func character(at mark: Mark) -> Unicode.Scalar? {
            source.character(at: mark)
        }

        /// The line's text.
        func line(_ mark: Mark) -> String {
            source.line(mark.line)
        }

        /// The non-space text starting at a mark, up to the next space.
        func word(at mark: Mark) -> String {
            let scalars = Array(line(mark).unicodeScalars)
            guard mark.column >= 1, mark.column <= scalars.count else { return "" }
            var end = mark.column - 1
            while end < scalars.count, scalars[end] != " ", scalars[end] != "\t" { end += 1 }
            return String(String.UnicodeScalarView(scalars[(mark.column - 1)..<end]))
        }

        /// How a character is named in a message: `'x'`, or a description for invisible ones.
        static func describe(_ c: Unicode.Scalar?) -> String {
            guard let c else { return "the end of the line" }
            switch c {
            case "\t": return "a tab"
            case " ": return "a space"
            case "'": return "\"'\""
            default:
                if c.properties.generalCategory == .control { return "a control character" }
                return "'\(c)'"
            }
        }

        /// The number of leading spaces of a line.
        static func indentation(_ text: String) -> Int {
            text.unicodeScalars.prefix(while: { $0 == " " }).count
        }

        // MARK: - Tabs

        var isTabProblem: Bool {
            if problem.hasPrefix("found a tab character") { return true }
            return problem == "found character that cannot start any token" && character(at: problemMark) == "\t"
        }

        func tabIndentation() -> Diagnostic {
            source.diagnostic(
                "tabs are not allowed for indentation in YAML; use spaces", at: problemMark,
                notes: ["help: replace the tab with spaces (for example two or four, like the lines around it)"])
        }

        // MARK: - Flow collections

        /// Whether the bracket opened at `mark` is closed later, skipping quoted text and comments.
        /// Returns nil when it is closed, or the bracket that ended it wrongly (`"]"` for `{ ... ]`),
        /// or "" when the text ends first.
        func closer(ofBracketAt mark: Mark) -> String? {
            guard let start = source.offset(of: mark), start < source.bytes.count else { return "" }
            let bytes = source.bytes
            var stack: [UInt8] = [bytes[start] == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")]
            var i = start + 1
            var previous = bytes[start]
            while i < bytes.count {
                let c = bytes[i]
                switch c {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    i += 1
                    while i < bytes.count {
                        if c == UInt8(ascii: "\""), bytes[i] == UInt8(ascii: "\\") {
                            i += 2
                            continue
                        }
                        if bytes[i] == c {
                            if c == UInt8(ascii: "'"), i + 1 < bytes.count, bytes[i + 1] == c {
                                i += 2
                                continue
                            }
                            break
                        }
                        i += 1
                    }
                case UInt8(ascii: "#")
                where previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t") || previous == 10
                    || previous == 13:
                    while i < bytes.count, bytes[i] != 10, bytes[i] != 13 { i += 1 }
                    continue
                case UInt8(ascii: "["):
                    stack.append(UInt8(ascii: "]"))
                case UInt8(ascii: "{"):
                    stack.append(UInt8(ascii: "}"))
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    guard let expected = stack.popLast(), expected == c else {
                        return String(UnicodeScalar(c))
                    }
                    if stack.isEmpty { return nil }
                default:
                    break
                }
                previous = i < bytes.count ? bytes[i] : 0
                i += 1
            }
            return ""
        }

        func flowCollection() -> Diagnostic {
            let isList = problem.hasSuffix("']'")
            let open = isList ? "[" : "{"
            let close = isList ? "]" : "}"
            let what = isList ? "list" : "mapping"
            if let wrong = closer(ofBracketAt: contextMark) {
                var notes: [String] = []
                if !wrong.isEmpty {
                    notes.append("note: a '\(wrong)' comes before its '\(close)'")
                }
                notes.append(
                    "help: add the matching '\(close)' after the last \(isList ? "item" : "entry") of the \(what)")
                return source.diagnostic("this '\(open)' is never closed", at: contextMark, notes: notes)
            }
            return source.diagnostic(
                "expected ',' or '\(close)' in this flow \(what), found \(Self.describe(character(at: problemMark)))",
                at: problemMark,
                notes: source.note("the \(what) starts", at: contextMark)
                    + ["help: separate the \(isList ? "items" : "entries") with ', '"])
        }

        // MARK: - Escapes and quotes

        static let validEscapes =
            "valid escapes are \\\\ \\\" \\/ \\0 \\a \\b \\t \\n \\v \\f \\r \\e \\N \\_ \\L \\P, '\\' before a space "
            + "or a line break, \\xXX, \\uXXXX and \\UXXXXXXXX"

        /// The text between the opening quote at `contextMark` and the closing quote on the same line, if any.
        func quotedText() -> String? {
            let scalars = Array(line(contextMark).unicodeScalars)
            var i = contextMark.column
            var body = String.UnicodeScalarView()
            while i < scalars.count {
                if scalars[i] == "\\", i + 1 < scalars.count {
                    body.append(scalars[i])
                    body.append(scalars[i + 1])
                    i += 2
                    continue
                }
                if scalars[i] == "\"" { return String(body) }
                body.append(scalars[i])
                i += 1
            }
            return nil
        }

        /// A help note suggesting single quotes, with the actual string when that works.
        func singleQuoteHelp() -> String {
            if let text = quotedText(), !text.contains("'"), !text.contains("\\\"") {
                return "help: to keep backslashes as they are, use single quotes instead: '\(text)'"
            }
            return "help: to keep backslashes as they are, use single quotes instead of double quotes"
        }

        func unknownEscape() -> Diagnostic {
            let scalars = line(problemMark).unicodeScalars.dropFirst(problemMark.column - 1).prefix(2)
            let escape = String(String.UnicodeScalarView(scalars))
            return source.diagnostic(
                "unknown escape '\(escape)' in a double-quoted string", at: problemMark,
                notes: [
                    "help: \(Self.validEscapes)",
                    "help: write '\\\\' for a backslash (for example in a Windows path)",
                    singleQuoteHelp(),
                ])
        }

        /// The mark of the backslash that starts the escape around the problem mark.
        func escapeStart() -> Mark {
            let scalars = Array(line(problemMark).unicodeScalars)
            var i = min(problemMark.column - 1, scalars.count) - 1
            while i >= 0 {
                if scalars[i] == "\\" { return Mark(file: source.file, line: problemMark.line, column: i + 1) }
                i -= 1
            }
            return problemMark
        }

        /// The escape's text: the backslash, its letter and up to `digits` more characters before a quote.
        func escapeText(at mark: Mark) -> (text: String, letter: Unicode.Scalar?) {
            let scalars = Array(line(mark).unicodeScalars.dropFirst(mark.column - 1))
            guard scalars.count >= 2 else { return (String(String.UnicodeScalarView(scalars)), nil) }
            let letter = scalars[1]
            let digits = letter == "x" ? 2 : letter == "u" ? 4 : 8
            var end = 2
            while end < scalars.count, end < 2 + digits, scalars[end] != "\"" { end += 1 }
            return (String(String.UnicodeScalarView(scalars[0..<end])), letter)
        }

        func badHexEscape() -> Diagnostic {
            let start = escapeStart()
            let (text, letter) = escapeText(at: start)
            let count = letter == "x" ? 2 : letter == "u" ? 4 : 8
            let name = letter.map { "'\\\($0)'" } ?? "this escape"
            return source.diagnostic(
                "invalid escape '\(text)' in a double-quoted string: \(name) must be followed by \(count) "
                    + "hexadecimal digits",
                at: start,
                notes: [singleQuoteHelp()])
        }

        func invalidCodePoint() -> Diagnostic {
            let start = escapeStart()
            let (text, _) = escapeText(at: start)
            return source.diagnostic(
                "invalid escape '\(text)': it is not a Unicode character (surrogates D800-DFFF and values above "
                    + "10FFFF are not allowed)",
                at: start)
        }

        func unterminatedQuote() -> Diagnostic {
            let quote = character(at: contextMark) == "'" ? "'" : "\""
            let name = quote == "'" ? "single-quoted" : "double-quoted"
            var notes: [String] = []
            if problem == "found unexpected document indicator" {
                notes += source.note("a document marker line ends the text first", at: problemMark)
            } else {
                notes.append("note: the file ends before the closing \(quote)")
            }
            notes.append("help: add the closing \(quote) where the string should end")
            return source.diagnostic("this \(name) string is never closed", at: contextMark, notes: notes)
        }

        // MARK: - Indentation and ':'

        /// The nearest line before `number` that holds something other than spaces and comments.
        func previousContentLine(before number: Int) -> (number: Int, text: String)? {
            var n = number - 1
            while n >= 1 {
                let text = source.line(n)
                let trimmed = text.drop(while: { $0 == " " })
                if !trimmed.isEmpty, !trimmed.hasPrefix("#") { return (n, text) }
                n -= 1
            }
            return nil
        }

        /// A `key:value` written without the space after ':' (a URL-like `http://` is not one).
        static func colonWithoutSpace(_ text: String) -> Bool {
            let trimmed = text.drop(while: { $0 == " " || $0 == "-" })
            guard !trimmed.hasPrefix("\""), !trimmed.hasPrefix("'"), let colon = trimmed.firstIndex(of: ":"),
                colon > trimmed.startIndex
            else { return false }
            let after = trimmed[trimmed.index(after: colon)...]
            return !after.isEmpty && !after.hasPrefix(" ") && !after.hasPrefix("\t")
        }

        func unexpectedColon() -> Diagnostic {
            let message = "unexpected ':' here: a mapping value cannot start in the middle of a value"
            let text = line(problemMark)
            let before = String(text.unicodeScalars.prefix(problemMark.column - 1))
            // `a: b: c` — a second ': ' on the line of a key.
            if let range = before.range(of: ": ") {
                let key = before[..<range.lowerBound].drop(while: { $0 == " " })
                let skipped = before[..<range.upperBound].unicodeScalars.count
                let rest = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(skipped)))
                let value = rest.trimmingSuffixSpaces()
                let suggestion = value.contains("\"") ? "'\(value)'" : "\"\(value)\""
                return source.diagnostic(
                    message, at: problemMark,
                    notes: ["help: if ':' is part of the value, put the value in quotes: \(key): \(suggestion)"])
            }
            let indent = Self.indentation(text)
            if let previous = previousContentLine(before: problemMark.line) {
                // `key:value` on the line above joined this line into one plain value.
                if Self.colonWithoutSpace(previous.text), !previous.text.contains(": "),
                    !previous.text.hasSuffix(":")
                {
                    return source.diagnostic(
                        message, at: problemMark,
                        notes: [
                            "help: line \(previous.number) has no space after its ':'; write 'key: value' "
                                + "(or quote the whole text if ':' belongs to it)"
                        ])
                }
                // A line without ':' between keys.
                if !previous.text.contains(":"), Self.indentation(previous.text) == indent,
                    !previous.text.drop(while: { $0 == " " }).hasPrefix("-")
                {
                    return source.diagnostic(
                        message, at: problemMark,
                        notes: [
                            "help: line \(previous.number) has no ':', so it runs on into this line; a line of a "
                                + "mapping is 'key: value'"
                        ])
                }
                // A key indented under a key that already has a value.
                if indent > Self.indentation(previous.text), !previous.text.hasSuffix(":") {
                    return source.diagnostic(
                        message, at: problemMark,
                        notes: [
                            "help: this line is indented more than line \(previous.number), which already has its "
                                + "value; indent it like the keys above, or quote the value if ':' belongs to it"
                        ])
                }
            }
            return source.diagnostic(
                message, at: problemMark,
                notes: [
                    "help: a key needs a space after its ':'; if ':' is part of the value, put the value in quotes"
                ])
        }

        func expectedKey() -> Diagnostic {
            let text = line(problemMark)
            let found = character(at: problemMark)
            if found == "-", problemMark.column - 1 == Self.indentation(text) {
                return source.diagnostic(
                    "a list item '-' cannot appear among the keys of a mapping", at: problemMark,
                    notes: source.note("the mapping starts", at: contextMark)
                        + ["help: to give a key a list, put the items on the lines below the key, indented"])
            }
            if problemMark.column - 1 > Self.indentation(text) {
                return source.diagnostic(
                    "unexpected text after the value", at: problemMark,
                    notes: [
                        "help: a quoted string or a [...] / {...} must be the whole value; to include more text, "
                            + "quote all of it"
                    ])
            }
            return source.diagnostic(
                "bad indentation: this line does not line up with the keys of its mapping", at: problemMark,
                notes: source.note("the mapping starts", at: contextMark)
                    + [
                        "help: the keys of one mapping must start in the same column (column "
                            + "\(contextMark.column) here); use spaces consistently"
                    ])
        }

        func expectedListItem() -> Diagnostic {
            source.diagnostic(
                "bad indentation: expected another list item '- ' at this indentation, found "
                    + Self.describe(character(at: problemMark)),
                at: problemMark,
                notes: source.note("the list starts", at: contextMark)
                    + [
                        "help: to end the list and go on with the mapping, indent the list items more than "
                            + "their key, or give this line the indentation of the keys above"
                    ])
        }

        // MARK: - Other tokens

        func cannotStartToken() -> Diagnostic {
            let c = character(at: problemMark)
            if let c, c == "@" || c == "`" {
                return source.diagnostic(
                    "'\(c)' is reserved in YAML and cannot start a plain value", at: problemMark,
                    notes: ["help: put the value in quotes: \"\(word(at: problemMark))\""])
            }
            if let c, c == "%" {
                return source.diagnostic(
                    "'%' cannot start a plain value (it starts a YAML directive)", at: problemMark,
                    notes: ["help: put the value in quotes: \"\(word(at: problemMark))\""])
            }
            return source.diagnostic(
                "\(Self.describe(c)) cannot start a value here", at: problemMark,
                notes: ["help: put the value in quotes"])
        }

        func trailingContent() -> Diagnostic {
            var notes: [String] = []
            let first = source.line(contextMark.line)
            if Self.indentation(first) > 0, problemMark.column == 1 {
                notes.append("help: the first line is indented; start the top-level keys in column 1")
            } else {
                notes.append(
                    "help: the top-level value ended before this; check the brackets, quotes and indentation above")
            }
            return source.diagnostic(
                "unexpected \(Self.describe(character(at: problemMark))) after the end of the document",
                at: problemMark, notes: notes)
        }

        func missingValue() -> Diagnostic {
            let c = character(at: problemMark)
            if let c, c == "]" || c == "}" {
                return source.diagnostic(
                    "unexpected '\(c)': no '\(c == "]" ? "[" : "{")' is open here", at: problemMark,
                    notes: ["help: remove it, or quote the value if it belongs to the text"])
            }
            return source.diagnostic(
                "expected a value here, found \(Self.describe(c))", at: problemMark,
                notes: ["help: quote the value if it starts with a special character"])
        }

        func readerError() -> Diagnostic {
            let mark = source.mark(atByte: min(problemOffset, source.bytes.count))
            if problem == "control characters are not allowed" {
                let code = String(problemValue, radix: 16, uppercase: true)
                let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
                return source.diagnostic(
                    "control character U+\(padded) is not allowed in YAML text", at: mark,
                    notes: [
                        "help: remove it, or write it as an escape inside double quotes, such as \"\\u\(padded)\""
                    ])
            }
            return source.diagnostic("the text cannot be read as YAML: \(problem)", at: mark)
        }

        func generic() -> Diagnostic {
            var notes: [String] = []
            if !context.isEmpty, contextMark != problemMark {
                notes = source.note(context, at: contextMark)
            } else if !context.isEmpty {
                notes = ["note: \(context)"]
            }
            return source.diagnostic("invalid YAML: \(problem)", at: problemMark, notes: notes)
        }
    }
}

extension StringProtocol {
    /// The text without trailing spaces and tabs.
    fileprivate func trimmingSuffixSpaces() -> String {
        var scalars = Array(unicodeScalars)
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
