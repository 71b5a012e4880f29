import Foundation
import Testing

@testable import SweepYAML

@Suite("Marks")
struct MarkTests {
    @Test("a mark keeps its file name, line and column, and prints as file:line:col")
    func fields() {
        var mark = Mark(file: "configs/optim/adam.yaml", line: 3, column: 7)
        #expect(mark.file == "configs/optim/adam.yaml")
        #expect(mark.description == "configs/optim/adam.yaml:3:7")
        mark.file = "other.yaml"
        mark.line = 12
        mark.column = 1
        #expect(mark.description == "other.yaml:12:1")
        #expect(Mark(file: "a.yaml", line: Int.max, column: 1).line == Int(Int32.max))
    }

    @Test("marks compare and hash by file name, line and column")
    func equality() {
        let a = Mark(file: "x.yaml", line: 1, column: 2)
        #expect(a == Mark(file: "x.yaml", line: 1, column: 2))
        #expect(a != Mark(file: "y.yaml", line: 1, column: 2))
        #expect(a != Mark(file: "x.yaml", line: 2, column: 2))
        #expect(Set([a, Mark(file: "x.yaml", line: 1, column: 2)]).count == 1)
    }

    @Test("file names are numbered once, also from many threads at a time")
    func concurrentNumbering() {
        let names = (0..<50).map { "concurrent-\($0).yaml" }
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var numbers: [[UInt32]] = []
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let mine = names.map { Mark.Files.number(of: $0) }
            results.lock.withLock { results.numbers.append(mine) }
        }
        let all = results.lock.withLock { results.numbers }
        #expect(all.count == 8 && all.allSatisfy { $0 == all[0] })
        #expect(Set(all[0]).count == names.count)
        #expect(names.indices.allSatisfy { Mark.Files.name(of: all[0][$0]) == names[$0] })
    }
}
