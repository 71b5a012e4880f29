import Collections

extension ConfigDecoder {
    /// The keyed container over a mapping; records every key asked about.
    struct KeyedContainer<K: CodingKey>: KeyedDecodingContainerProtocol {
        /// The decoder that made this container (and keeps the asked keys).
        let decoder: Impl
        /// The mapping.
        let mapping: OrderedDictionary<String, ConfigNode>

        var codingPath: [any CodingKey] { decoder.codingPath }

        var allKeys: [K] { mapping.keys.compactMap { K(stringValue: $0) } }

        func contains(_ key: K) -> Bool {
            decoder.askedKeys.append(key.stringValue)
            return mapping[key.stringValue] != nil
        }

        /// The child decoder for `key`; a missing key is an error at the mapping.
        private func child(_ key: K) throws -> Impl {
            decoder.askedKeys.append(key.stringValue)
            guard let node = mapping[key.stringValue] else {
                throw ConfigDecoder.missingKey(
                    key.stringValue, path: decoder.path, in: mapping, at: decoder.origin, asked: decoder.askedKeys)
            }
            return decoder.child(node, key: ConfigDecoder.Key(stringValue: key.stringValue))
        }

        func decodeNil(forKey key: K) throws -> Bool {
            let child = try child(key)
            switch child.node.value {
            case .null: return true
            case .missing: throw ConfigDecoder.mandatory(path: child.path, at: child.origin)
            default: return false
            }
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: K) throws -> T {
            let child = try child(key)
            return try ConfigDecoder.decodeValue(
                type, from: child.node, path: child.path, codingPath: child.codingPath, fallback: child.origin)
        }

        func decode(_ type: Bool.Type, forKey key: K) throws -> Bool { try decode(type, key) }
        func decode(_ type: String.Type, forKey key: K) throws -> String { try decode(type, key) }
        func decode(_ type: Double.Type, forKey key: K) throws -> Double { try decode(type, key) }
        func decode(_ type: Float.Type, forKey key: K) throws -> Float { try decode(type, key) }
        func decode(_ type: Int.Type, forKey key: K) throws -> Int { try decode(type, key) }
        func decode(_ type: Int8.Type, forKey key: K) throws -> Int8 { try decode(type, key) }
        func decode(_ type: Int16.Type, forKey key: K) throws -> Int16 { try decode(type, key) }
        func decode(_ type: Int32.Type, forKey key: K) throws -> Int32 { try decode(type, key) }
        func decode(_ type: Int64.Type, forKey key: K) throws -> Int64 { try decode(type, key) }
        func decode(_ type: UInt.Type, forKey key: K) throws -> UInt { try decode(type, key) }
        func decode(_ type: UInt8.Type, forKey key: K) throws -> UInt8 { try decode(type, key) }
        func decode(_ type: UInt16.Type, forKey key: K) throws -> UInt16 { try decode(type, key) }
        func decode(_ type: UInt32.Type, forKey key: K) throws -> UInt32 { try decode(type, key) }
        func decode(_ type: UInt64.Type, forKey key: K) throws -> UInt64 { try decode(type, key) }

        /// Forwards a primitive `decode` to the generic one.
        private func decode<T: Decodable>(_ type: T.Type, _ key: K) throws -> T {
            try decode(type, forKey: key)
        }

        func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey key: K) throws -> KeyedDecodingContainer<N> {
            let child = try child(key)
            decoder.deferred.append(child)
            return try child.container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: K) throws -> any UnkeyedDecodingContainer {
            let child = try child(key)
            decoder.deferred.append(child)
            return try child.unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder {
            try superDecoder(named: ConfigDecoder.Key.super.stringValue)
        }

        func superDecoder(forKey key: K) throws -> any Decoder {
            try superDecoder(named: key.stringValue)
        }

        /// A decoder for the value at `name`, checked for unread keys with this container's decoder.
        private func superDecoder(named name: String) throws -> any Decoder {
            decoder.askedKeys.append(name)
            guard let node = mapping[name] else {
                throw ConfigDecoder.missingKey(
                    name, path: decoder.path, in: mapping, at: decoder.origin, asked: decoder.askedKeys)
            }
            let child = decoder.child(node, key: ConfigDecoder.Key(stringValue: name))
            if case .missing = node.value {
                throw ConfigDecoder.mandatory(path: child.path, at: child.origin)
            }
            decoder.deferred.append(child)
            return child
        }
    }
}
