extension Node {
    /// One key/value entry of a mapping.
    public struct Pair: Sendable, Equatable {
        /// The key node (a scalar in every config this project reads).
        public var key: Node
        /// The value node.
        public var value: Node

        /// Creates a pair.
        public init(key: Node, value: Node) {
            self.key = key
            self.value = value
        }
    }
}
