/// Builds SVG path data (`d` attribute) with deterministic number formatting.
public struct PathBuilder: Sendable {
    /// The path data built so far.
    public private(set) var data = ""

    /// Creates an empty path.
    public init() {}

    /// Starts a new sub-path at `(x, y)`.
    public mutating func move(_ x: Double, _ y: Double) {
        append("M", x, y)
    }

    /// Draws a straight line to `(x, y)`.
    public mutating func line(_ x: Double, _ y: Double) {
        append("L", x, y)
    }

    /// Closes the current sub-path.
    public mutating func close() {
        data += "Z"
    }

    /// Adds a polyline through `points` as one sub-path (nothing for an empty list).
    public mutating func polyline(_ points: [Point], closed: Bool = false) {
        guard let first = points.first else { return }
        move(first.x, first.y)
        for point in points.dropFirst() { line(point.x, point.y) }
        if closed { close() }
    }

    /// Whether no path data has been added.
    public var isEmpty: Bool { data.isEmpty }

    private mutating func append(_ command: String, _ x: Double, _ y: Double) {
        data += command + NumberFormat.coordinate(x) + " " + NumberFormat.coordinate(y)
    }
}
