import Foundation
import Testing

@Suite("sweep report (built binary, headless Chromium)", .serialized)
struct ReportCommandTests {
    /// A project whose shell trainer writes three metric lines and figures/plot.svg, and fails
    /// (exit 3, one stderr line) for x=3 y=b.
    static func makeProject() throws -> String {
        let dir = NSTemporaryDirectory() + "sweep-report-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try """
        x=$(sed -n 's/^x: //p' config.yaml)
        y=$(sed -n 's/^y: //p' config.yaml)
        if [ "$x" = 3 ] && [ "$y" = b ]; then echo "boom: x=$x y=$y not supported" >&2; exit 3; fi
        for s in 1 2 3; do echo "{\\"step\\": $s, \\"loss\\": $(( x * 10 / s ))}" >> metrics.jsonl; done
        mkdir -p figures
        printf '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="100"><rect width="160" height="100" fill="#0072b2"/><text x="8" y="50" fill="#fff">x=%s y=%s</text></svg>' "$x" "$y" > figures/plot.svg
        """.write(toFile: dir + "/train.sh", atomically: true, encoding: .utf8)
        try """
        x: 1
        y: a
        sweep:
          command: [/bin/sh, \(dir)/train.sh]
          metric: loss
          mode: min
        """.write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    /// Runs the sweep x=1,2,3 × y=a,b (five done, one failed) and returns its directory.
    static func runSweep(in dir: String) throws -> String {
        let result = try CLI.run(
            "sweep", ["run", "config.yaml", "x=1,2,3", "y=a,b", "--outputs", "out", "-j", "2"], in: dir)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("6 cells: 5 done, 1 failed"))
        let configs = dir + "/out/config"
        let name = try FileManager.default.contentsOfDirectory(atPath: configs).sorted().last ?? ""
        let sweep = configs + "/" + name
        #expect(result.stdout.contains("report: \(sweep)/report.html"))
        return sweep
    }

    @Test("sweep run writes report.html; sweep report rewrites it with --rows/--cols and -o")
    func writes() throws {
        let dir = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sweep = try Self.runSweep(in: dir)
        let page = try String(contentsOfFile: sweep + "/report.html", encoding: .utf8)
        #expect(page.components(separatedBy: "<img class=\"fig\"").count - 1 == 5)
        #expect(page.contains("boom: x=3 y=b not supported"))
        let result = try CLI.run("sweep", ["report", sweep, "-o", dir + "/r.html", "--rows", "x", "--cols", "y"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == dir + "/r.html\n")
        let custom = try String(contentsOfFile: dir + "/r.html", encoding: .utf8)
        #expect(custom.contains("<th class=\"row\">x=1</th>"))
        #expect(custom.contains("<th>y=a</th><th>y=b</th>"))
    }

    @Test("bad input: a missing directory and an unknown --cols key, exit status 2")
    func errors() throws {
        let dir = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let missing = try CLI.run("sweep", ["report", dir + "/nope"])
        #expect(missing.status == 2)
        #expect(
            missing.stderr == """
                error: no sweep directory '\(dir)/nope'
                help: give a sweep directory (outputs/<config>/<date>)

                """)
        let sweep = try Self.runSweep(in: dir)
        let unknown = try CLI.run("sweep", ["report", sweep, "--cols", "yy"])
        #expect(unknown.status == 2)
        #expect(
            unknown.stderr == """
                error: --cols names 'yy', which no cell sets
                help: did you mean 'y'?
                help: the keys are x, y

                """)
    }

    @Test(
        "headless Chromium renders the report: not blank, every grid image, no page error",
        .enabled(if: Chromium.path != nil, Comment(rawValue: Chromium.missing)))
    func chromium() throws {
        let dir = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sweep = try Self.runSweep(in: dir)
        // One cell just started again (running, no figures yet): the page must show it too.
        let running = sweep + "/0004_x=3,y=a"
        try FileManager.default.removeItem(atPath: running + "/figures")
        try #"{"index": 4, "id": "c4", "state": "running", "attempts": 2}"#.write(
            toFile: running + "/status.json", atomically: true, encoding: .utf8)
        let result = try CLI.run("sweep", ["report", sweep])
        #expect(result.status == 0, "\(result.stderr)")
        let url = "file://" + sweep + "/report.html"

        let dom = try Chromium.run(["--dump-dom"], url: url)
        #expect(dom.status == 0, "\(dom.stderr)")
        #expect(Chromium.pageErrors(dom.stderr).isEmpty, "\(Chromium.pageErrors(dom.stderr))")
        #expect(dom.stdout.contains("data-ok=\"1\""), "the page's script did not run to its end")
        // x=1,2 × y=a,b done and x=3 y=a running without figure: 4 images, 2 placeholders.
        #expect(dom.stdout.components(separatedBy: "<img class=\"fig\"").count - 1 == 4)
        #expect(dom.stdout.contains("<div class=\"missing state-failed\""))
        #expect(dom.stdout.contains("<div class=\"missing state-running\""))
        #expect(dom.stdout.components(separatedBy: "<svg").count - 1 == 2)  // curves, parallel coordinates

        let shot = dir + "/shot.png"
        let screenshot = try Chromium.run(["--screenshot=" + shot, "--window-size=1200,1600"], url: url)
        #expect(screenshot.status == 0, "\(screenshot.stderr)")
        #expect(Chromium.pageErrors(screenshot.stderr).isEmpty)
        let png = try PNGPixels(Array(try Data(contentsOf: URL(fileURLWithPath: shot))))
        #expect(png.width == 1200 && png.height == 1600)
        let ink = png.ink
        #expect(ink.fraction > 0.02, "the screenshot is (nearly) blank: \(ink.fraction) non-white")
        #expect(ink.colors > 50, "the screenshot has only \(ink.colors) colours")
    }
}
