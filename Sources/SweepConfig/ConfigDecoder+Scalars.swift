extension ConfigDecoder {
    /// An integer of type `I`: from an integer, a float with an integral value, or a string that
    /// reads as one of those (interpolations such as `${oc.env:SEED}` give strings); in range.
    static func integer<I: FixedWidthInteger>(_ type: I.Type, from node: ConfigNode, path: String, at origin: Origin)
        throws -> I
    {
        let range = "an integer from \(I.min) to \(I.max)"
        switch numeric(node.value) {
        case .int(let i):
            guard let value = I(exactly: i) else {
                throw mismatch(expected: range, node: node, path: path, at: origin)
            }
            return value
        case .float(let d):
            guard d.isFinite, d.rounded(.towardZero) == d else {
                throw mismatch(expected: "an integer", node: node, path: path, at: origin)
            }
            guard let value = I(exactly: d) else {
                throw mismatch(expected: range, node: node, path: path, at: origin)
            }
            return value
        default:
            throw mismatch(expected: "an integer", node: node, path: path, at: origin)
        }
    }

    /// A `Double`: from a float, an integer, or a string that reads as a number.
    static func double(from node: ConfigNode, path: String, at origin: Origin) throws -> Double {
        switch numeric(node.value) {
        case .float(let d): return d
        case .int(let i): return Double(i)
        default: throw mismatch(expected: "a floating-point number", node: node, path: path, at: origin)
        }
    }

    /// A string that reads in full as a decimal integer or a floating-point number, as that
    /// number; any other value unchanged.
    static func numeric(_ value: ConfigNode.Value) -> ConfigNode.Value {
        guard case .string(let s) = value else { return value }
        if let i = Int(s) { return .int(i) }
        if let d = Double(s) { return .float(d) }
        return value
    }

    /// A `Float`: a `Double` that fits.
    static func float(from node: ConfigNode, path: String, at origin: Origin) throws -> Float {
        let d = try double(from: node, path: path, at: origin)
        let f = Float(d)
        if d.isFinite, !f.isFinite {
            throw mismatch(
                expected:
                    "a floating-point number from \(-Float.greatestFiniteMagnitude) to \(Float.greatestFiniteMagnitude)",
                node: node, path: path, at: origin)
        }
        return f
    }

    /// A `Bool`: from a boolean only.
    static func bool(from node: ConfigNode, path: String, at origin: Origin) throws -> Bool {
        guard case .bool(let b) = node.value else {
            var notes: [String] = []
            if case .string(let s) = node.value, ["true", "false"].contains(s.lowercased()) {
                notes.append("help: '\(s)' is a string here; remove the quotes to make it a boolean")
            }
            throw mismatch(expected: "a boolean (true or false)", node: node, path: path, at: origin, notes: notes)
        }
        return b
    }

    /// A `String`: from a string, or an integer in decimal.
    static func string(from node: ConfigNode, path: String, at origin: Origin) throws -> String {
        switch node.value {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .float, .bool:
            throw mismatch(
                expected: "a string", node: node, path: path, at: origin,
                notes: ["help: quote the value to keep its text exactly as written"])
        default:
            throw mismatch(expected: "a string", node: node, path: path, at: origin)
        }
    }
}
