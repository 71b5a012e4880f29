/// Horizontal alignment of SVG text relative to its anchor point.
public enum TextAnchor: String, Sendable {
    /// The text starts at the anchor.
    case start
    /// The text is centred on the anchor.
    case middle
    /// The text ends at the anchor.
    case end
}
