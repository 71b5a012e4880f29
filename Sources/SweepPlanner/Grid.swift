/// A Cartesian product of axes in Hydra's BasicSweeper order: the last axis varies fastest.
///
/// A cell is found from its index by mixed-radix arithmetic, so that a grid of any size is
/// streamed, never materialised.
public struct Grid: Sendable, Equatable {
    /// The axes, in the order of their first key on the command line.
    public var axes: [Axis]
    /// The number of cells (the product of the axes' counts).
    public let count: Int

    /// Creates a grid; nil when the product of the counts overflows `Int`.
    public init?(axes: [Axis]) {
        var product = 1
        for axis in axes {
            let (value, overflow) = product.multipliedReportingOverflow(by: axis.count)
            if overflow { return nil }
            product = value
        }
        self.axes = axes
        self.count = product
    }

    /// The key element of each line a cell has, in order.
    public var keys: [String] { axes.flatMap(\.keys) }

    /// The override lines of cell `index` (0 ≤ index < count), and those of varying axes.
    public func lines(at index: Int) -> (all: [String], varying: [String]) {
        lines(at: index, named: nil)
    }

    /// The override lines of cell `index`, and those to show in its name: of the keys in
    /// `named`, or of varying axes when `named` is nil.
    func lines(at index: Int, named: Set<String>?) -> (all: [String], varying: [String]) {
        var positions = [Int](repeating: 0, count: axes.count)
        var rest = index
        for a in axes.indices.reversed() {
            let n = axes[a].count
            positions[a] = rest % n
            rest /= n
        }
        var all: [String] = []
        var varying: [String] = []
        for (a, axis) in axes.enumerated() {
            for (key, column) in zip(axis.keys, axis.columns) {
                all.append(column[positions[a]])
                if named.map({ $0.contains(key) }) ?? axis.varies { varying.append(column[positions[a]]) }
            }
        }
        return (all, varying)
    }
}
