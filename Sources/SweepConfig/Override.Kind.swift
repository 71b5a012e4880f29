extension Override {
    /// What an override does to its key.
    public enum Kind: Sendable, Equatable {
        /// `k=v`: change an existing key or group choice.
        case change
        /// `+k=v`: add a key or group that is not there yet.
        case add
        /// `++k=v`: add or change.
        case forceAdd
        /// `~k` or `~k=v`: delete (only if the value is `v`).
        case delete
    }
}
