/// A scalar field sampled on a regular 2-D grid of cells over a data rectangle.
///
/// `values[row * columns + column]`; row 0 is the bottom (lowest y), column 0 the left (lowest x).
public struct DensityGrid: Sendable {
    /// Number of cells along x.
    public let columns: Int
    /// Number of cells along y.
    public let rows: Int
    /// The data x range covered (left edge of the first cell, right edge of the last).
    public let xRange: ClosedRange<Double>
    /// The data y range covered.
    public let yRange: ClosedRange<Double>
    /// The cell values, row-major from the bottom row.
    public var values: [Double]

    /// Creates a grid of zeros; throws for an empty grid or an empty/non-finite range.
    public init(columns: Int, rows: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>) throws(PlotError) {
        guard columns > 0, rows > 0, columns * rows <= 16_000_000 else {
            throw .invalidParameter(
                name: "grid size", reason: "\(columns)×\(rows) must be between 1 and 4000×4000 cells")
        }
        for range in [xRange, yRange] {
            guard range.lowerBound.isFinite, range.upperBound.isFinite, range.upperBound > range.lowerBound else {
                throw .invalidParameter(name: "grid range", reason: "\(range) must be finite and non-empty")
            }
        }
        self.columns = columns
        self.rows = rows
        self.xRange = xRange
        self.yRange = yRange
        self.values = [Double](repeating: 0, count: columns * rows)
    }

    /// Width of one cell in data units.
    public var cellWidth: Double { (xRange.upperBound - xRange.lowerBound) / Double(columns) }
    /// Height of one cell in data units.
    public var cellHeight: Double { (yRange.upperBound - yRange.lowerBound) / Double(rows) }

    /// The centre of cell (`column`, `row`) in data coordinates.
    public func center(column: Int, row: Int) -> SIMD2<Double> {
        SIMD2(
            xRange.lowerBound + (Double(column) + 0.5) * cellWidth, yRange.lowerBound + (Double(row) + 0.5) * cellHeight
        )
    }

    /// The largest value (0 for an all-zero grid).
    public var maximum: Double { values.max() ?? 0 }

    /// The equal-weight mixture of axis-aligned Gaussians N(mean, diag(variance)), as a density per data unit².
    ///
    /// Each cell holds the exact probability mass of each component in that cell (products of normal
    /// CDF differences along x and y) divided by the cell area, so narrow components are never missed.
    /// A component touches only the cells within `truncation` standard deviations of its mean, so the
    /// cost is about Σ (window width × window height) rather than cells × components. Components with
    /// non-finite parameters are skipped; a zero variance puts all its mass in one cell.
    public static func gaussianMixture(
        means: [SIMD2<Double>], variances: [SIMD2<Double>], columns: Int, rows: Int, xRange: ClosedRange<Double>,
        yRange: ClosedRange<Double>, truncation: Double = 4
    ) throws(PlotError) -> DensityGrid {
        guard means.count == variances.count else {
            throw .lengthMismatch(what: "variances", expected: means.count, actual: variances.count)
        }
        guard truncation > 0, truncation.isFinite else {
            throw .invalidParameter(name: "truncation", reason: "must be positive")
        }
        var grid = try DensityGrid(columns: columns, rows: rows, xRange: xRange, yRange: yRange)
        guard !means.isEmpty else { return grid }
        let weight = 1 / (Double(means.count) * grid.cellWidth * grid.cellHeight)
        var values = grid.values
        for (mean, variance) in zip(means, variances) {
            guard mean.x.isFinite, mean.y.isFinite, variance.x.isFinite, variance.y.isFinite,
                variance.x >= 0, variance.y >= 0
            else { continue }
            guard
                let wx = cellMasses(
                    mean: mean.x, sigma: variance.x.squareRoot(), origin: xRange.lowerBound, step: grid.cellWidth,
                    count: columns, truncation: truncation),
                let wy = cellMasses(
                    mean: mean.y, sigma: variance.y.squareRoot(), origin: yRange.lowerBound, step: grid.cellHeight,
                    count: rows, truncation: truncation)
            else { continue }
            values.withUnsafeMutableBufferPointer { buffer in
                wx.masses.withUnsafeBufferPointer { xs in
                    for (dy, my) in wy.masses.enumerated() where my > 0 {
                        let rowStart = (wy.start + dy) * columns + wx.start
                        let scaled = my * weight
                        for dx in 0..<xs.count {
                            buffer[rowStart + dx] += xs[dx] * scaled
                        }
                    }
                }
            }
        }
        grid.values = values
        return grid
    }

    /// The masses of N(mean, sigma²) in the cells of a 1-D grid, within `truncation` σ; `nil` when off-grid.
    static func cellMasses(
        mean: Double, sigma: Double, origin: Double, step: Double, count: Int, truncation: Double
    ) -> (start: Int, masses: [Double])? {
        let position = (mean - origin) / step
        let reach = truncation * sigma / step
        let lowIndex = clampIndex((position - reach).rounded(.down), count)
        let highIndex = clampIndex((position + reach).rounded(.down), count)
        if position + reach < 0 || position - reach >= Double(count) { return nil }
        if sigma == 0 || reach < 1e-9 {
            guard position >= 0, position < Double(count) else { return nil }
            return (clampIndex(position.rounded(.down), count), [1])
        }
        let scale = 1 / (sigma * 2.0.squareRoot())
        var previous = 0.5 * (1 + cErf((origin + Double(lowIndex) * step - mean) * scale))
        var masses: [Double] = []
        masses.reserveCapacity(highIndex - lowIndex + 1)
        for index in lowIndex...highIndex {
            let next = 0.5 * (1 + cErf((origin + Double(index + 1) * step - mean) * scale))
            masses.append(max(next - previous, 0))
            previous = next
        }
        return (lowIndex, masses)
    }

    private static func clampIndex(_ value: Double, _ count: Int) -> Int {
        if !(value >= 0) { return 0 }
        if value >= Double(count - 1) { return count - 1 }
        return Int(value)
    }

    /// Density thresholds of the highest-density regions holding the given fractions of the grid's mass.
    ///
    /// E.g. `[0.5, 0.9]` gives the level whose super-level set holds 50 % of the mass, then 90 %.
    public func highestDensityLevels(masses: [Double]) -> [Double] {
        let sorted = values.filter { $0 > 0 && $0.isFinite }.sorted(by: >)
        let total = sorted.reduce(0, +)
        guard total > 0 else { return masses.map { _ in 0 } }
        return masses.map { fraction in
            let target = min(max(fraction, 0), 1) * total
            var cumulative = 0.0
            for value in sorted {
                cumulative += value
                if cumulative >= target { return value }
            }
            return sorted.last ?? 0
        }
    }
}
