import Foundation
import Testing

@testable import SweepConfig

/// Differential tests against Hydra 1.3.8: Fixtures/overrides.json is written by
/// scripts/fixtures/overrides.py from Hydra's own parser and BasicSweeper rendering.
@Suite("Override fixture (Hydra differential)")
struct OverrideFixtureTests {
    /// One case of the fixture.
    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var expect: [String: JSONValue]
        var note: String?
        var testDescription: String { input }
    }

    /// A JSON value, Sendable.
    enum JSONValue: Sendable {
        case null, bool(Bool), string(String), array([JSONValue]), object([String: JSONValue])

        init(_ any: Any) {
            switch any {
            case let b as Bool: self = .bool(b)
            case let s as String: self = .string(s)
            case let a as [Any]: self = .array(a.map(JSONValue.init))
            case let o as [String: Any]: self = .object(o.mapValues(JSONValue.init))
            default: self = .null
            }
        }

        var string: String? { if case .string(let s) = self { return s } else { return nil } }
        var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
        var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
        var object: [String: JSONValue]? { if case .object(let o) = self { return o } else { return nil } }
    }

    /// Loads Fixtures/<name>.json.
    static func load(_ name: String) -> (options: [String], cases: [Case]) {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let options = root["groupOptions"] as? [String],
            let cases = root["cases"] as? [[String: Any]]
        else { return ([], []) }
        return (
            options,
            cases.compactMap { c in
                guard let input = c["input"] as? String, let expect = c["expect"] as? [String: Any] else { return nil }
                return Case(input: input, expect: expect.mapValues(JSONValue.init), note: c["note"] as? String)
            }
        )
    }

    static let fixture = load("overrides")
    static let fuzz = load("overrides-fuzz")

    @Test func fixtureIsLoaded() {
        #expect(Self.fixture.cases.count > 300)
        #expect(Self.fixture.options == ["adam", "adamw", "rmsprop", "sgd", "sgd_momentum"])
        #expect(Self.fuzz.cases.count > 2500)
    }

    /// The OverrideValue a typed fixture value stands for.
    static func value(_ json: JSONValue?) -> OverrideValue? {
        guard let o = json?.object, let t = o["t"]?.string else { return nil }
        switch t {
        case "null": return .null
        case "bool": return o["v"]?.string.map { OverrideValue.bool($0 == "true") }
        case "int": return o["v"]?.string.flatMap { Int($0) }.map(OverrideValue.int)
        case "float":
            guard let text = o["v"]?.string else { return nil }
            switch text {
            case "nan": return .float(.nan)
            case "inf": return .float(.infinity)
            case "-inf": return .float(-.infinity)
            default: return Double(text).map(OverrideValue.float)
            }
        case "str": return o["v"]?.string.map(OverrideValue.string)
        case "quoted":
            guard let s = o["v"]?.string else { return nil }
            return .quoted(s, o["q"]?.string == "'" ? .single : .double)
        case "list": return .list(o["v"]?.array?.compactMap { value($0) } ?? [])
        case "dict":
            let pairs = o["v"]?.array ?? []
            return .dict(
                pairs.compactMap { pair in
                    guard let kv = pair.array, kv.count == 2, let k = value(kv[0]), let v = value(kv[1]) else {
                        return nil
                    }
                    return OverrideValue.Entry(key: k, value: v)
                })
        default: return nil
        }
    }

    @Test(arguments: fixture.cases)
    func matchesHydra(_ c: Case) throws {
        try Self.check(c, options: Self.fixture.options)
    }

    /// Random overrides (scripts/fixtures/overrides.py, fixed seed) agree with Hydra too.
    @Test(arguments: fuzz.cases)
    func randomOverridesMatchHydra(_ c: Case) throws {
        try Self.check(c, options: Self.fuzz.options)
    }

    static func check(_ c: Case, options: [String]) throws {
        guard c.expect["ok"]?.bool == true else {
            // Rejected: either the parse or the expansion fails, with a located diagnostic.
            var failed = false
            do {
                let o = try Override.parse(c.input)
                _ = try o.hydraLines(groupOptions: options)
            } catch {
                failed = true
                let d = try #require(error.diagnostics.first)
                guard case .override(let text, let column) = d.location else {
                    Issue.record("diagnostic without an override location: \(d)")
                    return
                }
                #expect(text == c.input)
                #expect(column >= 1 && column <= c.input.unicodeScalars.count + 1)
            }
            #expect(failed, "Hydra rejects \(c.input) but it parsed")
            return
        }
        let o = try Override.parse(c.input)
        #expect(o.text == c.input)
        #expect(o.key == c.expect["key"]?.string)
        #expect(o.package == c.expect["package"]?.string)
        let kind: Override.Kind? = ["change": .change, "add": .add, "forceAdd": .forceAdd, "delete": .delete][
            c.expect["kind"]?.string ?? ""]
        #expect(o.kind == kind)
        #expect(o.isSweep == (c.expect["sweep"]?.bool == true))
        let expectedLines = c.expect["lines"]?.array?.compactMap(\.string)
        guard let sweep = o.sweep else {
            let expected = value(c.expect["value"])
            if o.kind == .delete, o.value == nil {
                #expect(c.expect["value"]?.object?["t"]?.string == "null")
            } else {
                #expect(o.value == expected)
            }
            #expect([o.hydraText] == expectedLines)
            #expect(try o.hydraLines(groupOptions: options) == expectedLines)
            return
        }
        let type: String
        switch sweep.kind {
        case .choice: type = "choice"
        case .range: type = "range"
        case .interval: type = "interval"
        case .glob: type = "glob"
        }
        #expect(type == c.expect["sweepType"]?.string)
        #expect(sweep.tags == Set(c.expect["tags"]?.array?.compactMap(\.string) ?? []))
        if case .interval(let start, let end) = sweep.kind {
            #expect(start.value == value(c.expect["start"]))
            #expect(end.value == value(c.expect["end"]))
            #expect(throws: ConfigError.self) { try o.hydraLines(groupOptions: options) }
            return
        }
        let expectedValues = c.expect["values"]?.array?.compactMap { value($0) } ?? []
        var values = try o.sweepValues(groupOptions: options)
        var lines = try o.hydraLines(groupOptions: options)
        if c.expect["shuffled"]?.bool == true, c.expect["seeded"]?.bool != true {
            #expect(sweep.shuffled)
            // Unseeded, as in Hydra: each expansion has its own order; compare as multisets
            // (the fixture lists them sorted by line).
            values.sort { $0.hydraText < $1.hydraText }
            lines.sort()
        }
        #expect(values == expectedValues)
        #expect(lines == expectedLines)
    }
}
