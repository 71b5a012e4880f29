import Testing

@testable import SweepYAML

/// A mapping may not repeat a key (OmegaConf rejects repeated string keys; this also rejects
/// keys that resolve to the same value, such as `1` and `0x1`).
@Suite struct DuplicateKeyTests {
    @Test func repeatedKey() {
        #expect(
            Support.error("a: 1\nb: 2\na: 3\n") == """
                t.yaml:3:1: error: duplicate key 'a' in this mapping
                    a: 3
                    ^
                note: 'a' was first defined at t.yaml:1:1
                    a: 1
                    ^
                help: remove one of the two, or rename it
                """)
    }

    @Test func repeatedKeyInANestedFlowMapping() {
        #expect(
            Support.error("model:\n  opt: {lr: 1, 'lr': 2}\n") == """
                t.yaml:2:16: error: duplicate key 'lr' in this mapping
                      opt: {lr: 1, 'lr': 2}
                                   ^
                note: 'lr' was first defined at t.yaml:2:9
                      opt: {lr: 1, 'lr': 2}
                            ^
                help: remove one of the two, or rename it
                """)
    }

    @Test func keysThatResolveToTheSameValue() {
        #expect(Support.error("1: a\n0x1: b\n").hasPrefix("t.yaml:2:1: error: duplicate key '0x1' in this mapping"))
    }

    @Test func duplicatesInLongMappings() throws {
        let keys = (1...40).map { "k\($0): \($0)" }
        #expect(try Support.keys(Support.parse(keys.joined(separator: "\n"))).count == 40)
        for repeated in [3, 17, 30] {
            let message = Support.error((keys + ["k\(repeated): x"]).joined(separator: "\n"))
            #expect(
                message.hasPrefix(
                    """
                    t.yaml:41:1: error: duplicate key 'k\(repeated)' in this mapping
                        k\(repeated): x
                        ^
                    note: 'k\(repeated)' was first defined at t.yaml:\(repeated):1
                    """))
        }
    }

    @Test func sameKeyInDifferentMappingsIsFine() throws {
        let root = try Support.parse("a: {x: 1}\nb: {x: 2}\n")
        #expect(Support.keys(root) == ["a", "b"])
    }

    @Test func differentlyTypedKeysAreDifferent() throws {
        let root = try Support.parse("1: a\n'1': b\ntrue: c\n'true': d\n")
        #expect(Support.keys(root) == ["1", "1", "true", "true"])
    }
}
