import Foundation
import Testing

@testable import SweepResults

@Suite("Output formats")
struct FormatTests {
    @Test("the plain terminal table, grouped over seeds, pinned as a whole")
    func plainTable() throws {
        let fixture = try betaSeedFixture()
        defer { fixture.remove() }
        let (table, _) = try fixture.table()
        #expect(
            table.rendered(.table, style: .plain) == """
                constant: epochs=1
                mean and sample std (n-1) over: seed

                  beta       test/acc   train/loss  n  failed
                  ----  -------------  -----------  -  ------
                * 1      0.92 +- 0.02   0.2 +- 0.1  3       0
                  10    0.83 +- 0.042  0.6 +- 0.14  2       1

                * best: highest test/acc

                """)
    }

    @Test("Unicode and colour only when asked: ±, ─, ★ and ANSI bold")
    func terminalStyle() throws {
        let fixture = try betaSeedFixture()
        defer { fixture.remove() }
        let (table, _) = try fixture.table()
        let text = table.rendered(.table, style: OutputStyle(unicode: true, color: true))
        #expect(text.contains("0.92 ± 0.02"))
        #expect(text.contains("\u{1B}[1;32m★ 1"))
        #expect(text.contains("────"))
        #expect(OutputStyle.forStandardOutput(isTerminal: false, environment: [:]) == .plain)
        #expect(OutputStyle.forStandardOutput(isTerminal: true, environment: ["NO_COLOR": "1"]) == .plain)
        #expect(
            OutputStyle.forStandardOutput(isTerminal: true, environment: ["NO_COLOR": ""])
                == OutputStyle(unicode: true, color: true))
    }

    @Test("Markdown")
    func markdown() throws {
        let fixture = try betaSeedFixture()
        defer { fixture.remove() }
        let (table, _) = try fixture.table()
        #expect(
            table.rendered(.md) == """
                constant: `epochs=1`
                mean and sample std (n-1) over: `seed`

                |  | beta | test/acc | train/loss | n | failed |
                |:-:|---|---:|---:|---:|---:|
                | ★ | 1 | 0.92 ± 0.02 | 0.2 ± 0.1 | 3 | 0 |
                |  | 10 | 0.83 ± 0.042 | 0.6 ± 0.14 | 2 | 1 |

                ★ best: highest test/acc

                """)
    }

    @Test("CSV: full precision, constants as columns, std and n per metric")
    func csv() throws {
        let fixture = try betaSeedFixture()
        defer { fixture.remove() }
        let (table, _) = try fixture.table(ResultsOptions(metrics: [MetricSpec("test/acc")]))
        let lines = table.rendered(.csv).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "epochs,beta,test/acc,test/acc_std,test/acc_n,n,failed,unfinished,best")
        let row = lines[2].split(separator: ",").map(String.init)
        #expect(row[0] == "1")
        #expect(row[1] == "10")
        #expect(abs((Double(row[2]) ?? 0) - 0.83) < 1e-12)
        #expect(abs((Double(row[3]) ?? 0) - 0.0018.squareRoot()) < 1e-12)
        #expect(Array(row[4...]) == ["2", "2", "1", "0", "false"])
        #expect(CSVText.line(["a,b", "say \"hi\"", "x"]) == "\"a,b\",\"say \"\"hi\"\"\",x")
    }

    @Test("JSON parses back; numbers stay numbers; non-finite as Python writes them")
    func json() throws {
        let fixture = try SweepFixture([
            .init(overrides: ["lr=1e-3", "opt=adam"], metrics: "{\"loss\": 0.5}\n"),
            .init(overrides: ["lr=1e-2", "opt=adam"], metrics: "{\"loss\": NaN}\n"),
        ])
        defer { fixture.remove() }
        let (table, _) = try fixture.table()
        let value = try JSONScanner.parse(table.rendered(.json))
        #expect(value["constants"] == .object([("opt", .string("adam"))]))
        #expect(value["keys"] == .array([.string("lr")]))
        guard case .array(let rows)? = value["rows"] else {
            Issue.record("no rows")
            return
        }
        #expect(rows.count == 2)
        #expect(rows[0]["keys"] == .object([("lr", .number(1e-3))]))
        #expect(rows[0]["metrics"]?["loss"]?["mean"] == .number(0.5))
        #expect(rows[0]["metrics"]?["loss"]?["std"] == .null)
        #expect(rows[1]["metrics"]?["loss"]?["mean"] == .number(.nan))
        #expect(rows[1]["state"] == .string("done"))
        #expect(table.rendered(.json).contains("\"mean\": NaN"))
    }

    @Test("a table without cells says so")
    func empty() throws {
        let fixture = try SweepFixture([])
        defer { fixture.remove() }
        let (table, warnings) = try fixture.table()
        #expect(warnings == [])
        #expect(table.rendered(.table) == "(no cells)\n")
    }
}

@Suite("Results files")
struct ResultsFilesTests {
    @Test("results.md and results.csv are written into the sweep directory")
    func writesFiles() throws {
        let fixture = try betaSeedFixture()
        defer { fixture.remove() }
        let (text, warnings) = try ResultsFiles.write(sweep: fixture.path)
        #expect(warnings == [])
        let (table, _) = try fixture.table()
        #expect(text == table.text())
        let md = try String(contentsOfFile: fixture.path + "/results.md", encoding: .utf8)
        let csv = try String(contentsOfFile: fixture.path + "/results.csv", encoding: .utf8)
        #expect(md == table.markdown())
        #expect(csv == table.csv())
    }
}
