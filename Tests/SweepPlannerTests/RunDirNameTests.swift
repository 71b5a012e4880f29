import SweepPlanner
import Testing

/// Run-directory names: readable, safe, capped.
@Suite struct RunDirNameTests {
    @Test func indexAndOverrides() {
        #expect(RunDirName.name(index: 3, count: 10, lines: ["beta=10", "lr=0.001"]) == "0003_beta=10,lr=0.001")
        #expect(RunDirName.name(index: 3, count: 10, lines: []) == "0003")
        #expect(RunDirName.name(index: 42, count: 123_456, lines: ["+a=1"]) == "000042_a=1")
    }

    @Test func unsafeCharactersReplaced() {
        let name = RunDirName.name(
            index: 0, count: 2, lines: ["server/db=a b", "x='$(rm -rf ~)'", "p=../..", "t=a\u{0}\n\tb", "u=é*?[1,2]"])
        #expect(name == "0000_server_db=a_b,x=___rm_-rf____,p=.__._,t=a___b,u=____1,2_")
        #expect(!name.contains("/"))
        #expect(!name.contains(".."))
    }

    @Test func longNamesCappedWithAHash() {
        let lines = (0..<30).map { "key\($0)=value\($0)" }
        let name = RunDirName.name(index: 7, count: 100, lines: lines)
        #expect(name.utf8.count == RunDirName.maximumLength)
        #expect(name.hasPrefix("0007_key0=value0,key1=value1,"))
        let other = RunDirName.name(index: 7, count: 100, lines: lines.dropLast() + ["key29=other"])
        #expect(other != name)
        #expect(other.utf8.count == RunDirName.maximumLength)
    }
}
