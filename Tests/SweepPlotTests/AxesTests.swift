import Testing

@testable import SweepPlot

@Suite("Axes layout")
struct AxesTests {
    /// The horizontal extents of the x tick labels (the labels on the line below the frame).
    func xLabelExtents(_ svg: String, baseline: String) -> [(Double, Double)] {
        let parsed = XMLCheck.parse(svg)
        var extents: [(Double, Double)] = []
        for (text, attributes) in zip(parsed.texts, parsed.textAttributes) where attributes["y"] == baseline {
            let x = Double(attributes["x"] ?? "") ?? .nan
            let width = TextMetrics.width(of: text, fontSize: 11)
            extents.append((x - width / 2, x + width / 2))
        }
        return extents
    }

    @Test func narrowAxesThinTheirLabels() throws {
        var axes = Axes(frame: Rect(x: 40, y: 10, width: 120, height: 100), xDomain: (0, 1_000_000), yDomain: (0, 1))
        axes.xTicks = Ticks.linear(0, 1_000_000, count: 10)
        var svg = SVGDocument(width: 200, height: 150)
        axes.draw(into: &svg)
        let text = svg.render()
        let baseline = NumberFormat.coordinate(110 + 7 + 11 * 0.85)
        let extents = xLabelExtents(text, baseline: baseline)
        #expect(extents.count >= 2)
        #expect(extents.count < axes.xTicks?.count ?? 0)
        for (a, b) in zip(extents, extents.dropFirst()) { #expect(a.1 < b.0, "labels overlap: \(a) \(b)") }
    }

    @Test func fittedAxesLeaveRoomForTickLabels() {
        let cell = Rect(x: 0, y: 0, width: 300, height: 200)
        let axes = Axes.fitted(in: cell, xDomain: (0, 1), yDomain: (0, 123456), xLabel: "x", yLabel: "y", title: "t")
        let widest = axes.resolvedYTicks.map { TextMetrics.width(of: $0.label, fontSize: 11) }.max() ?? 0
        // Tick labels (right-aligned 7 px left of the frame) and the y title must fit inside the cell.
        #expect(axes.frame.x - 7 - widest - 8 - 11 * 1.1 > 0)
        #expect(axes.frame.maxY < cell.maxY - 11 * 2)
        #expect(axes.y.domainLower == 0 && axes.y.domainUpper >= 123456)
    }

    @Test func gridLayoutPlacesCellsRowMajor() {
        let layout = GridLayout(count: 5, columns: 2, cellWidth: 10, cellHeight: 20, origin: Point(x: 1, y: 2))
        #expect(layout.rows == 3)
        #expect(layout.cell(3) == Rect(x: 11, y: 22, width: 10, height: 20))
        #expect(layout.isBottom(4) && layout.isBottom(3) && !layout.isBottom(2))
        #expect(GridLayout(count: 3, columns: 0, cellWidth: 1, cellHeight: 1).columns == 1)
    }

    @Test func legendSizeGrowsWithLabels() {
        let short = Legend(entries: [Legend.Entry(label: "a", color: .black, marker: .line)])
        let long = Legend(
            entries: [Legend.Entry(label: "a much longer label", color: .black, marker: .dot)], title: "T")
        #expect(long.size.width > short.size.width)
        #expect(long.size.height > short.size.height)
    }
}
