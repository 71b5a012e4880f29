/// A parsed YAML node: a scalar, a sequence or a mapping, with the place it came from.
///
/// Equality compares content, style and tag, and ignores marks, so that
/// `parse(emit(node)) == node` holds.
public struct Node: Sendable, CustomStringConvertible {
    /// What the node holds.
    public enum Content: Sendable, Equatable {
        /// A scalar with its original text and style.
        case scalar(Scalar)
        /// A sequence of nodes.
        case sequence([Node])
        /// A mapping; keys keep their order.
        case mapping([Pair])
    }

    /// What the node holds.
    public var content: Content
    /// An explicit tag such as `tag:yaml.org,2002:str`, or nil when the node had none.
    public var tag: String?
    /// Where the node starts.
    public var mark: Mark

    /// Creates a node.
    public init(_ content: Content, tag: String? = nil, mark: Mark = Mark(file: "<memory>", line: 1, column: 1)) {
        self.content = content
        self.tag = tag
        self.mark = mark
    }

    /// A short debugging description of the node's content.
    public var description: String {
        switch content {
        case .scalar(let s): return s.text
        case .sequence(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .mapping(let pairs): return "{" + pairs.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}

extension Node: Equatable {
    /// Content, style and tag equality; marks are ignored.
    public static func == (lhs: Node, rhs: Node) -> Bool {
        lhs.tag == rhs.tag && lhs.content == rhs.content
    }
}
