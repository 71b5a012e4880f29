import Foundation
import Testing

@testable import SweepYAML

extension Tag {
    /// Slow measurements, run only with `SWEEP_BENCH=1`.
    @Tag static var benchmark: Self
}

/// Test helpers shared by the suites.
enum Support {
    /// Parses text named `t.yaml`, and checks that libyaml on a second thread (handing over two
    /// events at a time, so that every chunk boundary is crossed) gives the same tree or error.
    static func parse(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws(YAMLError) -> Node? {
        let serial = parse(text, file: "t.yaml", mode: .serial)
        let pipelined = parse(text, file: "t.yaml", mode: .pipelined(chunkSize: 2))
        #expect(outline(serial) == outline(pipelined), "a pipelined parse differs", sourceLocation: sourceLocation)
        return try serial.get()
    }

    /// A parse of `text`, named `file`, with libyaml's events coming as `mode` says.
    static func parse(_ text: String, file: String, mode: YAML.EventStream.Mode) -> Result<Node?, YAMLError> {
        let source = YAML.SourceText(bytes: Array(text.utf8), file: file)
        return Result { () throws(YAMLError) in try YAML.Parser.parse(source, mode: mode) }
    }

    /// The whole diagnostic text of a parse that must fail.
    static func error(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        do {
            let node = try parse(text, sourceLocation: sourceLocation)
            Issue.record("expected an error, parsed \(String(describing: node))", sourceLocation: sourceLocation)
            return ""
        } catch {
            return error.description
        }
    }

    /// Every node of a parse result with its tag and mark, one per line (or the error's text), so
    /// that two parses compare in full, marks included.
    static func outline(_ result: Result<Node?, YAMLError>) -> String {
        switch result {
        case .failure(let error): return "error: " + error.description
        case .success(nil): return "empty"
        case .success(let node?): return outline(node, depth: 0)
        }
    }

    static func outline(_ node: Node, depth: Int) -> String {
        let head = String(repeating: " ", count: depth) + "\(node.mark) \(node.tag ?? "-") "
        switch node.content {
        case .scalar(let s): return head + "\(s.style) \(s.text.debugDescription)\n"
        case .sequence(let items): return head + "seq\n" + items.map { outline($0, depth: depth + 1) }.joined()
        case .mapping(let pairs):
            return head + "map\n"
                + pairs.map { outline($0.key, depth: depth + 1) + outline($0.value, depth: depth + 2) }.joined()
        }
    }

    /// A scalar node.
    static func scalar(_ text: String, _ style: Node.Scalar.Style = .plain, tag: String? = nil) -> Node {
        Node(.scalar(Node.Scalar(text, style: style)), tag: tag)
    }

    /// A mapping node from key/value pairs with plain keys.
    static func mapping(_ pairs: [(String, Node)], tag: String? = nil) -> Node {
        Node(.mapping(pairs.map { Node.Pair(key: scalar($0.0), value: $0.1) }), tag: tag)
    }

    /// A sequence node.
    static func sequence(_ items: [Node], tag: String? = nil) -> Node {
        Node(.sequence(items), tag: tag)
    }

    /// The value at a key of a mapping node.
    static func child(_ node: Node?, _ key: String) -> Node? {
        guard case .mapping(let pairs)? = node?.content else { return nil }
        return pairs.first { $0.key.description == key }?.value
    }

    /// The keys of a mapping node, in order.
    static func keys(_ node: Node?) -> [String] {
        guard case .mapping(let pairs)? = node?.content else { return [] }
        return pairs.map(\.key.description)
    }

    /// A fresh temporary directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sweepyaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
