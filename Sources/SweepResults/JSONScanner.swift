internal import Foundation

/// A small JSON parser over bytes that accepts Python's `NaN`, `Infinity` and `-Infinity`.
///
/// It parses one value per call and reports where it failed, so that a truncated line (a
/// trainer killed mid-write) is a warning rather than a crash.
struct JSONScanner {
    /// Why a text is not JSON.
    struct Failure: Error, Equatable {
        /// What went wrong.
        var message: String
        /// The byte offset where it went wrong.
        var offset: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    private let end: Int
    private var depth = 0

    /// Creates a scanner over `bytes[start..<end]`; the byte at `end` (if any) is never read past.
    init(_ bytes: UnsafeBufferPointer<UInt8>, start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.position = start
        self.end = end ?? bytes.count
    }

    /// Parses `text` as one JSON value.
    static func parse(_ text: String) throws(Failure) -> JSONValue {
        var utf8 = Array(text.utf8)
        utf8.append(0)
        let count = utf8.count - 1
        let result: Result<JSONValue, Failure> = utf8.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer, start: 0, end: count)
            return Result { () throws(Failure) -> JSONValue in try scanner.parseDocument() }
        }
        return try result.get()
    }

    /// Parses the whole range as one value followed only by white space.
    mutating func parseDocument() throws(Failure) -> JSONValue {
        let value = try parseValue()
        skipSpace()
        if position < end { throw fail("unexpected text after the value") }
        return value
    }

    /// A member name: the bytes between the quotes when it has no escapes, else the decoded text.
    enum Key {
        /// The raw bytes (no escapes), as a range of the scanned buffer.
        case bytes(Range<Int>)
        /// The decoded name (it had escapes).
        case text(String)
    }

    /// Parses a top-level object, calling `body` for every member whose value is a number
    /// (`null` counts as NaN: the bundled trainer writes non-finite numbers as `null`); other
    /// members are parsed and skipped.
    mutating func scanNumericMembers(_ body: (String, Double) -> Void) throws(Failure) {
        let buffer = bytes
        try scanNumericMembers { (key: Key, value: Double) in
            switch key {
            case .bytes(let range):
                body(String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self), value)
            case .text(let text): body(text, value)
            }
        }
    }

    /// ``scanNumericMembers(_:)-(String,Double)`` without making a string per member.
    mutating func scanNumericMembers(_ body: (Key, Double) -> Void) throws(Failure) {
        skipSpace()
        guard position < end, bytes[position] == UInt8(ascii: "{") else { throw fail("expected '{'") }
        position += 1
        skipSpace()
        if position < end, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return try expectEnd()
        }
        while true {
            skipSpace()
            let key = try parseKey()
            skipSpace()
            try expect(UInt8(ascii: ":"))
            skipSpace()
            guard position < end else { throw fail("unexpected end of line") }
            switch bytes[position] {
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "N"), UInt8(ascii: "I"):
                body(key, try parseNumber())
            case UInt8(ascii: "n"):
                try literal("null")
                body(key, .nan)
            default:
                _ = try parseValue()
            }
            skipSpace()
            guard position < end else { throw fail("unexpected end of line") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect(UInt8(ascii: "}"))
            return try expectEnd()
        }
    }

    /// A member name as raw bytes when it has no escapes.
    private mutating func parseKey() throws(Failure) -> Key {
        guard position < end, bytes[position] == UInt8(ascii: "\"") else {
            throw fail(position < end ? "expected a string" : "unexpected end of line")
        }
        var p = position + 1
        while p < end {
            let b = bytes[p]
            if b == UInt8(ascii: "\"") {
                let range = (position + 1)..<p
                position = p + 1
                return .bytes(range)
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { break }
            p += 1
        }
        return .text(try parseString())
    }

    private mutating func expectEnd() throws(Failure) {
        skipSpace()
        if position < end { throw fail("unexpected text after the object") }
    }

    private func fail(_ message: String) -> Failure {
        Failure(message: message, offset: position)
    }

    private mutating func skipSpace() {
        while position < end {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        guard position < end, bytes[position] == byte else {
            throw fail(position < end ? "expected '\(Character(Unicode.Scalar(byte)))'" : "unexpected end of line")
        }
        position += 1
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard position + count <= end else { throw fail("unexpected end of line") }
        let base = word.utf8Start
        for i in 0..<count where bytes[position + i] != base[i] {
            throw fail("unexpected character")
        }
        position += count
    }

    private mutating func parseValue() throws(Failure) -> JSONValue {
        skipSpace()
        guard position < end else { throw fail("unexpected end of line") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            depth += 1
            defer { depth -= 1 }
            guard depth < 512 else { throw fail("nesting too deep") }
            position += 1
            var members: [(String, JSONValue)] = []
            skipSpace()
            if position < end, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            while true {
                skipSpace()
                let key = try parseString()
                skipSpace()
                try expect(UInt8(ascii: ":"))
                members.append((key, try parseValue()))
                skipSpace()
                guard position < end else { throw fail("unexpected end of line") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "}"))
                return .object(members)
            }
        case UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            guard depth < 512 else { throw fail("nesting too deep") }
            position += 1
            var items: [JSONValue] = []
            skipSpace()
            if position < end, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            }
            while true {
                items.append(try parseValue())
                skipSpace()
                guard position < end else { throw fail("unexpected end of line") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "]"))
                return .array(items)
            }
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            return .number(try parseNumber())
        }
    }

    private mutating func parseString() throws(Failure) -> String {
        guard position < end, bytes[position] == UInt8(ascii: "\"") else {
            throw fail(position < end ? "expected a string" : "unexpected end of line")
        }
        position += 1
        let start = position
        // Fast path: no escapes.
        while position < end {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fail("control character in a string") }
            position += 1
        }
        guard position < end else { throw fail("unterminated string") }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < end {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw fail("control character in a string") }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                position += 1
                continue
            }
            position += 1
            guard position < end else { break }
            let e = bytes[position]
            position += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), position + 1 < end, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                {
                    position += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                }
                let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: String(character).utf8)
            default: throw fail("bad escape in a string")
            }
        }
        throw fail("unterminated string")
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard position + 4 <= end else { throw fail("unexpected end of line") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[position]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw fail("bad \\u escape")
            }
            v = v << 4 | d
            position += 1
        }
        return v
    }

    private mutating func parseNumber() throws(Failure) -> Double {
        guard position < end else { throw fail("unexpected end of line") }
        var negative = false
        if bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        guard position < end else { throw fail("unexpected end of line") }
        if bytes[position] == UInt8(ascii: "N") {
            guard !negative else { throw fail("expected a number") }
            try literal("NaN")
            return .nan
        }
        if bytes[position] == UInt8(ascii: "I") {
            try literal("Infinity")
            return negative ? -.infinity : .infinity
        }
        let start = negative ? position - 1 : position
        // Integer fast path; anything with a fraction or exponent goes through strtod.
        var integer: Int = 0
        var digits = 0
        while position < end, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            if digits < 18 { integer = integer * 10 + Int(bytes[position] - UInt8(ascii: "0")) }
            digits += 1
            position += 1
        }
        guard digits > 0 else { throw fail("expected a value") }
        if position < end {
            let b = bytes[position]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                return try parseFloat(from: start)
            }
        }
        if digits >= 18 { return try parseFloat(from: start) }
        return negative ? -Double(integer) : Double(integer)
    }

    /// Exact powers of ten that a double holds.
    private static let powersOfTen: [Double] = (0...22).map { e in
        var v = 1.0
        for _ in 0..<e { v *= 10 }
        return v
    }

    /// The classic exact fast path: at most 15 significant digits and a decimal exponent within
    /// ±22 give one correctly rounded operation, the same double `strtod` returns; nil otherwise.
    static func fastDecimal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var p = range.lowerBound
        let end = range.upperBound
        var negative = false
        if p < end, bytes[p] == UInt8(ascii: "-") {
            negative = true
            p += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        var seenDot = false
        while p < end {
            let b = bytes[p]
            if b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
                if mantissa == 0 && b == UInt8(ascii: "0") {
                    if seenDot { scale -= 1 }
                } else {
                    digits += 1
                    if digits > 15 { return nil }
                    mantissa = mantissa * 10 + UInt64(b - UInt8(ascii: "0"))
                    if seenDot { scale -= 1 }
                }
            } else if b == UInt8(ascii: ".") {
                seenDot = true
            } else {
                break
            }
            p += 1
        }
        if p < end {
            // An exponent.
            p += 1
            var expNegative = false
            if p < end, bytes[p] == UInt8(ascii: "+") || bytes[p] == UInt8(ascii: "-") {
                expNegative = bytes[p] == UInt8(ascii: "-")
                p += 1
            }
            var exponent = 0
            while p < end {
                exponent = exponent * 10 + Int(bytes[p] - UInt8(ascii: "0"))
                if exponent > 400 { return nil }
                p += 1
            }
            scale += expNegative ? -exponent : exponent
        }
        var value = Double(mantissa)
        if mantissa == 0 {
            value = 0
        } else if scale < 0 {
            guard -scale <= 22 else { return nil }
            value /= powersOfTen[-scale]
        } else if scale > 0 {
            guard scale <= 22 else { return nil }
            value *= powersOfTen[scale]
        }
        return negative ? -value : value
    }

    private mutating func parseFloat(from start: Int) throws(Failure) -> Double {
        // Check the JSON number grammar, then convert the exact bytes.
        var p = position
        if p < end, bytes[p] == UInt8(ascii: ".") {
            p += 1
            let d = p
            while p < end, bytes[p] >= UInt8(ascii: "0"), bytes[p] <= UInt8(ascii: "9") { p += 1 }
            if p == d { throw Failure(message: "expected a digit", offset: p) }
        }
        if p < end, bytes[p] == UInt8(ascii: "e") || bytes[p] == UInt8(ascii: "E") {
            p += 1
            if p < end, bytes[p] == UInt8(ascii: "+") || bytes[p] == UInt8(ascii: "-") { p += 1 }
            let d = p
            while p < end, bytes[p] >= UInt8(ascii: "0"), bytes[p] <= UInt8(ascii: "9") { p += 1 }
            if p == d { throw Failure(message: "expected a digit", offset: p) }
        }
        position = p
        if let fast = Self.fastDecimal(bytes, start..<p) { return fast }
        let count = p - start
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            for i in 0..<count { buffer[i] = CChar(bitPattern: bytes[start + i]) }
            buffer[count] = 0
            guard let base = buffer.baseAddress else { return Double.nan }
            return strtod(base, nil)
        }
    }
}
