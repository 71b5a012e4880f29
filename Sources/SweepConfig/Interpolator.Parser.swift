extension Interpolator {
    /// Splits a string into literal text and `${…}` expressions (OmegaConf's grammar, for the
    /// forms configs use).
    struct Parser {
        private let chars: [Character]
        private var index = 0

        init(text: String) {
            chars = Array(text)
        }

        /// The whole string as segments.
        mutating func parseAll() throws(ParseFailure) -> [Segment] {
            var segments: [Segment] = []
            var text = ""
            while index < chars.count {
                let c = chars[index]
                if c == "\\" && index + 2 < chars.count && chars[index + 1] == "$" && chars[index + 2] == "{" {
                    text += "${"
                    index += 3
                } else if c == "\\" && index + 3 < chars.count && chars[index + 1] == "\\" && chars[index + 2] == "$"
                    && chars[index + 3] == "{"
                {
                    text += "\\"
                    index += 2
                } else if c == "$" && index + 1 < chars.count && chars[index + 1] == "{" {
                    if !text.isEmpty { segments.append(.text(text)) }
                    text = ""
                    segments.append(.interpolation(try parseInterpolation()))
                } else {
                    text.append(c)
                    index += 1
                }
            }
            if !text.isEmpty || segments.isEmpty { segments.append(.text(text)) }
            return segments
        }

        /// Parses `${…}` starting at the `$`.
        private mutating func parseInterpolation() throws(ParseFailure) -> Expression {
            index += 2
            // A resolver call has `name:` before any nested interpolation.
            var probe = index
            while probe < chars.count, chars[probe].isLetter || chars[probe].isNumber || "._-".contains(chars[probe]) {
                probe += 1
            }
            if probe < chars.count, chars[probe] == ":", probe > index {
                let name = String(chars[index..<probe])
                index = probe + 1
                var args: [[Segment]] = []
                var current: [Segment] = []
                var text = ""
                var depth = 0
                var quote: Character?
                while true {
                    guard index < chars.count else { throw ParseFailure(text: "missing '}' after '${\(name):'") }
                    let c = chars[index]
                    if let q = quote {
                        text.append(c)
                        if c == q { quote = nil }
                        index += 1
                    } else if c == "'" || c == "\"" {
                        quote = c
                        text.append(c)
                        index += 1
                    } else if c == "$" && index + 1 < chars.count && chars[index + 1] == "{" {
                        if !text.isEmpty { current.append(.text(text)) }
                        text = ""
                        current.append(.interpolation(try parseInterpolation()))
                    } else if c == "[" || c == "{" {
                        depth += 1
                        text.append(c)
                        index += 1
                    } else if (c == "]" || c == "}") && depth > 0 {
                        depth -= 1
                        text.append(c)
                        index += 1
                    } else if c == "," && depth == 0 {
                        if !text.isEmpty { current.append(.text(text)) }
                        args.append(current)
                        current = []
                        text = ""
                        index += 1
                    } else if c == "}" {
                        if !text.isEmpty { current.append(.text(text)) }
                        if !current.isEmpty || !args.isEmpty { args.append(current) }
                        index += 1
                        return .call(name, args)
                    } else {
                        text.append(c)
                        index += 1
                    }
                }
            }
            var parts: [Segment] = []
            var text = ""
            while true {
                guard index < chars.count else { throw ParseFailure(text: "missing '}'") }
                let c = chars[index]
                if c == "$" && index + 1 < chars.count && chars[index + 1] == "{" {
                    if !text.isEmpty { parts.append(.text(text)) }
                    text = ""
                    parts.append(.interpolation(try parseInterpolation()))
                } else if c == "}" {
                    if !text.isEmpty { parts.append(.text(text)) }
                    index += 1
                    if parts.isEmpty { throw ParseFailure(text: "empty '${}'") }
                    return .reference(parts)
                } else if c == " " || c == "'" || c == "\"" || c == "," {
                    throw ParseFailure(text: "unexpected '\(c)' in a key path")
                } else {
                    text.append(c)
                    index += 1
                }
            }
        }
    }
}
