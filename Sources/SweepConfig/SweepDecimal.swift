/// An exact decimal number with Python `decimal` semantics for what Hydra's float ranges need:
/// exact conversion from a double, addition rounded to 28 significant digits (half-even,
/// Python's default context), exact comparison, and correctly rounded conversion to a double.
struct SweepDecimal: Sendable, Equatable, CustomStringConvertible {
    /// Decimal digits of the coefficient, least significant first, no leading zeros (zero is []).
    var digits: [UInt8]
    /// The power of ten the coefficient is multiplied by.
    var exponent: Int
    /// The sign.
    var negative: Bool

    /// The precision of Python's default decimal context.
    static let precision = 28

    /// The exact value of an integer.
    init(_ value: Int) {
        negative = value < 0
        exponent = 0
        digits = []
        var m = value.magnitude
        while m > 0 {
            digits.append(UInt8(m % 10))
            m /= 10
        }
    }

    /// The exact value of a finite double (as Python's `Decimal(float)`).
    init(_ value: Double) {
        negative = value.sign == .minus
        exponent = 0
        digits = []
        guard value.isFinite, value != 0 else { return }
        var m: UInt64
        var e: Int
        if value.exponentBitPattern == 0 {
            m = value.significandBitPattern
            e = -1074
        } else {
            m = value.significandBitPattern | (1 << 52)
            e = Int(value.exponentBitPattern) - 1075
        }
        while m & 1 == 0 {
            m >>= 1
            e += 1
        }
        while m > 0 {
            digits.append(UInt8(m % 10))
            m /= 10
        }
        if e >= 0 {
            for _ in 0..<e { Self.multiply(&digits, by: 2) }
        } else {
            for _ in 0..<(-e) { Self.multiply(&digits, by: 5) }
            exponent = e
        }
    }

    private init(digits: [UInt8], exponent: Int, negative: Bool) {
        self.digits = digits
        self.exponent = exponent
        self.negative = negative
    }

    /// The coefficient and exponent, e.g. `-11E-1` for -1.1.
    var description: String {
        let coefficient =
            digits.isEmpty ? "0" : String(String.UnicodeScalarView(digits.reversed().map { Unicode.Scalar($0 + 48) }))
        return (negative ? "-" : "") + coefficient + "E" + (exponent >= 0 ? "+" : "") + String(exponent)
    }

    /// Whether the value is zero.
    var isZero: Bool { digits.isEmpty }

    /// The nearest double.
    var doubleValue: Double {
        if digits.isEmpty { return negative ? -0.0 : 0.0 }
        let text =
            (negative ? "-" : "") + String(String.UnicodeScalarView(digits.reversed().map { Unicode.Scalar($0 + 48) }))
            + "e\(exponent)"
        return Double(text) ?? .nan
    }

    /// `a + b`, rounded to 28 significant digits.
    static func + (a: SweepDecimal, b: SweepDecimal) -> SweepDecimal {
        if a.isZero { return b.rounded() }
        if b.isZero { return a.rounded() }
        let e = min(a.exponent, b.exponent)
        let x = a.scaled(to: e)
        let y = b.scaled(to: e)
        var result: SweepDecimal
        if a.negative == b.negative {
            result = SweepDecimal(digits: add(x, y), exponent: e, negative: a.negative)
        } else if compareMagnitude(x, y) >= 0 {
            result = SweepDecimal(digits: subtract(x, y), exponent: e, negative: a.negative)
        } else {
            result = SweepDecimal(digits: subtract(y, x), exponent: e, negative: b.negative)
        }
        if result.digits.isEmpty { result.negative = false }
        return result.rounded()
    }

    /// Exact comparison.
    static func < (a: SweepDecimal, b: SweepDecimal) -> Bool { compare(a, b) < 0 }

    /// Exact comparison: -1, 0 or 1.
    static func compare(_ a: SweepDecimal, _ b: SweepDecimal) -> Int {
        let signA = a.isZero ? 0 : (a.negative ? -1 : 1)
        let signB = b.isZero ? 0 : (b.negative ? -1 : 1)
        if signA != signB { return signA < signB ? -1 : 1 }
        if signA == 0 { return 0 }
        let e = min(a.exponent, b.exponent)
        let m = compareMagnitude(a.scaled(to: e), b.scaled(to: e))
        return signA > 0 ? m : -m
    }

    /// The sign: -1, 0 or 1.
    var signum: Int { isZero ? 0 : (negative ? -1 : 1) }

    // MARK: Digit arithmetic

    /// The coefficient digits when the exponent is lowered to `e` (≤ exponent).
    private func scaled(to e: Int) -> [UInt8] {
        if digits.isEmpty { return [] }
        return [UInt8](repeating: 0, count: exponent - e) + digits
    }

    /// Rounds to 28 significant digits, half to even.
    private func rounded() -> SweepDecimal {
        let drop = digits.count - Self.precision
        guard drop > 0 else { return self }
        var kept = Array(digits[drop...])
        let first = digits[drop - 1]
        let restNonZero = digits[..<(drop - 1)].contains { $0 != 0 }
        let roundUp = first > 5 || (first == 5 && (restNonZero || kept[0] % 2 == 1))
        var e = exponent + drop
        if roundUp {
            var i = 0
            while i < kept.count, kept[i] == 9 {
                kept[i] = 0
                i += 1
            }
            if i == kept.count {
                kept.append(1)
            } else {
                kept[i] += 1
            }
            if kept.count > Self.precision {
                kept.removeFirst()
                e += 1
            }
        }
        return SweepDecimal(digits: kept, exponent: e, negative: negative)
    }

    private static func multiply(_ digits: inout [UInt8], by k: UInt8) {
        var carry: UInt16 = 0
        for i in digits.indices {
            let v = UInt16(digits[i]) * UInt16(k) + carry
            digits[i] = UInt8(v % 10)
            carry = v / 10
        }
        while carry > 0 {
            digits.append(UInt8(carry % 10))
            carry /= 10
        }
    }

    private static func add(_ x: [UInt8], _ y: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(max(x.count, y.count) + 1)
        var carry: UInt8 = 0
        for i in 0..<max(x.count, y.count) {
            let v = (i < x.count ? x[i] : 0) + (i < y.count ? y[i] : 0) + carry
            out.append(v % 10)
            carry = v / 10
        }
        if carry > 0 { out.append(carry) }
        return out
    }

    /// x − y for |x| ≥ |y|.
    private static func subtract(_ x: [UInt8], _ y: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(x.count)
        var borrow: Int = 0
        for i in 0..<x.count {
            var v = Int(x[i]) - Int(i < y.count ? y[i] : 0) - borrow
            borrow = 0
            if v < 0 {
                v += 10
                borrow = 1
            }
            out.append(UInt8(v))
        }
        while out.last == 0 { out.removeLast() }
        return out
    }

    private static func compareMagnitude(_ x: [UInt8], _ y: [UInt8]) -> Int {
        var xc = x.count
        var yc = y.count
        while xc > 0, x[xc - 1] == 0 { xc -= 1 }
        while yc > 0, y[yc - 1] == 0 { yc -= 1 }
        if xc != yc { return xc < yc ? -1 : 1 }
        var i = xc - 1
        while i >= 0 {
            if x[i] != y[i] { return x[i] < y[i] ? -1 : 1 }
            i -= 1
        }
        return 0
    }
}
