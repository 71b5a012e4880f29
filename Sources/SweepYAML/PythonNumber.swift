/// Python's `int(text, base)` and `float(text)` syntax, for tagged scalars such as `!!int " 5"`.
enum PythonNumber {
    /// Python's `str.strip()` whitespace.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.properties.isWhitespace || (s.value >= 0x1C && s.value <= 0x1F)
    }

    /// Python's number parsers read any Unicode decimal digit (`١٢` is 12): maps them to ASCII.
    static func asciiDigits(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(\.isASCII) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if !s.isASCII, s.properties.numericType == .decimal, let v = s.properties.numericValue,
                let digit = Unicode.Scalar(48 + Int(v))
            {
                out.append(digit)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    static func stripped(_ text: String) -> Substring.UnicodeScalarView {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return Substring("").unicodeScalars }
        return Substring(text).unicodeScalars[start...last]
    }

    /// `int(text, radix)` after underscores were removed: optional sign, optional matching prefix, digits.
    static func int(_ text: String, radix: Int) -> Int? {
        var scalars = Array(stripped(asciiDigits(text)))
        var negative = false
        if let f = scalars.first, f == "+" || f == "-" {
            negative = f == "-"
            scalars.removeFirst()
        }
        let prefix: Unicode.Scalar? = radix == 2 ? "b" : radix == 8 ? "o" : radix == 16 ? "x" : nil
        if let prefix, scalars.count >= 2, scalars[0] == "0",
            scalars[1] == prefix || scalars[1].properties.lowercaseMapping == String(prefix)
        {
            scalars.removeFirst(2)
        }
        guard !scalars.isEmpty else { return nil }
        var result = 0
        for s in scalars {
            guard s.isASCII, let d = Int(String(s), radix: 36), d < radix else { return nil }
            let (m, o1) = result.multipliedReportingOverflow(by: radix)
            let (a, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            result = a
        }
        return result
    }

    /// `float(text)`: decimal with optional point and exponent, or inf/infinity/nan, case-insensitive.
    static func float(_ text: String) -> Double? {
        let body = String(String.UnicodeScalarView(stripped(asciiDigits(text)))).lowercased()
        var rest = Substring(body)
        var sign = 1.0
        if let f = rest.first, f == "+" || f == "-" {
            sign = f == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        if rest == "inf" || rest == "infinity" { return sign * .infinity }
        if rest == "nan" { return .nan }
        // digits [. digits] [e [sign] digits], at least one digit in the mantissa
        let bytes = Array(rest.utf8)
        var i = 0
        var mantissaDigits = 0
        while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1; mantissaDigits += 1 }
        if i < bytes.count, bytes[i] == 46 {
            i += 1
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1; mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return nil }
        if i < bytes.count, bytes[i] == 101 {
            i += 1
            if i < bytes.count, bytes[i] == 43 || bytes[i] == 45 { i += 1 }
            var expDigits = 0
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1; expDigits += 1 }
            guard expDigits > 0 else { return nil }
        }
        guard i == bytes.count, let magnitude = Double(String(rest)) else { return nil }
        return sign * magnitude
    }
}
