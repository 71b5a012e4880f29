/// A sweep from an override: what a key takes over the cells of a sweep.
///
/// `a,b,c` and `choice(a,b,c)` enumerate values; `range(start, stop[, step])` counts like
/// Python's `range` (floats summed in exact decimal arithmetic, as Hydra does); `glob()`
/// selects config-group options; `interval(a, b)` is a continuous distribution that only a
/// random sampler can draw from. `sort()` and `shuffle()` reorder; `tag()` labels.
public struct Sweep: Sendable, Equatable, CustomStringConvertible {
    /// What is swept.
    public var kind: Kind
    /// Whether the choice was written in the simple form `a,b,c`.
    public var simpleForm: Bool
    /// Tags given with `tag(t1, …, sweep)` (for instance `log` for a log-uniform interval).
    public var tags: Set<String>
    /// The order a range is sorted into by `sort()` (choices are sorted when parsed).
    public var sortOrder: SortOrder?
    /// Whether `shuffle()` reorders the values.
    public var shuffled: Bool
    /// The seed of `shuffle(…, seed=N)`; nil shuffles differently every time, like Hydra.
    public var seed: Int?

    /// Creates a sweep.
    public init(
        _ kind: Kind, simpleForm: Bool = false, tags: Set<String> = [], sortOrder: SortOrder? = nil,
        shuffled: Bool = false, seed: Int? = nil
    ) {
        self.kind = kind
        self.simpleForm = simpleForm
        self.tags = tags
        self.sortOrder = sortOrder
        self.shuffled = shuffled
        self.seed = seed
    }

    /// Whether the sweep can be enumerated (everything but `interval()`).
    public var isDiscrete: Bool {
        if case .interval = kind { return false }
        return true
    }

    /// The sweep written back in the override grammar, e.g. `shuffle(choice(1,2),seed=3)`.
    public var description: String {
        var text: String
        switch kind {
        case .choice(let items):
            let list = items.map(\.hydraText).joined(separator: ",")
            text = simpleForm && sortOrder == nil && !shuffled ? list : "choice(\(list))"
        case .range(let start, let stop, let step):
            text = "range(\(start),\(stop),\(step))"
        case .interval(let start, let end):
            text = "interval(\(start),\(end))"
        case .glob(let include, let exclude):
            func patterns(_ p: [String]) -> String {
                p.count == 1
                    ? OverrideValue.string(p[0]).hydraText
                    : "[" + p.map { OverrideValue.string($0).hydraText }.joined(separator: ",") + "]"
            }
            text = "glob(\(patterns(include))" + (exclude.isEmpty ? "" : ",exclude=\(patterns(exclude))") + ")"
        }
        if let sortOrder { text = "sort(\(text)" + (sortOrder == .descending ? ",reverse=true)" : ")") }
        if shuffled { text = "shuffle(\(text)" + (seed.map { ",seed=\($0))" } ?? ")") }
        if !tags.isEmpty { text = "tag(" + tags.sorted().joined(separator: ",") + ",\(text))" }
        return text
    }
}
