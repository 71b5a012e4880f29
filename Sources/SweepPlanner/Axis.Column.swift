extension Axis {
    /// The override lines one key takes along an axis: stored, or computed for an integer
    /// `range()` so that a range of any length costs no memory.
    public struct Column: Sendable, Equatable {
        enum Storage: Sendable, Equatable {
            case lines([String])
            case arithmetic(prefix: String, start: Int, step: Int, count: Int)
        }

        let storage: Storage

        /// A column of these lines.
        public init(_ lines: [String]) {
            storage = .lines(lines)
        }

        /// `prefix` followed by `start`, `start + step`, … (`count` lines), as Hydra renders
        /// an integer `range()`.
        public init(prefix: String, start: Int, step: Int, count: Int) {
            storage = .arithmetic(prefix: prefix, start: start, step: step, count: count)
        }

        /// The number of lines.
        public var count: Int {
            switch storage {
            case .lines(let lines): return lines.count
            case .arithmetic(_, _, _, let count): return count
            }
        }

        /// Line `index` (0 ≤ index < count).
        public subscript(index: Int) -> String {
            switch storage {
            case .lines(let lines): return lines[index]
            case .arithmetic(let prefix, let start, let step, _): return prefix + String(start &+ index &* step)
            }
        }

        /// Every line, in order.
        public var lines: [String] {
            (0..<count).map { self[$0] }
        }
    }
}
