extension Trainer {
    /// What a run ended with.
    public struct Summary: Sendable, Hashable {
        /// The last value of every metric (and totals), as written to summary.json.
        public var metrics: [String: Double]
        /// Optimiser steps taken.
        public var steps: Int
        /// Files written under figures/, relative to the run directory.
        public var figures: [String]
    }
}
