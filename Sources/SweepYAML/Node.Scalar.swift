extension Node {
    /// A scalar's source text and presentation style.
    public struct Scalar: Sendable, Hashable {
        /// How a scalar was written in the source.
        public enum Style: Sendable, Hashable {
            /// `value`
            case plain
            /// `'value'`
            case singleQuoted
            /// `"value"`
            case doubleQuoted
            /// `|` block
            case literal
            /// `>` block
            case folded
        }

        /// The scalar's text after YAML unescaping and folding.
        public var text: String
        /// How it was written.
        public var style: Style

        /// Creates a scalar.
        public init(_ text: String, style: Style = .plain) {
            self.text = text
            self.style = style
        }
    }
}
