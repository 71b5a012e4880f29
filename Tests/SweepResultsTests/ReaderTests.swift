import Testing

@testable import SweepResults

@Suite("Reading sweep directories")
struct ReaderTests {
    @Test("final value, first/min/max/mean over the run, summary.json overrides the last line")
    func reductions() throws {
        let fixture = try SweepFixture([
            .init(
                overrides: ["lr=0.1"],
                metrics: metricLines([(1, 0.5, 2.0), (2, 0.9, 1.0), (3, 0.7, 1.5)]),
                summary: "{\"test/acc\": 0.75, \"figures\": [\"a.png\"]}")
        ])
        defer { fixture.remove() }
        let output = try SweepReader().read([fixture.path])
        #expect(output.warnings == [])
        let cell = try #require(output.cells.first)
        #expect(cell.state == .done)
        #expect(cell.overrides == ["lr": "0.1"])
        #expect(cell.value(MetricSpec("test/acc")) == 0.75)
        #expect(cell.value(MetricSpec("test/acc", .last)) == 0.7)
        #expect(cell.value(MetricSpec("test/acc", .first)) == 0.5)
        #expect(cell.value(MetricSpec("test/acc", .max)) == 0.9)
        #expect(cell.value(MetricSpec("train/loss", .min)) == 1.0)
        #expect(cell.value(MetricSpec("train/loss", .mean)) == 1.5)
        #expect(cell.value(MetricSpec("train/loss")) == 1.5)
        #expect(cell.value(MetricSpec("nope")) == nil)
        #expect(cell.metricOrder == ["step", "test/acc", "train/loss"])
    }

    @Test("a truncated last line is one warning and the lines before it count")
    func truncatedLastLine() throws {
        let fixture = try SweepFixture([
            .init(overrides: ["lr=0.1"], metrics: metricLines([(1, 0.5, 2.0)]) + "{\"step\": 2, \"test/acc\": 0.9")
        ])
        defer { fixture.remove() }
        let (table, warnings) = try fixture.table()
        #expect(
            warnings == [
                "SWEEP/0000_lr=0.1/metrics.jsonl:2: warning: truncated last line (no newline: unexpected end of line); ignored"
            ])
        #expect(table.rows[0].values[0] == Aggregate(mean: 0.5, std: nil, count: 1))
    }

    @Test("a bad line in the middle is a warning naming its line; the others count")
    func badMiddleLine() throws {
        let fixture = try SweepFixture([
            .init(
                overrides: ["lr=0.1"],
                metrics: "{\"test/acc\": 0.5}\n{\"test/acc\": 0.6,}\n\n{\"test/acc\": 0.7}\n")
        ])
        defer { fixture.remove() }
        let (table, warnings) = try fixture.table()
        #expect(
            warnings == [
                "SWEEP/0000_lr=0.1/metrics.jsonl:2: warning: not a JSON object (expected a string); line ignored"
            ])
        #expect(table.rows[0].values[0]?.mean == 0.7)
    }

    @Test("NaN, Infinity, -Infinity and null (the bundled trainer's non-finite) are values")
    func nonFinite() throws {
        let fixture = try SweepFixture([
            .init(
                overrides: ["lr=1"],
                metrics: "{\"a\": NaN, \"b\": Infinity, \"c\": -Infinity, \"d\": null, \"e\": -1.5e-3}\n")
        ])
        defer { fixture.remove() }
        let (table, warnings) = try fixture.table()
        #expect(warnings == [])
        let values = table.rows[0].values.map { $0?.mean }
        #expect(values.count == 5)
        #expect(values[0]?.isNaN == true)
        #expect(values[1] == .infinity)
        #expect(values[2] == -.infinity)
        #expect(values[3]?.isNaN == true)
        #expect(values[4] == -1.5e-3)
        #expect(
            table.text() == """
                constant: lr=1

                  a    b     c    d        e
                ---  ---  ----  ---  -------
                nan  inf  -inf  nan  -0.0015

                """)
    }

    @Test("running, failed, pending and metric-less cells are read; a done cell without metrics warns")
    func sweepStillRunning() throws {
        let fixture = try SweepFixture([
            .init(overrides: ["lr=1"], state: "done", metrics: "{\"acc\": 0.5}\n"),
            .init(overrides: ["lr=2"], state: "running", metrics: "{\"acc\": 0.25}\n"),
            .init(overrides: ["lr=3"], state: "failed", metrics: nil),
            .init(overrides: ["lr=4"], state: nil, metrics: nil),
            .init(overrides: ["lr=5"], state: "done", metrics: nil),
        ])
        defer { fixture.remove() }
        let (table, warnings) = try fixture.table()
        #expect(warnings == ["SWEEP/0004_lr=5: warning: the cell is done but wrote no metrics"])
        #expect(table.rows.map(\.state) == [.done, .running, .failed, .pending, .done])
        #expect(
            table.text() == """
                lr   acc  state
                --  ----  -------
                1    0.5  done
                2   0.25  running
                3      -  failed
                4      -  pending
                5      -  done

                """)
    }

    @Test("metrics present in some cells only are blank in the others")
    func partialMetrics() throws {
        let fixture = try SweepFixture([
            .init(overrides: ["m=a"], metrics: "{\"x\": 1}\n"),
            .init(overrides: ["m=b"], metrics: "{\"y\": 2}\n"),
        ])
        defer { fixture.remove() }
        let (table, _) = try fixture.table()
        #expect(
            table.text() == """
                m  x  y
                -  -  -
                a  1  -
                b  -  2

                """)
    }

    @Test("a broken status.json, an unknown state and a missing cells.jsonl are warnings")
    func brokenFiles() throws {
        let fixture = try SweepFixture(
            [
                .init(overrides: ["lr=1"], state: "exploded", metrics: "{\"acc\": 1}\n"),
                .init(overrides: ["lr=2"], state: nil, metrics: "{\"acc\": 2}\n"),
            ], writeCellsFile: false)
        defer { fixture.remove() }
        try SweepFixture.write("{\"state\": ", to: fixture.path + "/0001_lr=2/status.json")
        let (table, warnings) = try fixture.table()
        #expect(
            warnings == [
                "SWEEP: warning: no cells.jsonl; reading the cell directories instead",
                "SWEEP/0000_lr=1/status.json: warning: unknown state 'exploded'; taken as failed",
                "SWEEP/0001_lr=2/status.json: warning: not JSON (unexpected end of line); state taken as pending",
            ])
        #expect(table.rows.map(\.keys) == [["1"], ["2"]])
        #expect(table.rows.map(\.state) == [.failed, .pending])
    }

    @Test("a directory that does not exist is an error")
    func missingDirectory() {
        #expect(throws: ResultsError("'/nonexistent/sweep' is not a directory")) {
            try SweepReader().read(["/nonexistent/sweep"])
        }
    }

    @Test("an empty metrics.jsonl and an empty line are fine")
    func emptyFiles() throws {
        let fixture = try SweepFixture([.init(overrides: ["lr=1"], state: "running", metrics: "")])
        defer { fixture.remove() }
        let (table, warnings) = try fixture.table()
        #expect(warnings == [])
        #expect(table.rows.count == 1)
        #expect(table.metricColumns == [])
    }
}
