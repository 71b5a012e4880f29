import Testing

@testable import SweepResults

@Suite("Sorting, filtering and the best row")
struct SortFilterTests {
    /// lr ∈ {1e-3, 0.01, 0.1, 1} with loss 0.4, 0.1, 0.3, NaN.
    func lrFixture() throws -> SweepFixture {
        try SweepFixture([
            .init(overrides: ["lr=1e-3"], metrics: "{\"loss\": 0.4}\n"),
            .init(overrides: ["lr=0.01"], metrics: "{\"loss\": 0.1}\n"),
            .init(overrides: ["lr=0.1"], metrics: "{\"loss\": 0.3}\n"),
            .init(overrides: ["lr=1"], metrics: "{\"loss\": NaN}\n"),
        ])
    }

    @Test("--sort ascending and descending; NaN last either way; best is the first row")
    func sort() throws {
        let fixture = try lrFixture()
        defer { fixture.remove() }
        let (up, _) = try fixture.table(ResultsOptions(sort: MetricSpec("loss")))
        #expect(up.rows.map(\.keys) == [["0.01"], ["0.1"], ["1e-3"], ["1"]])
        #expect(up.rows.map(\.isBest) == [true, false, false, false])
        let (down, _) = try fixture.table(ResultsOptions(sort: MetricSpec("loss"), direction: .descending))
        #expect(down.rows.map(\.keys) == [["1e-3"], ["0.1"], ["0.01"], ["1"]])
        #expect(down.rows[0].isBest)
    }

    @Test("the sweep's metric and mode rank by default; no sort: plan order, no best")
    func defaultSort() throws {
        let fixture = try betaSeedFixture(manifest: "sweep:\n  metric: train/loss\n  mode: min\n")
        defer { fixture.remove() }
        let (table, _) = try fixture.table()
        #expect(table.sort?.metric == MetricSpec("train/loss"))
        #expect(table.sort?.direction == .ascending)
        #expect(table.rows.map(\.keys) == [["1"], ["10"]])
        let plain = try lrFixture()
        defer { plain.remove() }
        let (unsorted, _) = try plain.table()
        #expect(unsorted.sort == nil)
        #expect(unsorted.rows.map(\.keys) == [["1e-3"], ["0.01"], ["0.1"], ["1"]])
        #expect(unsorted.rows.allSatisfy { !$0.isBest })
    }

    @Test("--where compares numbers numerically and strings as text; conditions add up")
    func whereClauses() throws {
        let fixture = try lrFixture()
        defer { fixture.remove() }
        let (eq, _) = try fixture.table(ResultsOptions(filters: [try Filter(parsing: "lr=0.001")]))
        #expect(eq.rows.count == 1)
        #expect(eq.constants == ["lr": "1e-3"])
        let (range, _) = try fixture.table(
            ResultsOptions(filters: [try Filter(parsing: "lr>=0.01"), try Filter(parsing: "lr<1")]))
        #expect(range.rows.map(\.keys) == [["0.01"], ["0.1"]])
        let (metric, _) = try fixture.table(ResultsOptions(filters: [try Filter(parsing: "loss<0.35")]))
        #expect(metric.rows.map(\.keys) == [["0.01"], ["0.1"]])
        #expect(Filter(key: "opt", .equal, "adam").matches("'adam'"))
        #expect(!Filter(key: "opt", .equal, "adam").matches("sgd"))
        #expect(Filter(key: "opt", .notEqual, "adam").matches(nil))
    }

    @Test("bad --where conditions and unknown keys are errors")
    func whereErrors() throws {
        #expect(
            throws: ResultsError(
                "--where 'beta' is not a condition", notes: ["help: write KEY=VALUE, e.g. --where beta=10"])
        ) { try Filter(parsing: "beta") }
        let fixture = try lrFixture()
        defer { fixture.remove() }
        #expect(
            throws: ResultsError(
                "--where names 'l', which no cell sets",
                notes: ["help: did you mean 'lr'?", "help: the keys are loss, lr"])
        ) { try fixture.table(ResultsOptions(filters: [try Filter(parsing: "l=1")])) }
    }

    @Test("--top keeps the first N rows after sorting and says how many were left out")
    func top() throws {
        let fixture = try lrFixture()
        defer { fixture.remove() }
        let (table, _) = try fixture.table(ResultsOptions(sort: MetricSpec("loss"), top: 2))
        #expect(table.rows.map(\.keys) == [["0.01"], ["0.1"]])
        #expect(table.omittedRows == 2)
        #expect(
            table.text() == """
                  lr    loss
                  ----  ----
                * 0.01   0.1
                  0.1    0.3

                * best: lowest loss
                (2 more rows not shown)

                """)
    }

    @Test("metric qualifiers parse; a bad one and an unknown sort metric are errors")
    func metricSpecs() throws {
        #expect(try MetricSpec(parsing: "test/elbo:max") == MetricSpec("test/elbo", .max))
        #expect(try MetricSpec(parsing: "a:b:min") == MetricSpec("a:b", .min))
        #expect(try MetricSpec(parsing: "loss") == MetricSpec("loss"))
        #expect(
            throws: ResultsError(
                "unknown reduction 'median' in metric 'loss:median'",
                notes: ["help: expected one of min, max, last, first, mean"])
        ) { try MetricSpec(parsing: "loss:median") }
        let fixture = try lrFixture()
        defer { fixture.remove() }
        #expect(throws: ResultsError("no cell wrote the metric 'los'", notes: ["help: did you mean 'loss'?"])) {
            try fixture.table(ResultsOptions(sort: MetricSpec("los")))
        }
    }
}
