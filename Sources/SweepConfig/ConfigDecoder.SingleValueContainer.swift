extension ConfigDecoder {
    /// The single-value container over a decoder's node.
    struct SingleValueContainer: SingleValueDecodingContainer {
        /// The decoder that made this container.
        let decoder: Impl

        var codingPath: [any CodingKey] { decoder.codingPath }
        private var node: ConfigNode { decoder.node }
        private var path: String { decoder.path }
        private var origin: Origin { decoder.origin }

        func decodeNil() -> Bool {
            if case .null = node.value { return true }
            return false
        }

        func decode(_ type: Bool.Type) throws -> Bool { try ConfigDecoder.bool(from: node, path: path, at: origin) }
        func decode(_ type: String.Type) throws -> String {
            try ConfigDecoder.string(from: node, path: path, at: origin)
        }
        func decode(_ type: Double.Type) throws -> Double {
            try ConfigDecoder.double(from: node, path: path, at: origin)
        }
        func decode(_ type: Float.Type) throws -> Float { try ConfigDecoder.float(from: node, path: path, at: origin) }
        func decode(_ type: Int.Type) throws -> Int { try integer(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try ConfigDecoder.decodeValue(type, from: node, path: path, codingPath: codingPath, fallback: origin)
        }

        /// An integer of any width, checked for range.
        private func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
            try ConfigDecoder.integer(type, from: node, path: path, at: origin)
        }
    }
}
