import Collections
import SweepConfig

/// One line of `cells.jsonl`: what the launcher needs to (re)run a cell whose files are on disk.
public struct CellRecord: Sendable, Hashable, Codable {
    /// The cell's position in launch order (0-based).
    public var index: Int
    /// The cell's stable id.
    public var id: String
    /// The cell's run directory name inside the sweep directory.
    public var directoryName: String
    /// The override strings that make this cell.
    public var overrides: [String]

    /// Creates a record.
    public init(index: Int, id: String, directoryName: String, overrides: [String]) {
        self.index = index
        self.id = id
        self.directoryName = directoryName
        self.overrides = overrides
    }

    enum CodingKeys: String, CodingKey {
        case index, id, overrides
        case directoryName = "dir"
    }
}

extension CellRecord {
    /// The record as one line of JSON, keys in the order `index`, `id`, `overrides`, `dir`.
    public var jsonLine: String {
        var mapping: OrderedDictionary<String, ConfigNode> = [:]
        mapping["index"] = ConfigNode(.int(index))
        mapping["id"] = ConfigNode(.string(id))
        mapping["overrides"] = ConfigNode(.sequence(overrides.map { ConfigNode(.string($0)) }))
        mapping["dir"] = ConfigNode(.string(directoryName))
        return ConfigNode(.mapping(mapping)).jsonText(indent: 0)
    }
}
