import Foundation
import SweepConfig
import SweepYAML
import Testing

/// Differential tests against Hydra 1.3.8: Fixtures/compose.json is written by
/// scripts/fixtures/compose.py, which composes each config tree with the real Hydra
/// (format: Fixtures/COMPOSE_FIXTURES.md).
@Suite("Compose fixture (Hydra differential)")
struct ComposeFixtureTests {
    /// One case: a config tree, overrides, and Hydra's result (or where we differ, ours).
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: String]
        var primary: String
        var overrides: [String]
        var env: [String: String]
        /// The composed config (key order included), or nil when composition must fail.
        var config: ConfigNode?
        /// The group choices, or nil when composition must fail.
        var choices: [String: String?]?
        var testDescription: String { name }
    }

    /// The fixture, read with our own YAML parser (JSON is YAML) so that key order is kept.
    static let cases: [Case] = {
        guard let url = Bundle.module.url(forResource: "compose", withExtension: "json", subdirectory: "Fixtures"),
            let parsed = try? YAML.parse(contentsOf: url.path)
        else { return [] }
        guard case .sequence(let list) = ConfigNode(yaml: parsed).value else { return [] }
        return list.map { entry in
            func strings(_ key: String) -> [String: String] {
                guard case .mapping(let m)? = entry.child(key)?.value else { return [:] }
                return Dictionary(
                    m.compactMap { pair in if case .string(let s) = pair.value.value { (pair.key, s) } else { nil } },
                    uniquingKeysWith: { first, _ in first })
            }
            let expected = entry.child("ours") ?? entry.child("expected")
            var choices: [String: String?]?
            if case .mapping(let m)? = expected?.child("choices")?.value {
                choices = m.reduce(into: [:]) { result, pair in
                    if case .string(let s) = pair.value.value {
                        result[pair.key] = .some(s)
                    } else {
                        result[pair.key] = .some(nil)
                    }
                }
            }
            let overrides: [String]
            if case .sequence(let items)? = entry.child("overrides")?.value {
                overrides = items.compactMap { if case .string(let s) = $0.value { s } else { nil } }
            } else {
                overrides = []
            }
            let text: (String) -> String = { key in
                if case .string(let s)? = entry.child(key)?.value { return s }
                return ""
            }
            return Case(
                name: text("name"), files: strings("files"), primary: text("primary"), overrides: overrides,
                env: strings("env"), config: expected?.child("config"), choices: choices)
        }
    }()

    /// Non-finite floats as the fixture writes them: the strings "nan", "inf", "-inf".
    static func normalized(_ node: ConfigNode) -> ConfigNode {
        switch node.value {
        case .float(let d) where d.isNaN: return ConfigNode(.string("nan"))
        case .float(let d) where d.isInfinite: return ConfigNode(.string(d < 0 ? "-inf" : "inf"))
        case .mapping(let m): return ConfigNode(.mapping(m.mapValues(normalized)))
        case .sequence(let items): return ConfigNode(.sequence(items.map(normalized)))
        default: return node
        }
    }

    @Test("the fixture is there and covers successes and failures")
    func fixtureLoaded() {
        #expect(Self.cases.count > 400)
        #expect(Self.cases.contains { $0.config == nil })
    }

    @Test("composes what Hydra composes, and fails where it fails", arguments: cases)
    func matchesHydra(_ c: Case) throws {
        let tree = try ConfigTree(c.files)
        defer { tree.remove() }
        let composer = Composer(configFile: tree.path(c.primary), environment: c.env)
        let result: Result<Composition, ConfigError>
        do {
            result = .success(try composer.compose(c.overrides))
        } catch {
            result = .failure(error)
        }
        switch (c.config, result) {
        case (let expected?, .success(let ours)):
            let config = Self.normalized(ours.config)
            #expect(config == expected, "ours: \(config.jsonText(indent: 0))")
            if let choices = c.choices {
                let mine = Dictionary(ours.choices.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
                #expect(mine == choices)
            }
        case (let expected?, .failure(let error)):
            Issue.record("Hydra composes \(expected.jsonText(indent: 0)), we fail:\n\(error)")
        case (nil, .success(let ours)):
            Issue.record("Hydra fails, we compose \(ours.config.jsonText(indent: 0))")
        case (nil, .failure(let error)):
            #expect(!error.diagnostics.isEmpty)
        }
    }
}
