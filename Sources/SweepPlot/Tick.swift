/// One axis tick: a data value and its label.
public struct Tick: Hashable, Sendable {
    /// The data value at the tick.
    public var value: Double
    /// The label drawn next to the tick.
    public var label: String

    /// Creates a tick.
    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}
