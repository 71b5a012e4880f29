extension Interpolator {
    /// Splits a string into literal text and `${…}` expressions (OmegaConf's grammar, for the
    /// forms configs use). Works on UTF-8 bytes: every delimiter is ASCII.
    struct Parser {
        private let bytes: [UInt8]
        private var index = 0

        init(text: String) {
            bytes = Array(text.utf8)
        }

        private static let dollar = UInt8(ascii: "$")
        private static let open = UInt8(ascii: "{")
        private static let close = UInt8(ascii: "}")
        private static let backslash = UInt8(ascii: "\\")

        private func startsInterpolation(at i: Int) -> Bool {
            i + 1 < bytes.count && bytes[i] == Self.dollar && bytes[i + 1] == Self.open
        }

        private static func text(_ slice: ArraySlice<UInt8>) -> String {
            String(decoding: slice, as: UTF8.self)
        }

        /// The whole string as segments.
        mutating func parseAll() throws(ParseFailure) -> [Segment] {
            var segments: [Segment] = []
            var text: [UInt8] = []
            while index < bytes.count {
                let c = bytes[index]
                if c == Self.backslash && startsInterpolation(at: index + 1) {
                    text += [Self.dollar, Self.open]
                    index += 3
                } else if c == Self.backslash && index + 1 < bytes.count && bytes[index + 1] == Self.backslash
                    && startsInterpolation(at: index + 2)
                {
                    text.append(Self.backslash)
                    index += 2
                } else if startsInterpolation(at: index) {
                    if !text.isEmpty { segments.append(.text(Self.text(text[...]))) }
                    text = []
                    segments.append(.interpolation(try parseInterpolation()))
                } else {
                    text.append(c)
                    index += 1
                }
            }
            if !text.isEmpty || segments.isEmpty { segments.append(.text(Self.text(text[...]))) }
            return segments
        }

        private static func isNameByte(_ c: UInt8) -> Bool {
            (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
                || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: ".")
                || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || c >= 0x80
        }

        /// Parses `${…}` starting at the `$`.
        private mutating func parseInterpolation() throws(ParseFailure) -> Expression {
            index += 2
            // A resolver call has `name:` before any nested interpolation.
            var probe = index
            while probe < bytes.count, Self.isNameByte(bytes[probe]) { probe += 1 }
            if probe < bytes.count, bytes[probe] == UInt8(ascii: ":"), probe > index {
                let name = Self.text(bytes[index..<probe])
                index = probe + 1
                return .call(name, try parseArguments(name))
            }
            var parts: [Segment] = []
            var start = index
            while true {
                guard index < bytes.count else { throw ParseFailure(text: "missing '}'") }
                let c = bytes[index]
                if startsInterpolation(at: index) {
                    if start < index { parts.append(.text(Self.text(bytes[start..<index]))) }
                    parts.append(.interpolation(try parseInterpolation()))
                    start = index
                } else if c == Self.close {
                    if start < index { parts.append(.text(Self.text(bytes[start..<index]))) }
                    index += 1
                    if parts.isEmpty { throw ParseFailure(text: "empty '${}'") }
                    return .reference(parts)
                } else if c == UInt8(ascii: " ") || c == UInt8(ascii: "'") || c == UInt8(ascii: "\"")
                    || c == UInt8(ascii: ",")
                {
                    throw ParseFailure(text: "unexpected '\(Character(Unicode.Scalar(c)))' in a key path")
                } else {
                    index += 1
                }
            }
        }

        /// The arguments of a resolver call, up to its closing `}`; quotes are kept for typing.
        private mutating func parseArguments(_ name: String) throws(ParseFailure) -> [[Segment]] {
            var args: [[Segment]] = []
            var current: [Segment] = []
            var start = index
            var depth = 0
            var quote: UInt8?
            func flush(_ end: Int) {
                if start < end { current.append(.text(Self.text(bytes[start..<end]))) }
            }
            while true {
                guard index < bytes.count else { throw ParseFailure(text: "missing '}' after '${\(name):'") }
                let c = bytes[index]
                if let q = quote {
                    if c == q { quote = nil }
                    index += 1
                } else if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                    quote = c
                    index += 1
                } else if startsInterpolation(at: index) {
                    flush(index)
                    current.append(.interpolation(try parseInterpolation()))
                    start = index
                } else if c == UInt8(ascii: "[") || c == Self.open {
                    depth += 1
                    index += 1
                } else if (c == UInt8(ascii: "]") || c == Self.close) && depth > 0 {
                    depth -= 1
                    index += 1
                } else if c == UInt8(ascii: ",") && depth == 0 {
                    flush(index)
                    args.append(current)
                    current = []
                    index += 1
                    start = index
                } else if c == Self.close {
                    flush(index)
                    if !current.isEmpty || !args.isEmpty { args.append(current) }
                    index += 1
                    return args
                } else {
                    index += 1
                }
            }
        }
    }
}
