import Testing

@testable import SweepResults

@Suite("Grouping over the repeat axis")
struct GroupingTests {
    @Test("mean and sample std (n-1) by hand; the failed cell is counted, not averaged in")
    func handComputed() throws {
        let fixture = try betaSeedFixture()
        defer { fixture.remove() }
        let (table, warnings) = try fixture.table()
        #expect(warnings == [])
        #expect(table.isGrouped)
        #expect(table.keyColumns == ["beta"])
        #expect(table.constants == ["epochs": "1"])
        #expect(table.averagedOver == ["seed"])
        #expect(table.metricColumns == [MetricSpec("test/acc"), MetricSpec("train/loss")])
        let rows = table.rows
        #expect(rows.map(\.keys) == [["1"], ["10"]])
        #expect(rows.map(\.done) == [3, 2])
        #expect(rows.map(\.failed) == [0, 1])
        let acc1 = try #require(rows[0].values[0])
        #expect(abs(acc1.mean - 0.92) < 1e-12)
        #expect(abs((acc1.std ?? 0) - 0.02) < 1e-12)
        #expect(acc1.count == 3)
        let acc10 = try #require(rows[1].values[0])
        #expect(abs(acc10.mean - 0.83) < 1e-12)
        #expect(abs((acc10.std ?? 0) - 0.0018.squareRoot()) < 1e-12)
        #expect(acc10.count == 2)
        let loss10 = try #require(rows[1].values[1])
        #expect(abs(loss10.mean - 0.6) < 1e-12)
        #expect(abs((loss10.std ?? 0) - 0.02.squareRoot()) < 1e-12)
    }

    @Test("Aggregate: one value has no std; NaN propagates; n−1 in the denominator")
    func aggregate() {
        #expect(Aggregate([2]) == Aggregate(mean: 2, std: nil, count: 1))
        #expect(Aggregate([1, 2, 3, 4]) == Aggregate(mean: 2.5, std: (5.0 / 3.0).squareRoot(), count: 4))
        #expect(Aggregate([]) == nil)
        let nan = Aggregate([1, .nan])
        #expect(nan?.mean.isNaN == true)
        #expect(nan?.std?.isNaN == true)
        #expect(Aggregate([1, .infinity])?.mean == .infinity)
    }

    @Test("--over names another repeat axis; --by groups on the named keys only")
    func overAndBy() throws {
        let fixture = try betaSeedFixture()
        defer { fixture.remove() }
        let (byNone, _) = try fixture.table(ResultsOptions(over: "beta"))
        #expect(byNone.keyColumns == ["seed"])
        #expect(byNone.averagedOver == ["beta"])
        #expect(byNone.rows.map(\.keys) == [["2"], ["1"], ["0"]])
        #expect(byNone.rows.map(\.done) == [1, 2, 2])
        let (bySeed, _) = try fixture.table(ResultsOptions(by: ["seed"]))
        #expect(bySeed.keyColumns == ["seed"])
        let (byEpochs, _) = try fixture.table(ResultsOptions(by: ["epochs"]))
        #expect(byEpochs.rows.count == 1)
        #expect(byEpochs.rows[0].done == 5)
        #expect(byEpochs.rows[0].failed == 1)
        #expect(byEpochs.averagedOver == ["beta", "seed"])
    }

    @Test("an unknown --by or --over key is an error with a suggestion")
    func unknownKeys() throws {
        let fixture = try betaSeedFixture()
        defer { fixture.remove() }
        #expect(
            throws: ResultsError(
                "--by names 'bta', which no cell sets",
                notes: ["help: did you mean 'beta'?", "help: the keys are beta, epochs, seed"])
        ) { try fixture.table(ResultsOptions(by: ["bta"])) }
        #expect(
            throws: ResultsError(
                "--over names 'sed', which no cell sets",
                notes: ["help: did you mean 'seed'?", "help: the keys are beta, epochs, seed"])
        ) { try fixture.table(ResultsOptions(over: "sed")) }
    }

    @Test("unfinished cells of a running sweep are counted per group")
    func unfinishedCounted() throws {
        let fixture = try SweepFixture([
            .init(overrides: ["a=1", "seed=0"], state: "done", metrics: "{\"x\": 1}\n"),
            .init(overrides: ["a=1", "seed=1"], state: "running", metrics: "{\"x\": 100}\n"),
            .init(overrides: ["a=1", "seed=2"], state: nil),
            .init(overrides: ["a=2", "seed=0"], state: "timeout"),
        ])
        defer { fixture.remove() }
        let (table, _) = try fixture.table()
        #expect(table.rows.map(\.unfinished) == [2, 0])
        #expect(table.rows.map(\.failed) == [0, 1])
        #expect(table.rows[0].values[0] == Aggregate(mean: 1, std: nil, count: 1))
        #expect(table.rows[1].values[0] == nil)
        #expect(
            table.text() == """
                mean and sample std (n-1) over: seed

                a  x  n  failed  unfinished
                -  -  -  ------  ----------
                1  1  1       0           2
                2  -  0       1           0

                """)
    }

    @Test("several sweep directories are read as one")
    func severalSweeps() throws {
        let a = try SweepFixture([.init(overrides: ["lr=1", "seed=0"], metrics: "{\"x\": 1}\n")])
        let b = try SweepFixture([.init(overrides: ["lr=1", "seed=1"], metrics: "{\"x\": 3}\n")])
        defer {
            a.remove()
            b.remove()
        }
        let output = try SweepReader().read([a.path, b.path])
        var warnings: [String] = []
        let table = try ResultsTable(cells: output.cells, options: ResultsOptions(), warnings: &warnings)
        #expect(table.rows.count == 1)
        #expect(table.rows[0].values[0] == Aggregate(mean: 2, std: 2.0.squareRoot(), count: 2))
    }
}

@Suite("Aggregate edge cases")
struct AggregateEdgeTests {
    @Test("equal values have std exactly 0 (no rounding noise)")
    func equalValues() {
        #expect(Aggregate([0.1, 0.1, 0.1])?.std == 0)
        #expect(Aggregate([1e-6, 1e-6])?.std == 0)
    }

    @Test("a metric named like a key column is labelled as the metric")
    func metricNamedLikeKey() throws {
        let fixture = try SweepFixture([
            .init(overrides: ["lr=1"], metrics: "{\"lr\": 1}\n"),
            .init(overrides: ["lr=2"], metrics: "{\"lr\": 2}\n"),
        ])
        defer { fixture.remove() }
        let (table, _) = try fixture.table()
        #expect(
            table.text() == """
                lr  lr (metric)
                --  -----------
                1             1
                2             2

                """)
    }
}
