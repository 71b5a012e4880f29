/// One cell of a plan: the overrides of one run and the name of its run directory.
public struct Cell: Sendable, Equatable {
    /// The position in launch order, from 0.
    public var index: Int
    /// The override strings, as Hydra's BasicSweeper gives them to the job (its overrides.yaml).
    public var overrides: [String]
    /// The run-directory name: `NNNN_k=v,k=v` (sanitised, length-capped).
    public var dir: String

    /// Creates a cell.
    public init(index: Int, overrides: [String], dir: String) {
        self.index = index
        self.overrides = overrides
        self.dir = dir
    }
}
