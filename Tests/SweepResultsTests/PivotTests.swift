import Testing

@testable import SweepResults

@Suite("Pivot tables")
struct PivotTests {
    /// β ∈ {10, 1} × lr ∈ {0.1, 0.01} × seed ∈ {0, 1}; acc = β/100 + lr + seed/100.
    func gridFixture() throws -> SweepFixture {
        var cells: [SweepFixture.CellSpec] = []
        for beta in [10, 1] {
            for lr in ["0.1", "0.01"] {
                for seed in 0..<2 {
                    let acc = Double(beta) / 100 + (Double(lr) ?? 0) + Double(seed) / 100
                    cells.append(
                        .init(overrides: ["beta=\(beta)", "lr=\(lr)", "seed=\(seed)"], metrics: "{\"acc\": \(acc)}\n"))
                }
            }
        }
        return try SweepFixture(cells)
    }

    func pivot(_ fixture: SweepFixture, _ options: ResultsOptions) throws -> (PivotTable, [String]) {
        let output = try SweepReader().read([fixture.path])
        var warnings: [String] = []
        let table = try PivotTable(
            cells: output.cells, rowKey: "beta", columnKey: "lr", manifest: output.manifest, options: options,
            warnings: &warnings)
        return (table, warnings)
    }

    @Test("rows and columns in numeric order, entries averaged over seeds, best marked")
    func grid() throws {
        let fixture = try gridFixture()
        defer { fixture.remove() }
        let (table, warnings) = try pivot(
            fixture, ResultsOptions(metrics: [MetricSpec("acc")], direction: .descending))
        #expect(warnings == [])
        #expect(table.rowValues == ["1", "10"])
        #expect(table.columnValues == ["0.01", "0.1"])
        let e = try #require(table.entries[1][1])
        #expect(abs(e.mean - 0.205) < 1e-12)
        #expect(abs((e.std ?? 0) - 0.00005.squareRoot()) < 1e-12)
        #expect(table.best?.row == 1 && table.best?.column == 1)
        #expect(
            table.rendered(.table) == """
                mean and sample std (n-1) over: seed
                acc by beta (rows) and lr (columns)

                beta \\ lr             0.01                0.1
                ---------  ---------------  -----------------
                1          0.025 +- 0.0071    0.115 +- 0.0071
                10         0.115 +- 0.0071  * 0.205 +- 0.0071

                * best: highest acc

                """)
        #expect(
            table.rendered(.csv) == """
                beta,0.01,0.1
                1,0.025,0.11499999999999999
                10,0.11499999999999999,0.20500000000000002

                """)
    }

    @Test("a pivot needs one metric; other varying keys are a warning")
    func errors() throws {
        let fixture = try gridFixture()
        defer { fixture.remove() }
        #expect(
            throws: ResultsError(
                "--pivot shows one metric", notes: ["help: name it with --metric, e.g. --metric test/acc"])
        ) { try pivot(fixture, ResultsOptions()) }
        let output = try SweepReader().read([fixture.path])
        var warnings: [String] = []
        _ = try PivotTable(
            cells: output.cells, rowKey: "beta", columnKey: "seed",
            options: ResultsOptions(metrics: [MetricSpec("acc")]),
            warnings: &warnings)
        #expect(warnings == ["warning: the pivot also averages over lr, which vary too; narrow it with --where"])
    }
}
