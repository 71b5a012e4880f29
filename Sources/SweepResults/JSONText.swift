/// Writes indented JSON (two spaces), the way `json.dumps(indent=2)` lays it out.
struct JSONText {
    private(set) var text = ""
    private var level = 0
    private var first = [true]
    private var afterKey = false

    private mutating func newline() {
        text += "\n" + String(repeating: "  ", count: level)
    }

    /// Starts an array element (or a value without a key).
    mutating func element() {
        if !(first.last ?? true) { text += "," }
        first[first.count - 1] = false
        newline()
    }

    private mutating func begin() {
        afterKey = false
    }

    mutating func open(_ bracket: String) {
        begin()
        text += bracket
        level += 1
        first.append(true)
    }

    mutating func close(_ bracket: String) {
        level -= 1
        let empty = first.removeLast()
        if !empty { newline() }
        text += bracket
    }

    mutating func key(_ name: String) {
        element()
        text += Self.quoted(name) + ": "
        afterKey = true
    }

    mutating func raw(_ value: String) {
        begin()
        text += value
    }

    mutating func string(_ value: String) { raw(Self.quoted(value)) }

    mutating func number(_ value: Double) { raw(NumberText.exact(value, nan: "NaN", infinity: "Infinity")) }

    mutating func strings(_ values: [String]) {
        raw("[" + values.map(Self.quoted).joined(separator: ", ") + "]")
    }

    /// An override value: a JSON number when it spells one, else a string.
    mutating func value(keyValue text: String) {
        if case .number(let d)? = try? JSONScanner.parse(text), d.isFinite {
            raw(text)
        } else {
            string(text)
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
