extension TrainerConfig {
    /// A config value outside its allowed range, found by ``TrainerConfig/validate()``.
    public struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
        /// The key path, such as `optim.betas`.
        public var key: String
        /// What was expected and what was found.
        public var message: String

        /// Creates the error.
        public init(key: String, message: String) {
            self.key = key
            self.message = message
        }

        /// `key: message`.
        public var description: String { "\(key): \(message)" }
    }
}
