extension ConfigDecoder {
    /// A coding key made by the decoder: a mapping key, a sequence index or `super`.
    struct Key: CodingKey, Sendable {
        /// The key text (the index in decimal for an index).
        var stringValue: String
        /// The index, for a sequence element.
        var intValue: Int?

        /// A mapping key.
        init(stringValue: String) {
            self.stringValue = stringValue
            self.intValue = nil
        }

        /// A sequence index.
        init(intValue: Int) {
            self.stringValue = String(intValue)
            self.intValue = intValue
        }

        /// The key `super`, used by `superDecoder()`.
        static let `super` = Key(stringValue: "super")
    }
}
