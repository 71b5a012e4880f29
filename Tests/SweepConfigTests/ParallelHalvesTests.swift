import Foundation
import Testing

@testable import SweepConfig

/// A very large config is resolved and written as JSON in two halves of its top-level keys, on
/// two threads. The result, and any error, must be exactly what the serial walk gives.
@Suite struct ParallelHalvesTests {
    /// A config whose interpolations cross between the halves (forward and backward), with nested
    /// references, string interpolation, relative keys and a resolver.
    static func config(sections: Int, extra: [(String, ConfigNode)] = []) -> ConfigNode {
        var root = OrderedMapping()
        for i in 0..<sections {
            let other = (i + sections / 2) % sections
            root["s\(i)"] = ConfigNode(
                .mapping([
                    "name": ConfigNode(.string("run \(i)")),
                    "other": ConfigNode(.string("${s\(other).name}")),
                    "both": ConfigNode(.string("${.name} and ${s\(other).other}")),
                    "items": ConfigNode(.sequence([ConfigNode(.int(i)), ConfigNode(.string("${..name}"))])),
                    "env": ConfigNode(.string("${oc.env:SWEEP_HALVES_TEST,fallback}")),
                    "plain": ConfigNode(.float(Double(i) / 8)),
                ]))
        }
        for (key, node) in extra { root[key] = node }
        return ConfigNode(.mapping(root))
    }

    static func resolve(_ node: ConfigNode, parallelAbove: Int) -> Result<ConfigNode, ConfigError> {
        Result { () throws(ConfigError) in
            try Interpolator(root: node, environment: [:], parallelAbove: parallelAbove).resolveAll()
        }
    }

    static func text(_ result: Result<ConfigNode, ConfigError>) -> String {
        switch result {
        case .success(let node): return node.jsonText()
        case .failure(let error): return error.description
        }
    }

    @Test func halvesResolveAsTheSerialWalkDoes() throws {
        let node = Self.config(sections: 400)
        let serial = Self.text(Self.resolve(node, parallelAbove: .max))
        #expect(serial.contains(#""other": "run 200""#))
        #expect(serial.contains(#""both": "run 3 and run 3""#))
        #expect(Self.text(Self.resolve(node, parallelAbove: 1)) == serial)
    }

    @Test func aTreeWithoutInterpolationsIsReturnedAsItIs() throws {
        let node = ConfigNode(.mapping(["a": ConfigNode(.int(1)), "b": ConfigNode(.string("x"))]))
        #expect(try Self.resolve(node, parallelAbove: 1).get() == node)
    }

    @Test func aMissingKeyInTheSecondHalfIsTheSerialError() {
        let node = Self.config(sections: 50, extra: [("bad", ConfigNode(.string("${s1.nmae}")))])
        let serial = Self.text(Self.resolve(node, parallelAbove: .max))
        #expect(serial.hasPrefix("error: bad: interpolation '${s1.nmae}' refers to 's1.nmae', which does not exist"))
        #expect(Self.text(Self.resolve(node, parallelAbove: 1)) == serial)
    }

    @Test func aCycleAcrossTheHalvesIsTheSerialError() {
        let node = ConfigNode(
            .mapping([
                "a": ConfigNode(.string("${d}")), "b": ConfigNode(.int(1)),
                "c": ConfigNode(.int(2)), "d": ConfigNode(.string("${a}")),
            ]))
        let serial = Self.text(Self.resolve(node, parallelAbove: .max))
        #expect(serial == "error: a: interpolation cycle: a -> d -> a")
        #expect(Self.text(Self.resolve(node, parallelAbove: 1)) == serial)
    }

    /// A chain of references longer than the depth limit, pointing backwards: the serial walk
    /// resolves it link by link from the front; a half that starts at its far end alone would
    /// exceed the limit, so it falls back to the serial walk.
    @Test func aLongChainThatOnlyTheSerialWalkResolvesStillResolves() throws {
        var mapping = OrderedMapping()
        mapping["k0"] = ConfigNode(.int(7))
        let links = 2 * Interpolator.maxDepth + 100
        for i in 1...links { mapping["k\(i)"] = ConfigNode(.string("${k\(i - 1)}")) }
        let node = ConfigNode(.mapping(mapping))
        let serial = try Self.resolve(node, parallelAbove: .max).get()
        #expect(serial.child("k\(links)") == ConfigNode(.int(7)))
        #expect(try Self.resolve(node, parallelAbove: 1).get() == serial)
    }

    /// Whether the walk saw a `???` (the composer's check for unset values skips the tree when it
    /// did not), in halves and serially: a `???` in either half, in a list, or only in a subtree
    /// that an interpolation copies.
    @Test(arguments: [1, Int.max])
    func theWalkNotesEveryMissingValue(parallelAbove: Int) throws {
        func saw(_ extra: [(String, ConfigNode)]) throws -> Bool {
            let interpolator = Interpolator(
                root: Self.config(sections: 20, extra: extra), environment: [:], parallelAbove: parallelAbove)
            _ = try interpolator.resolveAll()
            return interpolator.sawMissing
        }
        #expect(try !saw([]))
        #expect(try saw([("m", ConfigNode(.missing))]))
        #expect(try saw([("a", ConfigNode(.missing)), ("b", ConfigNode(.int(1))), ("c", ConfigNode(.int(2)))]))
        #expect(try saw([("l", ConfigNode(.sequence([ConfigNode(.int(1)), ConfigNode(.missing)])))]))
        let holder = ConfigNode(.mapping(["x": ConfigNode(.missing)]))
        #expect(try saw([("h", holder), ("copy", ConfigNode(.string("${h}")))]))
    }

    /// Values reached through a reference are kept: a ladder of 40 mappings whose two keys each
    /// refer to the mapping below resolves at once, where re-resolving each would take 2^40 steps.
    @Test func referencedValuesAreResolvedOnce() throws {
        var mapping = OrderedMapping()
        mapping["d0"] = ConfigNode(.mapping(["a": ConfigNode(.int(1)), "b": ConfigNode(.int(2))]))
        for i in 1...40 {
            mapping["d\(i)"] = ConfigNode(
                .mapping(["a": ConfigNode(.string("${d\(i - 1)}")), "b": ConfigNode(.string("${d\(i - 1)}"))]))
        }
        let resolved = try Self.resolve(ConfigNode(.mapping(mapping)), parallelAbove: .max).get()
        var node = try #require(resolved.child("d40"))
        for _ in 0..<40 { node = try #require(node.child("b")) }
        #expect(node == ConfigNode(.mapping(["a": ConfigNode(.int(1)), "b": ConfigNode(.int(2))])))
    }

    @Test(arguments: [0, 2])
    func halvesWriteTheSameJSON(indent: Int) throws {
        let node = try Self.resolve(Self.config(sections: 300), parallelAbove: .max).get()
        let serial = node.jsonBytes(indent: indent, parallelAbove: .max)
        #expect(node.jsonBytes(indent: indent, parallelAbove: 1) == serial)
        #expect(
            String(decoding: serial, as: UTF8.self).hasPrefix(
                indent == 0
                    ? #"{"s0":{"name":"run 0","#
                    : "{\n  \"s0\": {\n    \"name\": \"run 0\","))
    }

    /// YAML written in two halves, each a document of its own, joins into exactly the one document
    /// the serial emitter writes, whatever the values at the seam: strings that must be quoted, on
    /// several lines, empty, keys that read as other types, empty and nested collections.
    @Test func halvesWriteTheSameYAML() throws {
        let awkward: [ConfigNode] = [
            ConfigNode(.string("multi\nline\n")), ConfigNode(.string("  leading")), ConfigNode(.string("trailing ")),
            ConfigNode(.string("a: b")), ConfigNode(.string("# c")), ConfigNode(.string("")),
            ConfigNode(.string("???")),
            ConfigNode(.string("1")), ConfigNode(.string("true")), ConfigNode(.string("null")),
            ConfigNode(.string("tab\there")), ConfigNode(.string("it's")), ConfigNode(.string("€ and ü")),
            ConfigNode(.string(String(repeating: "long words ", count: 30))), ConfigNode(.sequence([])),
            ConfigNode(.mapping([:])), ConfigNode(.missing), ConfigNode(.null), ConfigNode(.float(1e-5)),
            ConfigNode(.float(-.infinity)),
            ConfigNode(
                .sequence([
                    ConfigNode(.sequence([ConfigNode(.int(1))])), ConfigNode(.mapping(["a": ConfigNode(.int(2))])),
                ])),
            ConfigNode(
                .mapping(["<<": ConfigNode(.int(1)), "1": ConfigNode(.string("x\ny")), "": ConfigNode(.bool(true))])),
        ]
        for split in 0..<awkward.count {
            // Each awkward value in turn ends the first half.
            var mapping = OrderedMapping()
            for i in 0...split { mapping["k\(i)"] = i == split ? awkward[split] : awkward[(i * 7) % awkward.count] }
            for i in 0...split { mapping["true" + String(i)] = awkward[i] }
            let node = ConfigNode(.mapping(mapping))
            let serial = try node.yamlBytes(parallelAbove: .max)
            let halves = try #require(node.yamlHalves(parallelAbove: 1), "split \(split)")
            #expect(halves.head + halves.tail == serial, "split \(split)")
        }
        let big = try Self.resolve(Self.config(sections: 300), parallelAbove: .max).get()
        let halves = try #require(big.yamlHalves(parallelAbove: 1))
        #expect(halves.head + halves.tail == (try big.yamlBytes(parallelAbove: .max)))
    }

    /// What `write` puts into a new file.
    static func written(by write: (FileHandle) throws -> Void) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("halves-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try write(handle)
        try handle.close()
        return String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
    }

    /// `writeJSON` and `writeYAML` hand a large tree's halves to the file one after the other: the
    /// file holds the text `jsonText` (and a final newline) or `yamlText` gives.
    @Test(arguments: [10, 20_000])
    func writingToAFileWritesTheText(sections: Int) throws {
        let node = try Self.resolve(Self.config(sections: sections), parallelAbove: .max).get()
        #expect(node.hasAtLeast(Parallel.minimumNodes) == (sections > 10))
        #expect(try Self.written { try node.writeJSON(to: $0) } == node.jsonText() + "\n")
        #expect(try Self.written { try node.writeYAML(to: $0) } == (try node.yamlText()))
    }

    @Test func counting() {
        let node = Self.config(sections: 10)
        // The root, 10 sections of 6 values, and each section's list of 2.
        #expect(node.hasAtLeast(1 + 10 * 9))
        #expect(!node.hasAtLeast(1 + 10 * 9 + 1))
    }
}
