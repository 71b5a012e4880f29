import Foundation
import Testing

@testable import SweepResults

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("sweep report (HTML page)")
struct ReportTests {
    /// Every `<svg>…</svg>` inlined in `html`.
    static func inlineSVGs(_ html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"), let end = rest[start.lowerBound...].range(of: "</svg>") {
            found.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// The decoded contents of every `data:MIME;base64,…` URI in `html`.
    static func dataURIs(_ html: String, mime: String) -> [Data] {
        let marker = "data:" + mime + ";base64,"
        return html.components(separatedBy: marker).dropFirst().compactMap { chunk in
            let text = chunk.prefix { $0 != "\"" }
            return Data(base64Encoded: String(text))
        }
    }

    /// Whether `data` is well-formed XML; the parser's error otherwise.
    static func xmlProblem(_ data: Data) -> String? {
        let parser = XMLParser(data: data)
        return parser.parse() ? nil : "\(parser.parserError.map { "\($0)" } ?? "parse error")"
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test("every SVG the page holds (inline and as data URI) is well-formed XML")
    func svgsAreWellFormed() throws {
        let fixture = try ReportFixture.make()
        defer { fixture.remove() }
        let html = try SweepReport(sweep: fixture.path).html()
        let inline = Self.inlineSVGs(html)
        // Two learning curves (test/elbo first: the sweep's metric; train/loss) and the parallel plot.
        #expect(inline.count == 3)
        for svg in inline { #expect(Self.xmlProblem(Data(svg.utf8)) == nil, "\(svg.prefix(200))") }
        let embedded = Self.dataURIs(html, mime: "image/svg+xml")
        #expect(embedded.count == 6)
        for svg in embedded { #expect(Self.xmlProblem(svg) == nil) }
        let pngs = Self.dataURIs(html, mime: "image/png")
        #expect(pngs.count == 4)
        for png in pngs { #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47]) }
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
        #expect(!html.contains("<script src") && !html.contains("<link"))
    }

    @Test("the header names the command, config, time, duration, counts and git commit")
    func header() throws {
        let fixture = try ReportFixture.make()
        defer { fixture.remove() }
        let html = try SweepReport(sweep: fixture.path).html()
        #expect(
            html.contains("<dt>command</dt><dd>sweep run sweeps/vae_beta.yaml lr=0.1,0.01 seed=0,1 'note=a b'</dd>"))
        #expect(html.contains("<dt>config</dt><dd>configs/vae.yaml</dd>"))
        #expect(html.contains("<dt>started</dt><dd>2026-11-28T09:29:49.000Z</dd>"))
        // First start 09:30:00, last end 09:31:07.5 (the running cell has no end).
        #expect(html.contains("<dt>duration</dt><dd>1m08s</dd>"))
        #expect(html.contains("<dt>cells</dt><dd>8: 1 running, 6 done, 1 failed</dd>"))
        #expect(
            html.contains(
                "<dt>git commit</dt><dd>0123456789abcdef0123456789abcdef01234567 (uncommitted changes)</dd>"))
    }

    @Test("the results table is grouped over the seed and sortable (data-v holds the numbers)")
    func resultsTable() throws {
        let fixture = try ReportFixture.make()
        defer { fixture.remove() }
        let html = try SweepReport(sweep: fixture.path).html()
        #expect(html.contains("<table class=\"sortable results\">"))
        #expect(html.contains("<p class=\"note\">mean and sample std (n-1) over: seed</p>"))
        // Best row first: beta=1 lr=0.1 (test/elbo -100·(1+0.1·seed)/3 → mean -35).
        let body = html.components(separatedBy: "<tbody>")[1]
        let firstRow = body.components(separatedBy: "</tr>")[0]
        #expect(
            firstRow.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix(
                "<tr class=\"best\"><td data-v=\"1\">1</td><td data-v=\"0.1\">0.1</td>"))
        #expect(firstRow.contains("data-v=\"-35\""))
        #expect(html.contains("document.body.setAttribute(\"data-ok\",\"1\")"))
    }

    @Test("figure grid: columns and rows are the keys with most values, one grid per other setting")
    func figureGrid() throws {
        let fixture = try ReportFixture.make()
        defer { fixture.remove() }
        let report = try SweepReport(sweep: fixture.path)
        #expect(report.grid.columnKey == "beta")
        #expect(report.grid.rowKey == "lr")
        #expect(report.grid.columnValues == ["1", "10"])
        #expect(report.grid.rowValues == ["0.01", "0.1"])
        #expect(
            report.grid.panels.map { $0.setting.map { "\($0.key)=\($0.value ?? "-")" } } == [["seed=0"], ["seed=1"]])
        let html = report.html()
        // latent.svg: 8 cells − failed − running; mask.png: the four beta=1 cells.
        #expect(Self.count("<img class=\"fig\"", in: html) == 10)
        #expect(Self.count("<h3 id=\"fig-", in: html) == 2)
        #expect(html.contains("<div class=\"missing state-failed\""))
        #expect(html.contains("<div class=\"missing state-running\""))
        #expect(!html.contains("latent.csv"))

        let swapped = try SweepReport(sweep: fixture.path, options: ReportOptions(rowKey: "seed", columnKey: "lr"))
        #expect(swapped.grid.rowKey == "seed")
        #expect(swapped.grid.columnKey == "lr")
        #expect(swapped.grid.panels.count == 2)
        #expect(swapped.grid.panels[0].setting.map(\.key) == ["beta"])
    }

    @Test("a sweep with failed and running cells renders them with exit status and stderr tail")
    func unfinishedCells() throws {
        let fixture = try ReportFixture.make()
        defer { fixture.remove() }
        let html = try SweepReport(sweep: fixture.path).html()
        #expect(html.contains("<h2>Cells not done</h2>"))
        #expect(
            html.contains(
                "<p><b>0007_beta=10,lr=0.01,seed=1</b> <span class=\"state\">failed: exit code 3 after 1.5s (2 attempts)</span></p>"
            ))
        #expect(
            html.contains("<pre>Traceback (most recent call last):\nValueError: lr &lt;0.01&gt; &amp; beta=10</pre>"))
        #expect(html.contains("<p><b>0005_beta=10,lr=0.1,seed=1</b> <span class=\"state\">running</span></p>"))
        // The failed cell comes before the running one.
        let failed = html.range(of: "0007_beta=10")?.lowerBound
        let running = html.range(of: "<b>0005_beta=10")?.lowerBound
        #expect(failed != nil && running != nil && (failed ?? html.endIndex) < (running ?? html.startIndex))
    }

    @Test("a sweep with no metrics, no figures and no manifest still renders")
    func emptySweep() throws {
        let fixture = try SweepFixture([
            .init(overrides: ["x=1"], state: nil), .init(overrides: ["x=2"], state: "failed"),
        ])
        defer { fixture.remove() }
        let html = try SweepReport(sweep: fixture.path).html()
        #expect(html.contains("No metric was written more than once per cell"))
        #expect(html.contains("No cell wrote figures"))
        #expect(html.contains("<dt>cells</dt><dd>2: 1 pending, 1 failed</dd>"))
        for svg in Self.inlineSVGs(html) { #expect(Self.xmlProblem(Data(svg.utf8)) == nil) }
    }

    @Test("bad input: whole error messages")
    func errors() throws {
        let fixture = try ReportFixture.make()
        defer { fixture.remove() }
        #expect(throws: ResultsError.self) { try SweepReport(sweep: "/nonexistent/sweep") }
        do {
            _ = try SweepReport(sweep: "/nonexistent/sweep")
        } catch {
            #expect(
                error.description == """
                    error: no sweep directory '/nonexistent/sweep'
                    help: give a sweep directory (outputs/<config>/<date>)
                    """)
        }
        do {
            _ = try SweepReport(sweep: fixture.path, options: ReportOptions(rowKey: "bta"))
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description == """
                    error: --rows names 'bta', which no cell sets
                    help: did you mean 'beta'?
                    help: the keys are beta, lr, seed
                    """)
        }
        do {
            _ = try SweepReport(sweep: fixture.path, options: ReportOptions(rowKey: "lr", columnKey: "lr"))
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description == """
                    error: --rows and --cols name the same key 'lr'
                    help: give two different keys
                    """)
        }
    }

    @Test("golden: the learning-curve chart of a two-cell sweep")
    func curveGolden() throws {
        let fixture = try SweepFixture(
            [
                .init(overrides: ["lr=0.1"], metrics: "{\"step\": 1, \"loss\": 1.0}\n{\"step\": 2, \"loss\": 0.5}\n"),
                .init(overrides: ["lr=0.01"], metrics: "{\"step\": 1, \"loss\": 2.0}\n{\"step\": 2, \"loss\": 1.5}\n"),
            ])
        defer { fixture.remove() }
        let section = try SweepReport(sweep: fixture.path).curvesSection()
        if let dir = ProcessInfo.processInfo.environment["SWEEP_REPORT_RECORD_GOLDEN"] {
            try section.write(toFile: dir + "/curves.html", atomically: true, encoding: .utf8)
        }
        #expect(section == ReportGolden.curves)
    }

    @Test("golden: the figure-grid table of a one-key sweep (values side by side)")
    func gridGolden() throws {
        let fixture = try SweepFixture([.init(overrides: ["beta=10"]), .init(overrides: ["beta=1"], state: "failed")])
        defer { fixture.remove() }
        let report = try SweepReport(sweep: fixture.path)
        let table = report.gridTable(figure: "latent.svg", panel: report.grid.panels[0])
        #expect(
            table == """
                <div class="scroll"><table class="grid" style="min-width:520px;max-width:1400px"><thead><tr><th>beta=1</th><th>beta=10</th></tr></thead>\
                <tbody><tr><td><div class="missing state-failed" title="0001_beta=1">failed</div></td>\
                <td><div class="missing state-done" title="0000_beta=10">no latent.svg</div></td></tr></tbody></table></div>
                """)
    }
}
