internal import SweepPlot

/// Small helpers for writing HTML text (escaping goes through SweepPlot's ``XMLEscape``).
enum HTML {
    /// `text` escaped as element content.
    static func text(_ text: String) -> String {
        XMLEscape.text(text)
    }

    /// `text` escaped for a double-quoted attribute value.
    static func attribute(_ text: String) -> String {
        XMLEscape.attribute(text)
    }

    /// `<name attributes>escaped text</name>`.
    static func element(_ name: String, _ attributes: [(String, String)] = [], text content: String) -> String {
        "<" + name + attributeList(attributes) + ">" + text(content) + "</" + name + ">"
    }

    /// ` name="value"…` for a start tag.
    static func attributeList(_ attributes: [(String, String)]) -> String {
        attributes.map { " " + $0.0 + "=\"" + attribute($0.1) + "\"" }.joined()
    }

    /// `key=value, key=value` for a cell's or a group's setting of some keys.
    static func setting(_ keys: [String], _ values: [String?]) -> String {
        zip(keys, values).map { "\($0)=\($1 ?? "(unset)")" }.joined(separator: ", ")
    }
}
