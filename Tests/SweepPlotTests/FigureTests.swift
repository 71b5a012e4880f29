import Foundation
import Testing

@testable import SweepPlot

@Suite("Figures")
struct FigureTests {
    static func sampleLatent() -> [LatentDensityPlot.Class] {
        var classes: [LatentDensityPlot.Class] = []
        for c in 0..<3 {
            var means: [SIMD2<Double>] = []
            var variances: [SIMD2<Double>] = []
            for i in 0..<40 {
                let t = Double(i) / 40
                means.append(SIMD2(Double(c) + 0.4 * (t - 0.5), Double(c % 2) + 0.3 * (t * t - 0.3)))
                variances.append(SIMD2(0.02 + 0.01 * t, 0.03))
            }
            classes.append(LatentDensityPlot.Class(label: "digit <\(c)>", means: means, variances: variances))
        }
        return classes
    }

    static func ramp(offset: Int) -> [Double] {
        var values: [Double] = []
        for i in 0..<784 {
            let step: Int = (i + offset) % 28 - 14
            values.append(Double(step) / 14)
        }
        return values
    }

    func checkXML(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(XMLCheck.problem(in: svg) == nil, sourceLocation: sourceLocation)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "), sourceLocation: sourceLocation)
        #expect(!svg.contains("nan") && !svg.contains("inf"), sourceLocation: sourceLocation)
    }

    @Test func latentDensityOverlay() throws {
        var plot = LatentDensityPlot(classes: Self.sampleLatent(), title: "β = 10 & more")
        plot.resolution = 40
        let svg = try plot.render()
        checkXML(svg)
        let parsed = XMLCheck.parse(svg)
        #expect(parsed.elements.filter { $0 == "image" }.count == 1)
        #expect(parsed.texts.contains("β = 10 & more"))
        #expect(parsed.texts.contains("digit <2>"))
        #expect(parsed.texts.contains("z₁") && parsed.texts.contains("z₂"))
        #expect(parsed.texts.contains("50% mass") && parsed.texts.contains("90% mass"))
        // Contours: two levels per class, each a path in the class colour family.
        #expect(parsed.elements.filter { $0 == "path" }.count == 6)
        #expect(svg == (try plot.render()))
    }

    @Test func latentDensityPanels() throws {
        var plot = LatentDensityPlot(classes: Self.sampleLatent())
        plot.resolution = 30
        plot.panels = .both(columns: 2)
        plot.panelSize = 150
        plot.style = .contours
        let svg = try plot.render()
        checkXML(svg)
        let parsed = XMLCheck.parse(svg)
        #expect(parsed.elements.filter { $0 == "image" }.isEmpty)
        #expect(parsed.texts.contains("all classes"))
        // Each single-class panel shows the other classes' 50 % contours in grey for context.
        #expect(svg.components(separatedBy: "stroke=\"#b0b0b0\"").count - 1 == 3)
        plot.panels = .perClass(columns: 3)
        plot.style = .shaded
        let shaded = try plot.render()
        checkXML(shaded)
        #expect(XMLCheck.parse(shaded).elements.filter { $0 == "image" }.count == 3)
    }

    @Test func latentClassesGroupByLabel() throws {
        let classes = try LatentDensityPlot.classes(
            means: [SIMD2(0, 0), SIMD2(1, 1), SIMD2(2, 2)], variances: [SIMD2(1, 1), SIMD2(1, 1), SIMD2(1, 1)],
            labels: [7, 2, 7], names: ["zero", "one", "two"])
        #expect(classes.map(\.label) == ["two", "7"])
        #expect(classes[1].means == [SIMD2(0, 0), SIMD2(2, 2)])
        #expect(throws: PlotError.lengthMismatch(what: "labels", expected: 1, actual: 2)) {
            try LatentDensityPlot.classes(means: [SIMD2(0, 0)], variances: [SIMD2(1, 1)], labels: [1, 2])
        }
    }

    @Test func latentBoundsAreSquareAndCoverTheComponents() {
        let plot = LatentDensityPlot(classes: Self.sampleLatent())
        let bounds = plot.resolvedBounds()
        let width = bounds.x.upperBound - bounds.x.lowerBound
        let height = bounds.y.upperBound - bounds.y.lowerBound
        #expect(abs(width - height) < 1e-12)
        #expect(bounds.x.lowerBound < -0.2 && bounds.x.upperBound > 2.2)
        #expect(throws: PlotError.empty(what: "latent density plot")) { try LatentDensityPlot(classes: []).render() }
    }

    @Test func pairScatterPerEpoch() throws {
        let labels = (0..<30).map { $0 % 10 }
        let snapshots = (1...2).map { epoch in
            (title: "epoch \(epoch)", points: labels.map { [Double($0), Double(epoch), Double($0 % 3)] })
        }
        var plot = try ScatterPlot.pairs(snapshots: snapshots, labels: labels)
        plot.maxPointsPerPanel = 10
        let svg = try plot.render()
        checkXML(svg)
        let parsed = XMLCheck.parse(svg)
        #expect(parsed.texts.contains("epoch 2: h2 vs h3"))
        #expect(plot.panels.count == 6)
        #expect(plot.columns == 3)
        // Every third point is drawn (30 points, at most 10 per panel): 10 "h0" dots per panel.
        #expect(svg.split(separator: "h0").count - 1 == 60)
        #expect(throws: PlotError.lengthMismatch(what: "snapshot 'e' points", expected: 2, actual: 1)) {
            try ScatterPlot.pairs(snapshots: [(title: "e", points: [[1, 2]])], labels: [0, 1])
        }
    }

    @Test func imageGridOfWeightsAndDigits() throws {
        let images = (0..<10).map { d in
            ImageGrid.Image(title: String(d), width: 28, height: 28, values: Self.ramp(offset: d))
        }
        var grid = ImageGrid(images: images, title: "weights")
        grid.colorBarLabel = "w"
        let svg = try grid.render()
        checkXML(svg)
        let parsed = XMLCheck.parse(svg)
        #expect(parsed.elements.filter { $0 == "image" }.count == 10)
        #expect(parsed.texts.contains("w") && parsed.texts.contains("0") && parsed.texts.contains("-1"))
        #expect(grid.colorScale.normalization == ColorNormalization(lower: -1, upper: 1))
        var digits = ImageGrid(
            images: [ImageGrid.Image(width: 2, height: 2, values: [0, 0.5, 1, 0.25])], coloring: .greys)
        digits.showColorBar = false
        checkXML(try digits.render())
        #expect(digits.colorScale.normalization == ColorNormalization(lower: 0, upper: 1))
        #expect(throws: PlotError.lengthMismatch(what: "image values", expected: 4, actual: 3)) {
            try ImageGrid(images: [ImageGrid.Image(width: 2, height: 2, values: [0, 1, 2])]).render()
        }
    }

    @Test func lineChartErrors() {
        var chart = LineChart()
        #expect(throws: PlotError.empty(what: "line chart")) { try chart.render() }
        chart.add(LineChart.Series(name: "a", x: [1, 2], y: [1]))
        #expect(throws: PlotError.lengthMismatch(what: "series 'a' y", expected: 2, actual: 1)) { try chart.render() }
        #expect(
            PlotError.lengthMismatch(what: "series 'a' y", expected: 2, actual: 1).description
                == "series 'a' y: expected 2 values, got 1")
    }

    @Test func lineChartWithGapsLogScaleAndBands() throws {
        var chart = LineChart(title: "loss", xLabel: "epoch", yLabel: "loss")
        chart.yKind = .log
        chart.add(
            LineChart.Series(
                name: "train", x: [1, 2, 3, 4, 5], y: [1, 0.1, .nan, 0.01, -1], std: [0.1, 0.01, 0, 0.001, 0]))
        chart.add(LineChart.Series(name: "test", x: [1, 5], y: [2, 0.02], dashed: true))
        let svg = try chart.render()
        checkXML(svg)
        let parsed = XMLCheck.parse(svg)
        #expect(parsed.texts.contains("0.01") && parsed.texts.contains("1"))
        #expect(parsed.texts.contains("train") && parsed.texts.contains("test"))
    }

    @Test func parallelCoordinatesErrors() {
        #expect(
            throws: PlotError.invalidParameter(
                name: "axes", reason: "a parallel-coordinates plot needs at least 2 axes, got 1")
        ) {
            try ParallelCoordinates(axes: [.init(name: "a", values: [1])], colorName: "m", colorValues: [1]).render()
        }
        #expect(throws: PlotError.lengthMismatch(what: "axis 'b' values", expected: 1, actual: 2)) {
            try ParallelCoordinates(
                axes: [.init(name: "a", values: [1]), .init(name: "b", values: [1, 2])], colorName: "m",
                colorValues: [1]
            ).render()
        }
    }

    // MARK: - Golden files

    static func goldenLineChart() -> LineChart {
        var chart = LineChart(title: "Loss <train & test>", xLabel: "epoch", yLabel: "loss")
        chart.width = 320
        chart.height = 200
        chart.add(
            LineChart.Series(name: "train", x: [1, 2, 3], y: [0.9, 0.5, 0.30000000000000004], std: [0.1, 0.05, 0.02]))
        chart.add(LineChart.Series(name: "test", x: [1, 2, 3], y: [1, 0.7, 0.6]))
        return chart
    }

    static func goldenParallel() -> ParallelCoordinates {
        var plot = ParallelCoordinates(
            axes: [
                .init(name: "lr", values: [1e-3, 1e-2, 1e-1], kind: .log),
                .init(name: "act", values: [0, 1, 1], categories: ["relu", "swish"]),
                .init(name: "acc", values: [0.9, 0.95, 0.5]),
            ], colorName: "acc", colorValues: [0.9, 0.95, 0.5], title: "sweep")
        plot.width = 360
        plot.height = 220
        return plot
    }

    func compareGolden(
        _ actual: String, _ expected: String, name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        checkXML(actual, sourceLocation: sourceLocation)
        if let directory = ProcessInfo.processInfo.environment["SWEEP_PLOT_RECORD_GOLDEN"] {
            try? actual.write(
                toFile: directory + "/" + name.replacingOccurrences(of: " ", with: "-") + ".svg",
                atomically: true, encoding: .utf8)
        }
        if actual != expected {
            // Show the first differing line to make a mismatch easy to read.
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let index = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            Issue.record(
                "golden \(name) differs at line \(index + 1):\n  actual:   \(index < a.count ? a[index] : "<end>")\n  expected: \(index < e.count ? e[index] : "<end>")",
                sourceLocation: sourceLocation)
        }
    }

    @Test func goldenLineChartSVG() throws {
        compareGolden(try Self.goldenLineChart().render(), Golden.lineChart, name: "line chart")
    }

    @Test func goldenParallelCoordinatesSVG() throws {
        compareGolden(try Self.goldenParallel().render(), Golden.parallelCoordinates, name: "parallel coordinates")
    }
}
