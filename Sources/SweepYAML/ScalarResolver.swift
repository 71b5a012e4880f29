import Foundation

extension Node {
    /// The scalar's typed value as OmegaConf 2.3's YAML loader resolves it; nil for sequences and mappings.
    ///
    /// A scalar whose explicit tag does not fit its text (`!!int abc`, which the loader rejects),
    /// or an integer beyond 64 bits, gives `.string` with the original text.
    public var value: Node.Value? {
        guard case .scalar(let scalar) = content else { return nil }
        return Node.value(of: scalar, tag: tag)
    }

    /// A scalar's typed value given its tag, as `value` resolves it.
    public static func value(of scalar: Scalar, tag: String?) -> Node.Value {
        ScalarResolver.value(of: scalar, tag: tag) ?? .string(scalar.text)
    }
}

/// Resolves scalars like PyYAML's SafeLoader with OmegaConf's extra float resolver
/// (and without the timestamp resolver).
enum ScalarResolver {
    static let yamlTag = "tag:yaml.org,2002:"

    /// The implicit type a plain scalar's text resolves to.
    enum Kind: Equatable {
        case null, bool, int, float, merge, value, string
    }

    /// The typed value, or nil when the loader would reject the scalar (or the integer is too big).
    static func value(of scalar: Node.Scalar, tag: String?) -> Node.Value? {
        let kind: Kind
        switch tag {
        case nil:
            guard scalar.style == .plain else { return .string(scalar.text) }
            if let value = quickValue(scalar.text) { return value }
            // Where the quick path answers it agrees with the full resolvers: ask them directly.
            kind = fullKind(scalar.text)
        case "!":
            kind = implicitKind(scalar.text)
        case yamlTag + "str": kind = .string
        case yamlTag + "int": kind = .int
        case yamlTag + "float": kind = .float
        case yamlTag + "bool": kind = .bool
        case yamlTag + "null": kind = .null
        default: kind = .string
        }
        return construct(scalar.text, as: kind)
    }

    /// Builds the value of `text` for a resolved kind, as PyYAML's constructors do.
    static func construct(_ text: String, as kind: Kind) -> Node.Value? {
        switch kind {
        case .null: return .null
        case .string: return .string(text)
        case .merge, .value: return nil
        case .bool:
            switch text.lowercased() {
            case "yes", "true", "on": return .bool(true)
            case "no", "false", "off": return .bool(false)
            default: return nil
            }
        case .int: return constructInt(text).map(Node.Value.int)
        case .float: return constructFloat(text).map(Node.Value.float)
        }
    }

    // MARK: - Implicit resolution (the resolvers' regular expressions)

    /// Which implicit resolver matches first, keyed by the first character as PyYAML does.
    static func implicitKind(_ text: String) -> Kind {
        // Fast path: most texts start with a byte no resolver looks at.
        if let first = text.utf8.first, !isResolverFirstByte(first) { return .string }
        return quickKind(text) ?? fullKind(text)
    }

    /// The value of a plain scalar in its commonest spellings (see `quickKind`), each scanned once
    /// more at most; nil when the full resolvers and constructors must decide.
    static func quickValue(_ text: String) -> Node.Value? {
        guard let first = text.utf8.first else { return nil }
        if !isResolverFirstByte(first) { return .string(text) }
        switch quickKind(text) {
        case .string?: return .string(text)
        case .null?: return .null
        case .bool?: return construct(text, as: .bool)
        case .float?: return (exactFloat(text) ?? Double(text)).map(Node.Value.float)
        case .int?:
            // Digits with an optional sign and no leading zero: accumulate, negatively so that
            // -2^63 fits; an overflow goes the long way (and is rejected there).
            var bytes = text.utf8[...]
            let negative = first == UInt8(ascii: "-")
            if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            var total = 0
            for byte in bytes {
                let (shifted, o1) = total.multipliedReportingOverflow(by: 10)
                let (next, o2) = shifted.subtractingReportingOverflow(Int(byte &- UInt8(ascii: "0")))
                if o1 || o2 { return nil }
                total = next
            }
            if negative { return .int(total) }
            return total == .min ? nil : .int(-total)
        default: return nil
        }
    }

    /// `implicitKind` by the resolvers' full regular expressions, without the quick path.
    static func fullKind(_ text: String) -> Kind {
        var bytes = Array(text.utf8)
        // Python's `$` also matches just before a final newline.
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        guard let first = bytes.first else { return .null }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            if isNull(bytes) { return .null }
            if first != UInt8(ascii: "~"), isBool(bytes) { return .bool }
            return .string
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            return isBool(bytes) ? .bool : .string
        case UInt8(ascii: "<"):
            return bytes == [60, 60] ? .merge : .string
        case UInt8(ascii: "="):
            return bytes.count == 1 ? .value : .string
        case UInt8(ascii: "."):
            return isYAML11Float(bytes) || isOmegaFloat(bytes) ? .float : .string
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if isYAML11Float(bytes) { return .float }
            if isInt(bytes) { return .int }
            if isOmegaFloat(bytes) { return .float }
            return .string
        default:
            return .string
        }
    }

    /// The kind of the commonest spellings, found in one pass without copying: decimal integers
    /// without a leading zero, `1.5`, `-2.`, `1.5e-3`, `3e8`, and words that are not null or
    /// booleans; nil when the full resolvers must decide.
    static func quickKind(_ text: String) -> Kind? {
        let bytes = text.utf8
        guard let first = bytes.first, bytes.last != UInt8(ascii: "\n") else { return nil }
        if first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")
            || first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")
        {
            guard bytes.count <= 5 else { return .string }
            if isNull(text) { return .null }
            return boolWords.contains(text) ? .bool : .string
        }
        var index = bytes.startIndex
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { index = bytes.index(after: index) }
        let digitsStart = index
        while index < bytes.endIndex, digit(bytes[index]) { index = bytes.index(after: index) }
        let digits = bytes.distance(from: digitsStart, to: index)
        guard digits > 0 else { return nil }
        if index == bytes.endIndex {
            return digits == 1 || bytes[digitsStart] != UInt8(ascii: "0") ? .int : nil
        }
        if bytes[index] == UInt8(ascii: ".") {
            index = bytes.index(after: index)
            while index < bytes.endIndex, digit(bytes[index]) { index = bytes.index(after: index) }
            if index == bytes.endIndex { return .float }
        }
        guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") else { return nil }
        index = bytes.index(after: index)
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            index = bytes.index(after: index)
        }
        let exponentStart = index
        while index < bytes.endIndex, digit(bytes[index]) { index = bytes.index(after: index) }
        return index == bytes.endIndex && index != exponentStart ? .float : nil
    }

    /// Powers of ten that a double holds exactly.
    static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]

    /// A float that `quickKind` found (`-1.25`, `3e8`, `0.5E-3`) with at most 19 digits, whose
    /// digits make an integer below 2^53 and whose decimal exponent is at most 22 either way: that
    /// integer times or over an exact power of ten, which is the correctly rounded value `strtod`
    /// gives, without its general algorithm. Nil for any other text.
    static func exactFloat(_ text: String) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var inFraction = false
        var negative = false
        var exponent = 0
        var exponentDigits = 0
        var exponentNegative = false
        var inExponent = false
        var signAllowed = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let value = Int(byte &- UInt8(ascii: "0"))
                if inExponent {
                    exponent = exponent * 10 + value
                    exponentDigits += 1
                    if exponent > 400 { return nil }
                } else {
                    digits += 1
                    if digits > 19 { return nil }
                    mantissa = mantissa * 10 + UInt64(value)
                    if inFraction { fractionDigits += 1 }
                }
            case UInt8(ascii: ".") where !inFraction && !inExponent:
                inFraction = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard !inExponent, digits > 0 else { return nil }
                inExponent = true
                signAllowed = true
                continue
            case UInt8(ascii: "-") where signAllowed:
                if inExponent { exponentNegative = true } else { negative = true }
            case UInt8(ascii: "+") where signAllowed:
                break
            default:
                return nil
            }
            signAllowed = false
        }
        guard digits > 0, !inExponent || exponentDigits > 0, mantissa <= 1 << 53 else { return nil }
        let power = (exponentNegative ? -exponent : exponent) - fractionDigits
        guard power >= -22 && power <= 22 else { return nil }
        let value = Double(mantissa)
        let scaled = power < 0 ? value / exactPowersOfTen[-power] : value * exactPowersOfTen[power]
        return negative ? -scaled : scaled
    }

    /// Whether the implicit resolvers are keyed on this first byte (`~nNyYtTfFoO<=.-+`, digits, and
    /// `\n`, which may end an empty match). A switch, not a set: it runs for every plain scalar.
    static func isResolverFirstByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "y"), UInt8(ascii: "Y"),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"),
            UInt8(ascii: "O"), UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: "."), UInt8(ascii: "-"),
            UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "\n"):
            return true
        default:
            return false
        }
    }

    static func isNull(_ b: [UInt8]) -> Bool {
        isNull(String(decoding: b, as: UTF8.self))
    }

    static func isNull(_ s: String) -> Bool {
        s == "~" || s == "null" || s == "Null" || s == "NULL"
    }

    static let boolWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]

    static func isBool(_ b: [UInt8]) -> Bool {
        b.count <= 5 && boolWords.contains(String(decoding: b, as: UTF8.self))
    }

    /// A cursor over ASCII bytes for the hand-written regular expressions.
    struct Cursor {
        let b: [UInt8]
        var i = 0
        init(_ b: [UInt8]) { self.b = b }
        var atEnd: Bool { i == b.count }
        var peek: UInt8? { i < b.count ? b[i] : nil }
        mutating func take(_ c: Character) -> Bool {
            guard let p = peek, let a = c.asciiValue, p == a else { return false }
            i += 1
            return true
        }
        mutating func takeSign() { if peek == 43 || peek == 45 { i += 1 } }
        /// Consumes `[set]*` and returns how many bytes matched.
        @discardableResult
        mutating func takeAll(_ set: (UInt8) -> Bool) -> Int {
            let start = i
            while let p = peek, set(p) { i += 1 }
            return i - start
        }
        mutating func takeOne(_ set: (UInt8) -> Bool) -> Bool {
            guard let p = peek, set(p) else { return false }
            i += 1
            return true
        }
    }

    static func digit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    static func digitOrUnderscore(_ c: UInt8) -> Bool { digit(c) || c == 95 }

    /// `(?::[0-5]?[0-9])+` — one or more sexagesimal groups.
    static func takeSexagesimalGroups(_ c: inout Cursor) -> Bool {
        var groups = 0
        while c.peek == 58 {
            let save = c.i
            c.i += 1
            let start = c.i
            let n = c.takeAll(digit)
            if n == 1 || (n == 2 && c.b[start] <= 53) {
                groups += 1
            } else {
                c.i = save
                break
            }
        }
        return groups > 0
    }

    /// `[eE][-+][0-9]+` (sign required) or, when `signOptional`, `[eE][-+]?[0-9]+`.
    static func takeExponent(_ c: inout Cursor, signOptional: Bool) -> Bool {
        guard c.take("e") || c.take("E") else { return false }
        if c.peek == 43 || c.peek == 45 { c.i += 1 } else if !signOptional { return false }
        return c.takeAll(digit) > 0
    }

    /// PyYAML's YAML 1.1 float regular expression.
    static func isYAML11Float(_ b: [UInt8]) -> Bool {
        // [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
        do {
            var c = Cursor(b)
            c.takeSign()
            if c.takeOne(digit) {
                c.takeAll(digitOrUnderscore)
                if c.take(".") {
                    c.takeAll(digitOrUnderscore)
                    if c.atEnd { return true }
                    var e = c
                    if takeExponent(&e, signOptional: false), e.atEnd { return true }
                }
            }
        }
        // \.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
        do {
            var c = Cursor(b)
            if c.take("."), c.takeOne(digit) {
                c.takeAll(digitOrUnderscore)
                if c.atEnd { return true }
                if takeExponent(&c, signOptional: false), c.atEnd { return true }
            }
        }
        // [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
        do {
            var c = Cursor(b)
            c.takeSign()
            if c.takeOne(digit) {
                c.takeAll(digitOrUnderscore)
                if takeSexagesimalGroups(&c), c.take(".") {
                    c.takeAll(digitOrUnderscore)
                    if c.atEnd { return true }
                }
            }
        }
        return isInfinityOrNaN(b)
    }

    /// `[-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)`: the spellings both float resolvers share.
    static func isInfinityOrNaN(_ b: [UInt8]) -> Bool {
        let s = String(decoding: b, as: UTF8.self)
        let unsigned = s.hasPrefix("+") || s.hasPrefix("-") ? String(s.dropFirst()) : s
        if unsigned == ".inf" || unsigned == ".Inf" || unsigned == ".INF" { return true }
        return s == ".nan" || s == ".NaN" || s == ".NAN"
    }

    /// PyYAML's YAML 1.1 int regular expression.
    static func isInt(_ b: [UInt8]) -> Bool {
        var c = Cursor(b)
        c.takeSign()
        let body = c.i
        // 0b[0-1_]+
        do {
            var d = c
            if d.take("0"), d.take("b"), d.takeAll({ $0 == 48 || $0 == 49 || $0 == 95 }) > 0, d.atEnd { return true }
        }
        // 0[0-7_]+
        do {
            var d = c
            if d.take("0"), d.takeAll({ ($0 >= 48 && $0 <= 55) || $0 == 95 }) > 0, d.atEnd { return true }
        }
        // 0 | [1-9][0-9_]*
        do {
            var d = c
            if d.take("0"), d.atEnd { return true }
            d.i = body
            if d.takeOne({ $0 >= 49 && $0 <= 57 }) {
                d.takeAll(digitOrUnderscore)
                if d.atEnd { return true }
                // [1-9][0-9_]*(?::[0-5]?[0-9])+
                if takeSexagesimalGroups(&d), d.atEnd { return true }
            }
        }
        // 0x[0-9a-fA-F_]+
        do {
            var d = c
            let hex: (UInt8) -> Bool = { digitOrUnderscore($0) || ($0 >= 97 && $0 <= 102) || ($0 >= 65 && $0 <= 70) }
            if d.take("0"), d.take("x"), d.takeAll(hex) > 0, d.atEnd { return true }
        }
        return false
    }

    /// OmegaConf's extra float regular expression (accepts `1e-3` and `1.0e3`).
    static func isOmegaFloat(_ b: [UInt8]) -> Bool {
        // [0-9]+(?:_[0-9]+)* : digits with single underscores between digit runs.
        func takeGroupedDigits(_ c: inout Cursor) -> Bool {
            guard c.takeAll(digit) > 0 else { return false }
            while c.peek == 95 {
                var d = c
                d.i += 1
                guard d.takeAll(digit) > 0 else { break }
                c = d
            }
            return true
        }
        // [-+]?[0-9]+(?:_[0-9]+)*\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        do {
            var c = Cursor(b)
            c.takeSign()
            if takeGroupedDigits(&c), c.take(".") {
                c.takeAll(digitOrUnderscore)
                if c.atEnd { return true }
                if takeExponent(&c, signOptional: true), c.atEnd { return true }
            }
        }
        // [-+]?[0-9]+(?:_[0-9]+)*(?:[eE][-+]?[0-9]+)
        do {
            var c = Cursor(b)
            c.takeSign()
            if takeGroupedDigits(&c), takeExponent(&c, signOptional: true), c.atEnd { return true }
        }
        // \.[0-9]+(?:_[0-9]+)*(?:[eE][-+][0-9]+)?
        do {
            var c = Cursor(b)
            if c.take("."), takeGroupedDigits(&c) {
                if c.atEnd { return true }
                if takeExponent(&c, signOptional: false), c.atEnd { return true }
            }
        }
        // [-+]?[0-9]+(?:_[0-9]+)*(?::[0-5]?[0-9])+\.[0-9_]*
        do {
            var c = Cursor(b)
            c.takeSign()
            if takeGroupedDigits(&c), takeSexagesimalGroups(&c), c.take(".") {
                c.takeAll(digitOrUnderscore)
                if c.atEnd { return true }
            }
        }
        return isInfinityOrNaN(b)
    }

    // MARK: - Constructors (PyYAML's construct_yaml_int / construct_yaml_float)

    /// `construct_yaml_int`: strips `_`, a sign, then binary/hex/octal/sexagesimal/decimal.
    static func constructInt(_ text: String) -> Int? {
        if let plain = plainDecimal(text) { return plain }
        var value = withoutUnderscores(text)
        guard let first = value.first else { return nil }
        var negative = false
        if first == "-" { negative = true }
        if first == "-" || first == "+" { value.removeFirst() }
        // Parse negative numbers with their sign so that -2^63 fits.
        func signed(_ digits: String, radix: Int) -> Int? {
            if negative, let f = digits.unicodeScalars.first, f != "+", f != "-", !PythonNumber.isSpace(f) {
                return PythonNumber.int("-" + digits, radix: radix)
            }
            guard let m = PythonNumber.int(digits, radix: radix) else { return nil }
            if !negative { return m }
            let (result, overflow) = 0.subtractingReportingOverflow(m)
            return overflow ? nil : result
        }
        let magnitude: Int?
        if value == "0" {
            return 0
        } else if value.hasPrefix("0b") {
            return signed(String(value.dropFirst(2)), radix: 2)
        } else if value.hasPrefix("0x") {
            return signed(String(value.dropFirst(2)), radix: 16)
        } else if value.first == "0" {
            return signed(value, radix: 8)
        } else if value.contains(":") {
            var total = 0
            var base = 1
            var baseOverflowed = false
            for part in value.split(separator: ":", omittingEmptySubsequences: false).reversed() {
                guard let digit = PythonNumber.int(String(part), radix: 10) else { return nil }
                if baseOverflowed && digit != 0 { return nil }
                let (product, o1) = digit.multipliedReportingOverflow(by: base)
                let (sum, o2) = total.addingReportingOverflow(product)
                if o1 || o2 { return nil }
                total = sum
                let (nextBase, o3) = base.multipliedReportingOverflow(by: 60)
                base = nextBase
                baseOverflowed = baseOverflowed || o3
            }
            magnitude = total
        } else {
            return signed(value, radix: 10)
        }
        guard let magnitude else { return nil }
        if negative {
            let (result, overflow) = 0.subtractingReportingOverflow(magnitude)
            return overflow ? nil : result
        }
        return magnitude
    }

    /// `construct_yaml_float`: strips `_`, lowercases, a sign, then `.inf`/`.nan`/sexagesimal/decimal.
    static func constructFloat(_ text: String) -> Double? {
        if let plain = plainFloat(text) { return plain }
        var value = withoutUnderscores(text).lowercased()
        guard let first = value.first else { return nil }
        let sign: Double = first == "-" ? -1 : 1
        if first == "-" || first == "+" { value.removeFirst() }
        if value == ".inf" { return sign * Double.infinity }
        if value == ".nan" { return Double.nan }
        if value.contains(":") {
            var total = 0.0
            var base = 1.0
            for part in value.split(separator: ":", omittingEmptySubsequences: false).reversed() {
                guard let digit = PythonNumber.float(String(part)) else { return nil }
                total += digit * base
                base *= 60
            }
            return sign * total
        }
        guard let magnitude = PythonNumber.float(value) else { return nil }
        return sign * magnitude
    }

    // MARK: - Fast paths for the common spellings

    /// `text` without `_` (a copy only when there is one).
    static func withoutUnderscores(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "_")) ? String(text.filter { $0 != "_" }) : text
    }

    /// `123`, `-7`, `+5`: an optional sign and decimal digits without a leading zero.
    static func plainDecimal(_ text: String) -> Int? {
        let bytes = text.utf8
        guard var index = bytes.first.map({ _ in bytes.startIndex }) else { return nil }
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index = bytes.index(after: index) }
        guard index < bytes.endIndex, bytes[index] != UInt8(ascii: "0") || bytes.index(after: index) == bytes.endIndex
        else { return nil }
        guard bytes[index...].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(text)
    }

    /// `0.5`, `1e-3`, `-2.5E+4`: sign, digits, one point, exponent; no `_`, `:`, `inf` or `nan`.
    static func plainFloat(_ text: String) -> Double? {
        guard
            !text.isEmpty,
            text.utf8.allSatisfy({ byte in
                (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: "+")
            }),
            text.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Double(text)
    }
}
