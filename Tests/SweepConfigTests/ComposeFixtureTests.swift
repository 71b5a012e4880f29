import Foundation
import SweepConfig
import Testing

/// Differential tests against Hydra 1.3.8: Fixtures/compose.json is written by
/// scripts/fixtures/compose.py, which composes each config tree with the real Hydra.
@Suite("Compose fixture (Hydra differential)")
struct ComposeFixtureTests {
    /// One case: a config tree, overrides, and Hydra's result (or where we differ, ours).
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: String]
        var overrides: [String]
        var env: [String: String]
        /// The canonical JSON of the composed config, or nil when composition must fail.
        var config: String?
        var note: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        guard let url = Bundle.module.url(forResource: "compose", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url),
            let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return list.map { entry in
            let expected = (entry["ours"] ?? entry["expected"]) as? [String: Any] ?? [:]
            return Case(
                name: entry["name"] as? String ?? "?",
                files: entry["files"] as? [String: String] ?? [:],
                overrides: entry["overrides"] as? [String] ?? [],
                env: entry["env"] as? [String: String] ?? [:],
                config: expected["config"] as? String,
                note: entry["note"] as? String)
        }
    }()

    @Test("the fixture is there and covers successes and failures")
    func fixtureLoaded() {
        #expect(Self.cases.count > 150)
        #expect(Self.cases.contains { $0.config == nil })
    }

    @Test("composes what Hydra composes, and fails where it fails", arguments: cases)
    func matchesHydra(_ c: Case) throws {
        let tree = try ConfigTree(c.files)
        defer { tree.remove() }
        let composer = Composer(configFile: tree.path("config.yaml"), environment: c.env)
        let result: Result<String, ConfigError>
        do {
            result = .success(try composer.compose(c.overrides).config.jsonText(indent: 0))
        } catch {
            result = .failure(error)
        }
        switch (c.config, result) {
        case (let expected?, .success(let ours)):
            #expect(ours == expected)
        case (let expected?, .failure(let error)):
            Issue.record("Hydra composes \(expected), we fail:\n\(error)")
        case (nil, .success(let ours)):
            Issue.record("Hydra fails, we compose \(ours)")
        case (nil, .failure(let error)):
            #expect(!error.diagnostics.isEmpty)
            #expect(!error.description.contains("Fatal"))
        }
    }
}
