import Foundation
import SweepLauncher
import Testing

@Suite("Durations, progress and event text")
struct TextTests {
    @Test("durations parse from what users write")
    func parse() throws {
        #expect(try DurationText.parse("90") == .seconds(90))
        #expect(try DurationText.parse("90s") == .seconds(90))
        #expect(try DurationText.parse("1.5m") == .seconds(90))
        #expect(try DurationText.parse("1h30m") == .seconds(5400))
        #expect(try DurationText.parse("500ms") == .milliseconds(500))
        #expect(try DurationText.parse(" 2d ") == .seconds(172_800))
        for bad in ["", "abc", "10x", "-5", "0", "1h30", "m"] {
            #expect(
                throws: LauncherError(
                    "invalid duration '\(bad)': expected a number with an optional unit (ms, s, m, h, d), e.g. 90s, 1h30m"
                )
            ) { try DurationText.parse(bad) }
        }
    }

    @Test("durations format compactly")
    func format() {
        #expect(DurationText.format(.milliseconds(400)) == "0.4s")
        #expect(DurationText.format(seconds: 12.34) == "12.3s")
        #expect(DurationText.format(seconds: 15) == "15s")
        #expect(DurationText.format(seconds: 245) == "4m05s")
        #expect(DurationText.format(seconds: 3723) == "1h02m03s")
    }

    @Test("progress counts cells and estimates the time left")
    func progress() {
        var progress = LaunchProgress(total: 6, alreadyDone: 1, jobs: 2)
        func status(_ index: Int, _ state: CellState, seconds: Double? = nil) -> CellStatus {
            var status = CellStatus(index: index, id: "c\(index)", state: state)
            status.durationSeconds = seconds
            status.attempts = 1
            return status
        }
        progress.apply(.started(status(1, .running)))
        progress.apply(.started(status(2, .running)))
        #expect(progress.line(elapsed: 1) == "1/6 done · 2 running · 1.0s elapsed")
        progress.apply(.finished(status(1, .done, seconds: 4)))
        progress.apply(.retrying(status(2, .failed, seconds: 2), delay: .seconds(1)))
        progress.apply(.started(status(2, .running)))
        progress.apply(.finished(status(2, .failed, seconds: 2)))
        #expect(progress.running == 0)
        // Mean 3 s over the two finished cells, 3 cells left on 2 slots: 3 × 3 ÷ 2.
        #expect(progress.line(elapsed: 65) == "2/6 done · 0 running · 1 failed · 1m05s elapsed · ETA 4.5s")
        progress.metric = "test/elbo"
        progress.maximize = true
        #expect(progress.line(elapsed: 65) == "2/6 done · 0 running · 1 failed · 1m05s elapsed · ETA 4.5s")
        for value in [-170.25, -162.5, Double.nan, -181.0] { progress.note(metricValue: value) }
        #expect(
            progress.line(elapsed: 65)
                == "2/6 done · 0 running · 1 failed · 1m05s elapsed · ETA 4.5s · best test/elbo -162.5")
        progress.maximize = false
        progress.note(metricValue: -200)
        #expect(progress.best == -200)
    }

    @Test("events read as one line each")
    func eventText() {
        var failed = CellStatus(index: 3, id: "x", state: .failed)
        failed.exitCode = 1
        failed.durationSeconds = 2.5
        failed.stderrTail = ["Traceback", "ValueError: lr must be positive"]
        #expect(
            LaunchEvent.finished(failed).text
                == "cell 3 failed: exit code 1 after 2.5s — ValueError: lr must be positive")
        #expect(
            LaunchEvent.retrying(failed, delay: .seconds(2)).text
                == "cell 3 failed: exit code 1 after 2.5s — ValueError: lr must be positive; retrying in 2.0s")
        var killed = CellStatus(index: 0, id: "x", state: .failed)
        killed.signal = 11
        #expect(LaunchEvent.finished(killed).text == "cell 0 failed: signal 11")
        var done = CellStatus(index: 1, id: "x", state: .done)
        done.durationSeconds = 75
        #expect(LaunchEvent.finished(done).text == "cell 1 done in 1m15s")
        #expect(LaunchEvent.failFast(failed).text == "fail-fast: cell 3 failed, no further cell is launched")
        #expect(
            LaunchEvent.cancelling(running: 2, force: false).text
                == "cancelling: stopping 2 running cells (SIGTERM, then SIGKILL)")
        #expect(LaunchEvent.cancelling(running: 1, force: true).text == "killing 1 running cell now")
    }
}

@Suite("Progress printer")
struct ProgressPrinterTests {
    final class Capture: @unchecked Sendable {
        private var text = ""
        private let lock = NSLock()
        func append(_ more: String) { lock.withLock { text += more } }
        var value: String { lock.withLock { text } }
    }

    func statuses() -> (CellStatus, CellStatus) {
        var done = CellStatus(index: 0, id: "a", state: .done)
        done.durationSeconds = 1.5
        done.attempts = 1
        var failed = CellStatus(index: 1, id: "b", state: .failed)
        failed.exitCode = 2
        failed.durationSeconds = 0.25
        failed.attempts = 1
        failed.stderrTail = ["boom"]
        return (done, failed)
    }

    @Test("not a terminal: one line per finished cell")
    func plain() {
        let capture = Capture()
        let printer = ProgressPrinter(
            progress: LaunchProgress(total: 2, jobs: 2), terminal: false, output: capture.append)
        let (done, failed) = statuses()
        printer.handle(.started(done))
        printer.handle(.finished(done))
        printer.handle(.finished(failed))
        printer.finish()
        #expect(capture.value == "cell 0 done in 1.5s\ncell 1 failed: exit code 2 after 0.3s — boom\n")
    }

    @Test("quiet: failures only")
    func quiet() {
        let capture = Capture()
        let printer = ProgressPrinter(
            progress: LaunchProgress(total: 2, jobs: 2), quiet: true, terminal: true, output: capture.append)
        let (done, failed) = statuses()
        printer.handle(.finished(done))
        printer.handle(.finished(failed))
        printer.finish()
        #expect(capture.value == "cell 1 failed: exit code 2 after 0.3s — boom\n")
    }

    @Test("terminal: a live line, failures printed above it")
    func terminal() {
        let capture = Capture()
        let printer = ProgressPrinter(
            progress: LaunchProgress(total: 2, jobs: 2), terminal: true, output: capture.append)
        let (done, failed) = statuses()
        printer.handle(.started(done))
        printer.handle(.finished(failed))
        printer.finish()
        let text = capture.value.replacingOccurrences(
            of: #"\d+\.\ds elapsed"#, with: "T elapsed", options: .regularExpression)
        #expect(
            text == "\r\u{1B}[K0/2 done · 1 running · T elapsed"
                + "\r\u{1B}[Kcell 1 failed: exit code 2 after 0.3s — boom\n"
                + "\r\u{1B}[K0/2 done · 1 running · 1 failed · T elapsed · ETA 0.3s\n")
    }
}
