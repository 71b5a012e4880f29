import Foundation
import Testing

@Suite("sweep plan (built binary)", .serialized)
struct PlanCommandTests {
    @Test("the user's grid: a table of index, overrides and run dir, then the count")
    func table() throws {
        let result = try CLI.run("sweep", ["plan", "configs/vae.yaml", "beta=1,10", "lr=1e-3,1e-2"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(
            result.stdout == """
                #  overrides         dir
                0  beta=1 lr=0.001   0000_beta=1,lr=0.001
                1  beta=1 lr=0.01    0001_beta=1,lr=0.01
                2  beta=10 lr=0.001  0002_beta=10,lr=0.001
                3  beta=10 lr=0.01   0003_beta=10,lr=0.01
                4 cells

                """)
    }

    @Test("a sweep file names its config; --json gives one object per cell")
    func json() throws {
        let result = try CLI.run("sweep", ["plan", "sweeps/vae_beta.yaml", "--json"])
        #expect(result.status == 0)
        let cells = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(cells.count == 2)
        #expect(
            cells.map { $0["overrides"] as? [String] ?? [] } == [
                ["beta=1", "epochs=1", "model.latent=2"], ["beta=10", "epochs=1", "model.latent=2"],
            ])
        #expect(cells.map { $0["dir"] as? String ?? "" } == ["0000_beta=1", "0001_beta=10"])
        let ids = cells.compactMap { $0["id"] as? String }
        #expect(ids.count == 2 && Set(ids).count == 2 && ids.allSatisfy { $0.count == 16 })
    }

    @Test("--count prints only the count, for a million cells too")
    func count() throws {
        let result = try CLI.run(
            "sweep",
            ["plan", "configs/vae.yaml", "beta=range(100)", "lr=range(100)", "epochs=range(1,101)", "--count"])
        #expect(result.status == 0)
        #expect(result.stdout == "1000000\n")
    }

    @Test("a bad sweep exits with status 2 and a diagnostic")
    func badSweep() throws {
        let result = try CLI.run("sweep", ["plan", "configs/vae.yaml", "lr=range(0,10,0)"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(
            result.stderr == """
                override 'lr=range(0,10,0)': error: range(): the step must not be zero
                    lr=range(0,10,0)
                                  ^

                """)
    }

    @Test("a plan over the cell limit is refused")
    func limit() throws {
        let result = try CLI.run("sweep", ["plan", "configs/vae.yaml", "beta=range(20)", "--max-cells", "10"])
        #expect(result.status == 2)
        #expect(
            result.stderr == """
                error: the sweep has 20 cells, more than the limit of 10
                help: `sweep plan --count` counts the cells without listing them
                help: raise the limit with --max-cells 20 if you mean it

                """)
    }

    /// A launcher setting the run would refuse (`sweep.jobs`, `sweep.timeout`, `sweep.slurm.*`) is
    /// refused by the plan and by `sweep run --dry-run` too, as a config error (status 2), before
    /// any directory is made.
    @Test(
        "a bad launcher setting fails the plan and the dry run",
        arguments: [["plan"], ["run", "--dry-run"]])
    func badLauncherSetting(command: [String]) throws {
        let result = try CLI.run(
            "sweep", command + ["configs/vae.yaml", "+sweep.launcher=slurm", "+sweep.slurm.array_parallelism=0"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(
            result.stderr == """
                override '+sweep.slurm.array_parallelism=0': error: sweep.slurm.array_parallelism: expected a whole number ≥ 1, got '0'
                    +sweep.slurm.array_parallelism=0
                                                   ^

                """)
        let timeout = try CLI.run("sweep", command + ["configs/vae.yaml", "+sweep.timeout=soon"])
        #expect(timeout.status == 2)
        #expect(
            timeout.stderr.hasPrefix("override '+sweep.timeout=soon': error: sweep.timeout: invalid duration 'soon'"))
    }

    /// The launcher's settings hold for the whole sweep: sweeping one is refused (every cell would
    /// otherwise run with the first cell's value), naming the key, the two cells and the override.
    @Test("a swept launcher setting is refused", arguments: [["plan"], ["run", "--dry-run"]])
    func sweptLauncherSetting(command: [String]) throws {
        let result = try CLI.run("sweep", command + ["configs/vae.yaml", "+sweep.threads=1,2", "beta=1,10"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(
            result.stderr == """
                override '+sweep.threads=2': error: sweep.threads differs between cells: '1' in cell 0, '2' in cell 2
                    +sweep.threads=2
                                   ^
                help: the launcher's settings (sweep.jobs, sweep.threads, sweep.timeout, …) hold for the whole sweep: \
                give one value, or run one sweep per value

                """)
        let same = try CLI.run("sweep", command + ["configs/vae.yaml", "+sweep.threads=2", "beta=1,10"])
        #expect(same.status == 0, "\(same.stderr)")
    }
}
