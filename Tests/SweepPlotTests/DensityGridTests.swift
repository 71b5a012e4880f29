import Testing

@testable import SweepPlot

@Suite("Gaussian mixture density grid")
struct DensityGridTests {
    func totalMass(_ grid: DensityGrid) -> Double {
        grid.values.reduce(0, +) * grid.cellWidth * grid.cellHeight
    }

    @Test func mixtureIntegratesToOneInsideTheWindow() throws {
        let grid = try DensityGrid.gaussianMixture(
            means: [SIMD2(0, 0), SIMD2(1, -1)], variances: [SIMD2(0.1, 0.2), SIMD2(0.05, 0.05)], columns: 60, rows: 50,
            xRange: -4...4, yRange: -4...4)
        #expect(abs(totalMass(grid) - 1) < 1e-4)
    }

    @Test func matchesDirectEvaluationOfCellMasses() throws {
        let mean = SIMD2(0.3, -0.2)
        let variance = SIMD2(0.25, 0.5)
        let grid = try DensityGrid.gaussianMixture(
            means: [mean], variances: [variance], columns: 20, rows: 20, xRange: -3...3, yRange: -3...3, truncation: 10)
        // Each cell holds the average density over the cell: integrate the pdf numerically (midpoint rule).
        func pdf(_ x: Double, _ y: Double) -> Double {
            let dx = (x - mean.x) * (x - mean.x) / variance.x
            let dy = (y - mean.y) * (y - mean.y) / variance.y
            return cExp(-(dx + dy) / 2) / (2 * Double.pi * (variance.x * variance.y).squareRoot())
        }
        for (column, row) in [(10, 9), (12, 8), (5, 14), (0, 0)] {
            let c = grid.center(column: column, row: row)
            let n = 40
            var sum = 0.0
            for i in 0..<n {
                for j in 0..<n {
                    let x = c.x + (Double(i) + 0.5 - Double(n) / 2) / Double(n) * grid.cellWidth
                    let y = c.y + (Double(j) + 0.5 - Double(n) / 2) / Double(n) * grid.cellHeight
                    sum += pdf(x, y)
                }
            }
            let average = sum / Double(n * n)
            let value = grid.values[row * 20 + column]
            #expect(abs(value - average) / average < 1e-3, "cell \(column),\(row): \(value) vs \(average)")
        }
    }

    @Test func truncationLosesLittleMass() throws {
        let arguments = (means: [SIMD2(0.0, 0.0)], variances: [SIMD2(0.3, 0.3)])
        let wide = try DensityGrid.gaussianMixture(
            means: arguments.means, variances: arguments.variances, columns: 80, rows: 80, xRange: -5...5,
            yRange: -5...5, truncation: 10)
        let cut = try DensityGrid.gaussianMixture(
            means: arguments.means, variances: arguments.variances, columns: 80, rows: 80, xRange: -5...5,
            yRange: -5...5, truncation: 4)
        let difference = zip(wide.values, cut.values).map { abs($0 - $1) }.max() ?? 1
        #expect(difference < 1e-3 * wide.maximum)
        #expect(cut.values[0] == 0)
    }

    @Test func zeroVarianceAndOffGridAndNonFiniteComponents() throws {
        let grid = try DensityGrid.gaussianMixture(
            means: [SIMD2(0.5, 0.5), SIMD2(50, 50), SIMD2(.nan, 0), SIMD2(0, 0)],
            variances: [SIMD2(0, 0), SIMD2(1, 1), SIMD2(1, 1), SIMD2(-1, 1)], columns: 4, rows: 4, xRange: 0...4,
            yRange: 0...4)
        // Only the first of four equal-weight components lands, entirely in cell (0, 0).
        #expect(grid.values.filter { $0 > 0 }.count == 1)
        #expect(abs(totalMass(grid) - 0.25) < 1e-12)
        #expect(grid.values[0] > 0)
    }

    @Test func invalidInputIsAnError() {
        #expect(throws: PlotError.lengthMismatch(what: "variances", expected: 2, actual: 1)) {
            try DensityGrid.gaussianMixture(
                means: [SIMD2(0, 0), SIMD2(1, 1)], variances: [SIMD2(1, 1)], columns: 4, rows: 4, xRange: 0...1,
                yRange: 0...1)
        }
        #expect(
            throws: PlotError.invalidParameter(name: "grid range", reason: "1.0...1.0 must be finite and non-empty")
        ) {
            try DensityGrid(columns: 2, rows: 2, xRange: 1...1, yRange: 0...1)
        }
        #expect(
            throws: PlotError.invalidParameter(name: "grid size", reason: "0×2 must be between 1 and 4000×4000 cells")
        ) {
            try DensityGrid(columns: 0, rows: 2, xRange: 0...1, yRange: 0...1)
        }
    }

    @Test func highestDensityLevelsEncloseTheirMass() throws {
        let grid = try DensityGrid.gaussianMixture(
            means: [SIMD2(0, 0)], variances: [SIMD2(1, 1)], columns: 100, rows: 100, xRange: -6...6, yRange: -6...6)
        let levels = grid.highestDensityLevels(masses: [0.5, 0.9])
        #expect(levels[0] > levels[1])
        let total = grid.values.reduce(0, +)
        let inside = grid.values.filter { $0 >= levels[0] }.reduce(0, +) / total
        #expect(abs(inside - 0.5) < 0.02)
        // For a standard 2-D normal the 50 % region is the disc of radius √(2 ln 2).
        let expected = cExp(-2 * 0.6931471805599453 / 2) / (2 * Double.pi)
        #expect(abs(levels[0] - expected) / expected < 0.03)
    }

    @Test func contoursOfARadialFieldAreClosedCircles() throws {
        var grid = try DensityGrid(columns: 41, rows: 41, xRange: -2...2, yRange: -2...2)
        for row in 0..<41 {
            for column in 0..<41 {
                let c = grid.center(column: column, row: row)
                grid.values[row * 41 + column] = (c.x * c.x + c.y * c.y).squareRoot()
            }
        }
        let lines = Contours.trace(grid, level: 1)
        try #require(lines.count == 1)
        let line = lines[0]
        #expect(line.first == line.last)
        #expect(line.count > 20)
        for p in line { #expect(abs((p.x * p.x + p.y * p.y).squareRoot() - 1) < 0.01) }
        // A level crossing the border gives open lines, one per corner region here.
        let open = Contours.trace(grid, level: 2.5)
        #expect(open.count == 4)
        #expect(open.allSatisfy { $0.first != $0.last })
        #expect(Contours.trace(grid, level: 100).isEmpty)
    }
}
