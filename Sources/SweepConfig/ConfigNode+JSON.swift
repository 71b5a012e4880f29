extension ConfigNode {
    /// The node as JSON, keys in order, indented by two spaces; floats as Python writes them,
    /// non-finite floats as `NaN`, `Infinity`, `-Infinity` (what Python's `json` module writes),
    /// `???` as the string `"???"`.
    public func jsonText(indent: Int = 2) -> String {
        var out = ""
        var pads = [""]
        writeJSON(into: &out, indent: indent, level: 0, pads: &pads)
        return out
    }

    private func writeJSON(into out: inout String, indent: Int, level: Int, pads: inout [String]) {
        while pads.count < level + 2 { pads.append(String(repeating: " ", count: indent * pads.count)) }
        let pad = pads[level + 1]
        let closePad = pads[level]
        let newline = indent > 0 ? "\n" : ""
        switch value {
        case .null: out += "null"
        case .missing: out += "\"???\""
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .float(let d):
            if d.isNaN {
                out += "NaN"
            } else if d.isInfinite {
                out += d < 0 ? "-Infinity" : "Infinity"
            } else {
                out += PythonFloat.repr(d)
            }
        case .string(let s): out += ConfigNode.jsonString(s)
        case .sequence(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "[" + newline
            for (index, item) in items.enumerated() {
                out += pad
                item.writeJSON(into: &out, indent: indent, level: level + 1, pads: &pads)
                out += (index + 1 < items.count ? "," : "") + newline
            }
            out += closePad + "]"
        case .mapping(let mapping):
            if mapping.isEmpty {
                out += "{}"
                return
            }
            out += "{" + newline
            for (index, (key, item)) in mapping.enumerated() {
                out += pad + ConfigNode.jsonString(key) + (indent > 0 ? ": " : ":")
                item.writeJSON(into: &out, indent: indent, level: level + 1, pads: &pads)
                out += (index + 1 < mapping.count ? "," : "") + newline
            }
            out += closePad + "}"
        }
    }

    /// A JSON string literal with the escapes JSON requires; other characters as they are.
    static func jsonString(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) {
            return "\"" + s + "\""
        }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
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
