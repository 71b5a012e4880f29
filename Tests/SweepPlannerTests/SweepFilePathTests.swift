import Testing

@testable import SweepPlanner

/// A sweep file's `config:` path, relative to the sweep file's folder, as a user would write it.
@Suite struct SweepFilePathTests {
    @Test func normalizedPaths() {
        #expect(SweepFile.normalized("sweeps/../configs/vae.yaml") == "configs/vae.yaml")
        #expect(SweepFile.normalized("./a/./b/../c.yaml") == "a/c.yaml")
        #expect(SweepFile.normalized("../x/../../y.yaml") == "../../y.yaml")
        #expect(SweepFile.normalized("/root/sweeps/../configs/a.yaml") == "/root/configs/a.yaml")
    }
}
