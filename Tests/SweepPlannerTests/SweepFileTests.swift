import Foundation
import SweepConfig
import SweepPlanner
import Testing

/// Sweep files and the `sweep:` section: params, the order against the command line, unions,
/// zip and repeats.
@Suite struct SweepFileTests {
    func scratch(_ extra: [String: String]) throws -> String {
        try TestSupport.scratch(TestSupport.tree.merging(extra) { $1 })
    }

    @Test func paramsComeFirstThenFileOverridesThenCommandLine() throws {
        let root = try scratch([
            "sweeps/s.yaml": """
            config: ../main.yaml
            overrides: [batch_size=64]
            sweep:
              params: {beta: "1,2", lr: [0.1, 0.01]}
            """
        ])
        let plan = try Plan(target: root + "/sweeps/s.yaml", overrides: ["seed=7"], environment: [:])
        #expect(plan.configFile == root + "/main.yaml")
        #expect(
            TestSupport.lines(plan) == [
                ["beta=1", "lr=0.1", "batch_size=64", "seed=7"],
                ["beta=1", "lr=0.01", "batch_size=64", "seed=7"],
                ["beta=2", "lr=0.1", "batch_size=64", "seed=7"],
                ["beta=2", "lr=0.01", "batch_size=64", "seed=7"],
            ])
    }

    @Test func commandLineReplacesAFileSweepInItsPlace() throws {
        let root = try scratch(["s.yaml": "config: main.yaml\nsweep:\n  params: {beta: '1,2', lr: '0.1,0.2'}\n"])
        let plan = try Plan(target: root + "/s.yaml", overrides: ["beta=5"], environment: [:])
        #expect(TestSupport.lines(plan) == [["beta=5", "lr=0.1"], ["beta=5", "lr=0.2"]])
        #expect(plan.cells.map(\.dir) == ["0000_lr=0.1", "0001_lr=0.2"])
    }

    @Test func configSweepSectionIsRead() throws {
        let root = try scratch([
            "main.yaml": TestSupport.tree["main.yaml", default: ""] + "\nsweep:\n  params:\n    opt: glob(*)\n"
        ])
        let plan = try Plan(target: root + "/main.yaml", overrides: [], environment: [:])
        #expect(TestSupport.lines(plan) == [["opt=adam"], ["opt=sgd"]])
    }

    @Test func sweepFileSectionMergesOverTheConfigs() throws {
        let root = try scratch([
            "main.yaml": TestSupport.tree["main.yaml", default: ""] + "\nsweep:\n  params:\n    beta: 1,2\n",
            "s.yaml": "config: main.yaml\nsweep:\n  params:\n    lr: 0.5\n  repeat: 2\n",
        ])
        let plan = try Plan(target: root + "/s.yaml", overrides: [], environment: [:])
        #expect(
            TestSupport.lines(plan) == [
                ["beta=1", "lr=0.5", "seed=0"], ["beta=1", "lr=0.5", "seed=1"],
                ["beta=2", "lr=0.5", "seed=0"], ["beta=2", "lr=0.5", "seed=1"],
            ])
        #expect(plan.cells.map(\.dir).first == "0000_beta=1,seed=0")
    }

    @Test func unionOfGrids() throws {
        let root = try scratch([
            "s.yaml": """
            config: main.yaml
            sweep:
              params: {batch_size: 16}
              grids:
                - {opt: adam, beta: "1,10"}
                - {opt: sgd, lr: "0.1,0.2,0.3"}
            """
        ])
        let plan = try Plan(target: root + "/s.yaml", overrides: [], environment: [:])
        #expect(plan.count == 5)
        #expect(
            TestSupport.lines(plan) == [
                ["batch_size=16", "opt=adam", "beta=1"], ["batch_size=16", "opt=adam", "beta=10"],
                ["batch_size=16", "opt=sgd", "lr=0.1"], ["batch_size=16", "opt=sgd", "lr=0.2"],
                ["batch_size=16", "opt=sgd", "lr=0.3"],
            ])
        #expect(
            plan.cells.map(\.dir) == [
                "0000_opt=adam,beta=1", "0001_opt=adam,beta=10", "0002_opt=sgd,lr=0.1", "0003_opt=sgd,lr=0.2",
                "0004_opt=sgd,lr=0.3",
            ])
    }

    @Test func zipMovesKeysTogether() throws {
        let root = try scratch([
            "s.yaml": """
            config: main.yaml
            sweep:
              params: {lr: "0.1,0.2", beta: "1,2,3", batch_size: "32,64"}
              zip: [[batch_size, lr]]
            """
        ])
        let plan = try Plan(target: root + "/s.yaml", overrides: [], environment: [:])
        #expect(
            TestSupport.lines(plan) == [
                ["lr=0.1", "batch_size=32", "beta=1"], ["lr=0.1", "batch_size=32", "beta=2"],
                ["lr=0.1", "batch_size=32", "beta=3"], ["lr=0.2", "batch_size=64", "beta=1"],
                ["lr=0.2", "batch_size=64", "beta=2"], ["lr=0.2", "batch_size=64", "beta=3"],
            ])
    }

    @Test func repeatIsTheLastAxis() throws {
        let plan = try Plan(
            target: TestSupport.packageRoot + "/configs/vae.yaml", overrides: ["+sweep={repeat: 3}", "beta=1,10"],
            environment: [:])
        #expect(plan.count == 6)
        #expect(plan.cells.map { $0.overrides.last } == ["seed=0", "seed=1", "seed=2", "seed=0", "seed=1", "seed=2"])
    }

    @Test func aConfigIsNotASweepFile() throws {
        let root = try scratch(["c.yaml": "config: 3\nlr: 0.1\n"])
        let plan = try Plan(target: root + "/c.yaml", overrides: ["lr=1,2"], environment: [:])
        #expect(plan.configFile == root + "/c.yaml")
        #expect(plan.count == 2)
    }

    @Test func repositorySweepFilesPlanAndCheck() throws {
        let expected = [
            "vae_beta": 2, "hidden3": 3, "linear_masks": 3, "regularisers": 18, "batch_lr": 12, "vae_random": 6,
        ]
        for (name, count) in expected {
            let plan = try Plan(
                target: TestSupport.packageRoot + "/sweeps/\(name).yaml", overrides: [], environment: [:])
            #expect(plan.count == count, "\(name)")
            let cells = try plan.checkedCells()
            #expect(Set(cells.map(\.id)).count == count, "\(name)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: TestSupport.packageRoot + "/sweeps")
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
        #expect(Set(names) == Set(expected.keys), "every shipped sweep file is planned here")
    }
}
