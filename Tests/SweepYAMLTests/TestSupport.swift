import Foundation
import Testing

@testable import SweepYAML

extension Tag {
    /// Slow measurements, run only with `SWEEP_BENCH=1`.
    @Tag static var benchmark: Self
}

/// Test helpers shared by the suites.
enum Support {
    /// Parses text named `t.yaml`.
    static func parse(_ text: String) throws(YAMLError) -> Node? {
        try YAML.parse(text, file: "t.yaml")
    }

    /// The whole diagnostic text of a parse that must fail.
    static func error(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        do {
            let node = try YAML.parse(text, file: "t.yaml")
            Issue.record("expected an error, parsed \(String(describing: node))", sourceLocation: sourceLocation)
            return ""
        } catch {
            return error.description
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
