internal import Collections

/// Which override keys vary across cells and which are constant.
struct KeyAnalysis: Sendable {
    /// Every key some cell sets.
    var all: Set<String>
    /// Keys whose value differs between cells (or that some cells lack), in first-seen order.
    var varying: [String]
    /// Keys with one value in every cell, in first-seen order.
    var constants: OrderedDictionary<String, String>

    init(_ cells: [Cell]) {
        var order: OrderedSet<String> = []
        for cell in cells { order.append(contentsOf: cell.overrides.keys) }
        all = Set(order)
        varying = []
        constants = [:]
        for key in order {
            let first = cells.first?.overrides[key]
            if let first, cells.allSatisfy({ $0.overrides[key] == first }) {
                constants[key] = first
            } else {
                varying.append(key)
            }
        }
    }
}
