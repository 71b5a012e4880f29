import SweepPlanner
import Testing

/// Grids are streamed: any cell from its index, in Hydra's order, without the others.
@Suite struct StreamingTests {
    @Test func millionCellGridIsCountedAndIndexed() throws {
        let plan = try Plan(
            target: TestSupport.packageRoot + "/configs/vae.yaml",
            overrides: [
                "beta=range(10)", "lr=range(10)", "epochs=range(1,11)", "batch_size=range(10)", "seed=range(10)",
                "log_every=range(10)",
            ], environment: [:])
        #expect(plan.count == 1_000_000)
        #expect(
            plan.cell(at: 999_999).overrides == [
                "beta=9", "lr=9", "epochs=10", "batch_size=9", "seed=9", "log_every=9",
            ])
        #expect(
            plan.cell(at: 123_456).overrides == [
                "beta=1", "lr=2", "epochs=4", "batch_size=4", "seed=5", "log_every=6",
            ])
        #expect(plan.cell(at: 123_456).dir == "123456_beta=1,lr=2,epochs=4,batch_size=4,seed=5,log_every=6")
    }

    @Test func integerRangesAreComputedNotStored() throws {
        let plan = try Plan(
            target: TestSupport.packageRoot + "/configs/vae.yaml",
            overrides: ["seed=range(-9223372036854775807,9223372036854775807,3)"], environment: [:])
        #expect(plan.count == 6_148_914_691_236_517_205)
        #expect(plan.cell(at: plan.count - 1).overrides == ["seed=9223372036854775805"])
        #expect(plan.cell(at: 123_456_789).overrides == ["seed=-9223372036484405440"])
    }

    @Test func gridOrderIsLastAxisFastest() throws {
        let grid = try #require(
            Grid(axes: [
                Axis(keys: ["a"], columns: [["a=1", "a=2"]]), Axis(keys: ["b"], columns: [["b=x"]]),
                Axis(keys: ["c"], columns: [["c=1", "c=2", "c=3"]]),
            ]))
        #expect(grid.count == 6)
        #expect(
            (0..<6).map { grid.lines(at: $0).all } == [
                ["a=1", "b=x", "c=1"], ["a=1", "b=x", "c=2"], ["a=1", "b=x", "c=3"],
                ["a=2", "b=x", "c=1"], ["a=2", "b=x", "c=2"], ["a=2", "b=x", "c=3"],
            ])
        #expect(grid.lines(at: 4).varying == ["a=2", "c=2"])
    }

    @Test func overflowingGridIsRefused() {
        let axis = Axis(keys: ["a"], columns: [(0..<1000).map { "a=\($0)" }])
        #expect(Grid(axes: Array(repeating: axis, count: 7)) == nil)
    }
}
