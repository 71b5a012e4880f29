/// Python's `repr(float)` and `float(str)`, which Hydra uses to render and parse floats.
enum PythonFloat {
    /// `repr(x)`: the shortest round-trip digits, fixed notation when the decimal exponent is
    /// in -4..<16 (`0.0001`, `1e-05`, `1e+16`, `100.0`), `inf`, `-inf`, `nan`.
    static func repr(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == 0 { return x.sign == .minus ? "-0.0" : "0.0" }
        // Fast path: where Python writes fixed notation, Swift's shortest round-trip description
        // is the same text whenever Swift writes it without an exponent too.
        let magnitude = abs(x)
        if magnitude >= 1e-4 && magnitude < 1e16 {
            let text = x.description
            if !text.utf8.contains(UInt8(ascii: "e")) { return text }
        }
        let (negative, digits, point) = shortestDigits(x)
        var out = negative ? "-" : ""
        if -4 < point && point <= 16 {
            if point <= 0 {
                out += "0." + String(repeating: "0", count: -point) + digits
            } else if point >= digits.count {
                out += digits + String(repeating: "0", count: point - digits.count) + ".0"
            } else {
                let index = digits.index(digits.startIndex, offsetBy: point)
                out += digits[..<index] + "." + digits[index...]
            }
        } else {
            let exponent = point - 1
            let first = digits.prefix(1)
            let rest = digits.dropFirst()
            out += first + (rest.isEmpty ? "" : "." + rest)
            let magnitude = String(abs(exponent))
            out += "e" + (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" + magnitude : magnitude)
        }
        return out
    }

    /// The shortest round-trip digits of a finite non-zero `x` (no leading or trailing zeros)
    /// and the decimal point position: x = 0.DIGITS × 10^point.
    static func shortestDigits(_ x: Double) -> (negative: Bool, digits: String, point: Int) {
        // Swift's description is the shortest round-trip representation; reparse it.
        var text = Substring(abs(x).description)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        var intPart = Substring(text)
        var fracPart = Substring("")
        if let dot = text.firstIndex(of: ".") {
            intPart = text[..<dot]
            fracPart = text[text.index(after: dot)...]
        }
        var digits = String(intPart) + String(fracPart)
        var point = intPart.count + exponent
        while digits.hasPrefix("0") {
            digits.removeFirst()
            point -= 1
        }
        while digits.hasSuffix("0") { digits.removeLast() }
        return (x < 0, digits, point)
    }

    /// Python's `float(s)` for a string: surrounding whitespace, underscores between digits,
    /// `inf`/`infinity`/`nan` in any case; nil when Python would raise.
    static func parse(_ s: String) -> Double? {
        let trimmed = s.trimmingPythonWhitespace()
        guard let cleaned = removingDigitUnderscores(trimmed) else { return nil }
        var body = Substring(cleaned)
        var negative = false
        if body.first == "+" || body.first == "-" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        switch body.lowercased() {
        case "inf", "infinity": return negative ? -.infinity : .infinity
        case "nan": return .nan
        default: break
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || ".eE+-".contains($0)) }),
            body.first != "e", body.first != "E",
            let value = Double(String(body))
        else { return nil }
        return negative ? -value : value
    }

    /// Python's `int(s)` for a string: whitespace, sign, underscores between digits, base 10.
    static func parseInt(_ s: String) -> Int? {
        let trimmed = s.trimmingPythonWhitespace()
        guard let cleaned = removingDigitUnderscores(trimmed) else { return nil }
        var body = Substring(cleaned)
        if body.first == "+" {
            body = body.dropFirst()
            guard body.first != "-" else { return nil }
        }
        guard !body.isEmpty, body.first != "+" else { return nil }
        return Int(String(body))
    }

    /// The string without underscores, or nil when an underscore is not between two digits.
    static func removingDigitUnderscores(_ s: String) -> String? {
        let chars = Array(s)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c == "_" {
                guard i > 0, i + 1 < chars.count, chars[i - 1].isASCII, chars[i - 1].isNumber,
                    chars[i + 1].isASCII, chars[i + 1].isNumber
                else { return nil }
                continue
            }
            out.append(c)
        }
        return out
    }
}

extension String {
    /// The string without leading and trailing ASCII whitespace.
    func trimmingPythonWhitespace() -> String {
        let ws: Set<Character> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"]
        var s = Substring(self)
        while let f = s.first, ws.contains(f) { s = s.dropFirst() }
        while let l = s.last, ws.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
