import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses XML text and records the first error and the element names seen.
final class XMLCheck: NSObject, XMLParserDelegate {
    private(set) var elements: [String] = []
    private(set) var error: String?
    private(set) var texts: [String] = []
    /// Attributes of each `text` element, in document order (parallel to `texts`).
    private(set) var textAttributes: [[String: String]] = []
    private var pendingAttributes: [String: String] = [:]
    private var current = ""

    /// Parses `text`; returns nil when it is well-formed, else the parser's error.
    static func problem(in text: String) -> String? {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = check
        let ok = parser.parse()
        if !ok { return check.error ?? parser.parserError.map { "\($0)" } ?? "unknown XML error" }
        return nil
    }

    /// The element names and text contents of well-formed `text`.
    static func parse(_ text: String) -> XMLCheck {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = check
        if !parser.parse() { check.error = check.error ?? "parse failed" }
        return check
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(elementName)
        if elementName == "text" { pendingAttributes = attributes }
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "text" {
            texts.append(current)
            textAttributes.append(pendingAttributes)
        }
        current = ""
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if error == nil { error = "\(parseError)" }
    }
}
