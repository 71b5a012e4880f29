import Foundation
import SweepPlanner
import Testing

/// Random search: reproducible draws within their distributions.
@Suite struct RandomSearchTests {
    let vae = TestSupport.packageRoot + "/configs/vae.yaml"

    func plan(seed: Int, samples: Int = 200, _ overrides: [String]) throws -> Plan {
        try Plan(
            target: vae, overrides: ["+sweep={sampler: random, samples: \(samples), seed: \(seed)}"] + overrides,
            environment: [:])
    }

    func values(_ plan: Plan, _ key: String) -> [String] {
        plan.cells.compactMap { cell in
            cell.overrides.first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
        }
    }

    @Test func reproducibleForASeed() throws {
        let a = try plan(seed: 3, ["lr=interval(0,1)", "beta=1,10"])
        let b = try plan(seed: 3, ["lr=interval(0,1)", "beta=1,10"])
        let c = try plan(seed: 4, ["lr=interval(0,1)", "beta=1,10"])
        #expect(TestSupport.lines(a) == TestSupport.lines(b))
        #expect(TestSupport.lines(a) != TestSupport.lines(c))
        #expect(a.count == 200)
        #expect(a.cell(at: 17) == b.cell(at: 17))
    }

    @Test func uniformWithinBounds() throws {
        let drawn = values(try plan(seed: 1, ["lr=interval(0.5,1.5)"]), "lr").compactMap(Double.init)
        #expect(drawn.count == 200)
        #expect(drawn.allSatisfy { $0 >= 0.5 && $0 < 1.5 })
        let below = drawn.filter { $0 < 1 }.count
        #expect(below > 70 && below < 130)
    }

    @Test func logUniformCoversDecades() throws {
        let drawn = values(try plan(seed: 2, ["lr=tag(log,interval(1e-4,1e-1))"]), "lr").compactMap(Double.init)
        #expect(drawn.allSatisfy { $0 >= 1e-4 && $0 < 1e-1 })
        for decade in [1e-4, 1e-3, 1e-2] {
            let n = drawn.filter { $0 >= decade && $0 < decade * 10 }.count
            #expect(n > 35 && n < 100, "decade \(decade): \(n)")
        }
    }

    @Test func integerIntervalIncludesBothEnds() throws {
        let drawn = values(try plan(seed: 5, ["batch_size=int(interval(1,4))"]), "batch_size").compactMap(Int.init)
        #expect(drawn.count == 200)
        #expect(Set(drawn) == [1, 2, 3, 4])
    }

    @Test func choicesAreDrawnAndConstantsKept() throws {
        let p = try plan(seed: 6, ["beta=1,10", "epochs=1"])
        #expect(Set(values(p, "beta")) == ["1", "10"])
        #expect(Set(values(p, "epochs")) == ["1"])
        #expect(p.cell(at: 0).dir.hasPrefix("000_beta=") || p.cell(at: 0).dir.hasPrefix("0000_beta="))
    }

    @Test func repeatsRunEachDrawWithSeveralSeeds() throws {
        let p = try Plan(
            target: vae,
            overrides: ["+sweep={sampler: random, samples: 3, seed: 0, repeat: 2}", "lr=interval(0,1)"],
            environment: [:])
        #expect(p.count == 6)
        let cells = Array(p.cells)
        #expect(cells[0].overrides.dropLast() == cells[1].overrides.dropLast())
        #expect(cells.map { $0.overrides.last } == ["seed=0", "seed=1", "seed=0", "seed=1", "seed=0", "seed=1"])
    }

    @Test func randomSearchNeedsSamples() {
        #expect(
            TestSupport.planError(vae, ["+sweep={sampler: random}", "lr=interval(0,1)"]) == """
                override '+sweep={sampler: random}': error: a random search needs `samples:`, the number of cells to draw
                    +sweep={sampler: random}
                           ^
                help: add `samples: 20` under `sweep:`
                """)
    }

    @Test func logIntervalMustBePositive() {
        #expect(
            TestSupport.planError(vae, ["+sweep={sampler: random, samples: 2}", "lr=tag(log,interval(0,1))"]) == """
                override 'lr=tag(log,interval(0,1))': error: tag(log,interval(0.0,1.0)) is log-uniform, so its start must be above 0
                    lr=tag(log,interval(0,1))
                       ^
                help: start from a small value such as 1e-6
                """)
    }
}
