import SweepConfig
import SweepPlanner
import Testing

/// Bad sweeps: each a clear, located error (whole messages pinned).
@Suite struct PlanErrorTests {
    let vae = TestSupport.packageRoot + "/configs/vae.yaml"

    @Test func zeroStep() {
        #expect(
            TestSupport.planError(vae, ["lr=range(0,10,0)"]) == """
                override 'lr=range(0,10,0)': error: range(): the step must not be zero
                    lr=range(0,10,0)
                                  ^
                """)
    }

    @Test func floatStepThatNeverReachesStop() {
        #expect(
            TestSupport.planError(vae, ["lr=range(0,1,-0.1)"]) == """
                override 'lr=range(0,1,-0.1)': error: range(): the range is empty: counting down from 0 by -0.1 never reaches 1
                    lr=range(0,1,-0.1)
                       ^
                help: count up with a positive step, e.g. range(0,1,0.1)
                """)
    }

    @Test func globMatchingNothing() {
        #expect(
            TestSupport.planError(vae, ["optim=glob(x*)"]) == """
                override 'optim=glob(x*)': error: glob(x*) matches no option, so the sweep would have no cells
                    optim=glob(x*)
                          ^
                help: the options of 'optim' are adam, adamw, sgd
                """)
    }

    @Test func intervalInAGrid() {
        #expect(
            TestSupport.planError(vae, ["lr=interval(0,1)"]) == """
                override 'lr=interval(0,1)': error: interval(0.0,1.0) cannot be enumerated: interval() is a random-search distribution
                    lr=interval(0,1)
                       ^
                help: use `sweep.sampler: random` to draw values from it, or a choice() or range() for a grid
                """)
    }

    @Test func emptySweep() {
        #expect(
            TestSupport.planError(vae, ["lr="]) == """
                override 'lr=': error: 'lr=' has no value
                    lr=
                       ^
                help: to sweep, list values such as lr=1,2; for an empty string write lr=''
                """)
    }

    @Test func unknownSampler() throws {
        let root = try TestSupport.scratch(
            TestSupport.tree.merging(["s.yaml": "config: main.yaml\nsweep:\n  sampler: randm\n"]) { $1 })
        #expect(
            TestSupport.planError(root + "/s.yaml", []) == """
                \(root)/s.yaml:3:12: error: sweep.sampler: expected one of 'grid', 'random', found the string 'randm'
                      sampler: randm
                               ^
                help: did you mean 'random'?
                """)
    }

    @Test func unknownSetting() throws {
        let root = try TestSupport.scratch(
            TestSupport.tree.merging(["s.yaml": "config: main.yaml\nsweep:\n  repeats: 3\n"]) { $1 })
        #expect(
            TestSupport.planError(root + "/s.yaml", []) == """
                \(root)/s.yaml:3:12: error: unknown key 'sweep.repeats'
                      repeats: 3
                               ^
                help: did you mean 'repeat'?
                note: allowed keys in 'sweep': params, zip, grids, repeat, sampler, samples, seed, command, metric, mode, jobs, threads, retries, timeout, gpus, env, launcher, slurm, fail_fast, project_dir, retry_backoff, kill_grace
                """)
    }

    @Test func unknownKeyInEveryCell() throws {
        let plan = try Plan(target: vae, overrides: ["lr2=1,2", "beta=1"], environment: [:])
        #expect(throws: ConfigError.self) { try plan.checkedCells() }
        do {
            _ = try plan.checkedCells()
        } catch {
            #expect(
                error.description == """
                    error: 2 of 2 cells fail to compose or check; nothing was run

                    error: cells 0, 1 (2 cells; the first: lr2=1 beta=1):

                    override 'lr2=1': error: there is no key 'lr2' in the config
                        lr2=1
                        ^
                    help: did you mean 'lr'?
                    help: to add it, use '+lr2=1'
                    """)
        }
    }

    @Test func everyFailingCellReported() throws {
        let plan = try Plan(target: vae, overrides: ["epochs=0,1,-1", "beta=1,10"], environment: [:])
        do {
            _ = try plan.checkedCells()
            Issue.record("expected the check to fail")
        } catch {
            #expect(
                error.description == """
                    error: 4 of 6 cells fail to compose or check; nothing was run

                    error: cells 0, 1 (2 cells; the first: epochs=0 beta=1):

                    override 'epochs=0': error: epochs: expected an integer ≥ 1, got 0
                        epochs=0
                               ^

                    error: cells 4, 5 (2 cells; the first: epochs=-1 beta=1):

                    override 'epochs=-1': error: epochs: expected an integer ≥ 1, got -1
                        epochs=-1
                               ^
                    """)
        }
    }

    @Test func zipOfUnequalLengths() {
        #expect(
            TestSupport.planError(vae, ["+sweep={zip: [[lr, batch_size]]}", "lr=1e-3,1e-2", "batch_size=32,64,128"])
                == """
                override '+sweep={zip: [[lr, batch_size]]}': error: zipped keys must have as many values each: lr has 2, batch_size has 3
                    +sweep={zip: [[lr, batch_size]]}
                           ^
                help: zipped keys move together, one value of each per cell
                """)
    }

    @Test func zipOfAnUnknownKey() throws {
        let root = try TestSupport.scratch(
            TestSupport.tree.merging([
                "s.yaml": "config: main.yaml\nsweep:\n  params: {lr: '1,2', beta: '3,4'}\n  zip: [[lr, btea]]\n"
            ]) { $1 })
        #expect(
            TestSupport.planError(root + "/s.yaml", []) == """
                \(root)/s.yaml:4:8: error: sweep.zip: 'btea' is not a swept key
                      zip: [[lr, btea]]
                           ^
                help: did you mean 'beta'?
                """)
    }

    @Test func overTheCellLimit() throws {
        let plan = try Plan(target: vae, overrides: ["beta=range(100)", "lr=range(100)"], environment: [:])
        #expect(plan.count == 10_000)
        do {
            _ = try plan.checkedCells(maximumCells: 1000)
            Issue.record("expected the limit to refuse the plan")
        } catch {
            #expect(
                error.description == """
                    error: the sweep has 10000 cells, more than the limit of 1000
                    help: `sweep plan --count` counts the cells without listing them
                    help: raise the limit with --max-cells 10000 if you mean it
                    """)
        }
    }

    @Test func samplesWithoutRandomSampler() {
        #expect(
            TestSupport.planError(vae, ["+sweep={samples: 3}"]) == """
                override '+sweep={samples: 3}': error: sweep.samples is the number of draws of a random search
                    +sweep={samples: 3}
                           ^
                help: add `sampler: random`, or remove `samples:` to run the whole grid
                """)
    }

    @Test func repeatAndASeedSweep() {
        #expect(
            TestSupport.planError(vae, ["+sweep={repeat: 2}", "seed=1,2"]) == """
                override '+sweep={repeat: 2}': error: sweep.repeat sets the seeds, but 'seed=1,2' sets them too
                    +sweep={repeat: 2}
                           ^
                help: drop one: `repeat: 2` is the same as seed=range(2)
                """)
    }

    @Test func badParamInAFileIsLocatedThere() throws {
        let root = try TestSupport.scratch(
            TestSupport.tree.merging(["s.yaml": "config: main.yaml\nsweep:\n  params:\n    lr: range(0,10,0)\n"]) { $1 }
        )
        #expect(
            TestSupport.planError(root + "/s.yaml", []) == """
                \(root)/s.yaml:4:9: error: sweep.params.lr: range(): the step must not be zero
                        lr: range(0,10,0)
                            ^
                """)
    }

    @Test func missingConfig() {
        let error = TestSupport.planError(TestSupport.packageRoot + "/configs/vea.yaml", [])
        #expect(error?.hasPrefix("error: config file '") == true)
        #expect(error?.contains("did you mean") == true)
    }
}
