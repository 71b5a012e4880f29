/// CSV quoting (RFC 4180).
enum CSVText {
    /// The field, quoted when it holds a comma, a quote or a line break.
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacing("\"", with: "\"\"") + "\""
    }

    /// One CSV line.
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }
}
