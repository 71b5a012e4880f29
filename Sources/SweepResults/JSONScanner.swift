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

    /// Parses a top-level object, calling `body` for every member whose value is a number
    /// (`null` counts as NaN: the bundled trainer writes non-finite numbers as `null`); other
    /// members are parsed and skipped.
    mutating func scanNumericMembers(_ body: (String, Double) -> Void) throws(Failure) {
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
            let key = try parseString()
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
        let count = p - start
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            for i in 0..<count { buffer[i] = CChar(bitPattern: bytes[start + i]) }
            buffer[count] = 0
            guard let base = buffer.baseAddress else { return Double.nan }
            return strtod(base, nil)
        }
    }
}
