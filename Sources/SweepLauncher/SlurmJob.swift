/// A job array submitted for a sweep, as recorded in `slurm/jobs.json` (newest last).
public struct SlurmJob: Sendable, Hashable, Codable {
    /// SLURM's job id of the array.
    public var id: String
    /// The cell indices it runs.
    public var cells: [Int]
    /// When it was submitted (ISO 8601, UTC).
    public var submittedAt: String

    /// Creates a record.
    public init(id: String, cells: [Int], submittedAt: String) {
        self.id = id
        self.cells = cells
        self.submittedAt = submittedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, cells
        case submittedAt = "submitted_at"
    }
}
