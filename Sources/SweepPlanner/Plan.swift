public import SweepConfig

/// The cells of a sweep, streamed: `cell(at:)` maps an index to its overrides without
/// materialising the others, so that counting a plan of any size costs nothing.
///
/// Build one with ``init(target:overrides:environment:)`` from a primary config (or a sweep
/// file under `sweeps/`) and command-line overrides.
public struct Plan: Sendable {
    /// The primary config file the cells are composed from.
    public let configFile: String
    /// The composer shared by every cell (it caches the files it reads).
    public let composer: Composer
    /// The merged `sweep:` settings (the config's, then the sweep file's).
    public let settings: SweepSettings
    /// The sub-grids of a grid search (one unless `sweep.grids` is a union), in launch order.
    public let grids: [Grid]
    /// The dimensions of a random search (empty for a grid search).
    public let dimensions: [RandomDimension]
    /// Runs per sampled point of a random search (the seed axis); grids hold it as an axis.
    public let repeats: Int
    /// The number of cells.
    public let count: Int
    /// The offset of each grid's first cell.
    let offsets: [Int]
    /// The keys shown in run-dir names: those whose value changes somewhere in the plan.
    let named: Set<String>

    init(
        configFile: String, composer: Composer, settings: SweepSettings, grids: [Grid],
        dimensions: [RandomDimension], repeats: Int, count: Int
    ) {
        self.configFile = configFile
        self.composer = composer
        self.settings = settings
        self.grids = grids
        self.dimensions = dimensions
        self.repeats = repeats
        self.count = count
        var offsets: [Int] = []
        var total = 0
        for grid in grids {
            offsets.append(total)
            total += grid.count
        }
        self.offsets = offsets
        self.named = Self.namedKeys(grids)
    }

    /// The keys whose line differs between some two cells: a varying axis, or (in a union of
    /// grids) a key missing from a grid or fixed to different values in different grids.
    static func namedKeys(_ grids: [Grid]) -> Set<String> {
        var named: Set<String> = []
        var fixed: [String: String] = [:]
        var seen: [String: Int] = [:]
        for grid in grids {
            for axis in grid.axes {
                for (key, column) in zip(axis.keys, axis.columns) {
                    seen[key, default: 0] += 1
                    if axis.varies {
                        named.insert(key)
                    } else if column.count > 0, case let line = column[0] {
                        if let other = fixed[key], other != line { named.insert(key) }
                        fixed[key] = line
                    }
                }
            }
        }
        for (key, n) in seen where n < grids.count { named.insert(key) }
        return named
    }

    /// Whether this is a random search.
    public var isRandom: Bool { settings.sampler == .random }

    /// Cell `index` (0 ≤ index < count).
    public func cell(at index: Int) -> Cell {
        let lines: (all: [String], varying: [String])
        if isRandom {
            let sample = index / repeats
            var random = SplitMix64(seed: settings.seed ?? 0, stream: sample)
            var all: [String] = []
            var varying: [String] = []
            for dimension in dimensions {
                let line = dimension.line(&random)
                all.append(line)
                if dimension.varies { varying.append(line) }
            }
            if settings.repeat != nil {
                let seed = "seed=\(index % repeats)"
                all.append(seed)
                if repeats > 1 { varying.append(seed) }
            }
            lines = (all, varying)
        } else {
            var g = 0
            while g + 1 < offsets.count, offsets[g + 1] <= index { g += 1 }
            lines = grids[g].lines(at: index - offsets[g], named: named)
        }
        return Cell(
            index: index, overrides: lines.all,
            dir: RunDirName.name(index: index, count: count, lines: lines.varying))
    }

    /// Every cell in launch order, made one at a time.
    public var cells: some Sequence<Cell> & Sendable {
        (0..<count).lazy.map { [self] in cell(at: $0) }
    }
}
