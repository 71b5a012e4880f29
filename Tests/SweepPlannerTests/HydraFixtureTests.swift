import Foundation
import SweepPlanner
import Testing

/// The cells of real Hydra 1.3.8 multiruns (scripts/fixtures/sweeps.py), case by case.
@Suite struct HydraFixtureTests {
    struct Case: Decodable, CustomTestStringConvertible {
        var config: String
        var overrides: [String]
        var cells: [[String]]
        var testDescription: String { config + " " + overrides.joined(separator: " ") }
    }

    struct Fixture: Decodable {
        var cases: [Case]
    }

    static let cases: [Case] = {
        guard let url = Bundle.module.url(forResource: "sweeps", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url),
            let fixture = try? JSONDecoder().decode(Fixture.self, from: data)
        else { return [] }
        return fixture.cases
    }()

    @Test func fixtureLoads() {
        #expect(Self.cases.count >= 15)
    }

    @Test(arguments: cases) func sameCellsAsHydra(_ item: Case) throws {
        let plan = try Plan(
            target: TestSupport.packageRoot + "/configs/" + item.config, overrides: item.overrides, environment: [:])
        #expect(plan.count == item.cells.count)
        #expect(TestSupport.lines(plan) == item.cells)
    }
}
