extension ConfigDecoder {
    /// The unkeyed container over a sequence; elements are named `path[i]`.
    struct UnkeyedContainer: UnkeyedDecodingContainer {
        /// The decoder that made this container (and records how far it read).
        let decoder: Impl
        /// The elements.
        let elements: [ConfigNode]
        /// The index of the next element.
        private(set) var currentIndex = 0

        /// Creates a container at the first element.
        init(decoder: Impl, elements: [ConfigNode]) {
            self.decoder = decoder
            self.elements = elements
        }

        var codingPath: [any CodingKey] { decoder.codingPath }
        var count: Int? { elements.count }
        var isAtEnd: Bool { currentIndex >= elements.count }

        /// The decoder for the next element, without moving past it; past the end, an error.
        private func next() throws -> Impl {
            guard currentIndex < elements.count else {
                let place: String
                switch decoder.origin {
                case .file(let mark): place = " in the sequence at \(mark)"
                case .override: place = " in the sequence set by \(decoder.origin)"
                case .none: place = ""
                }
                throw ConfigError(
                    ConfigDecoder.diagnostic(
                        "missing element '\(ConfigDecoder.join(decoder.path, index: currentIndex))'\(place)",
                        at: decoder.origin,
                        notes: ["note: the sequence has \(Impl.elements(elements.count))"]))
            }
            return decoder.child(elements[currentIndex], key: Key(intValue: currentIndex))
        }

        /// Moves past the current element.
        private mutating func advance() {
            currentIndex += 1
            decoder.consumedElements = max(decoder.consumedElements, currentIndex)
        }

        mutating func decodeNil() throws -> Bool {
            let child = try next()
            switch child.node.value {
            case .null:
                advance()
                return true
            case .missing:
                throw ConfigDecoder.mandatory(path: child.path, at: child.origin)
            default:
                return false
            }
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let child = try next()
            let value = try ConfigDecoder.decodeValue(
                type, from: child.node, path: child.path, codingPath: child.codingPath, fallback: child.origin)
            advance()
            return value
        }

        mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type) throws -> KeyedDecodingContainer<N> {
            let child = try next()
            let container = try child.container(keyedBy: type)
            decoder.deferred.append(child)
            advance()
            return container
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let child = try next()
            let container = try child.unkeyedContainer()
            decoder.deferred.append(child)
            advance()
            return container
        }

        mutating func superDecoder() throws -> any Decoder {
            let child = try next()
            if case .missing = child.node.value {
                throw ConfigDecoder.mandatory(path: child.path, at: child.origin)
            }
            decoder.deferred.append(child)
            advance()
            return child
        }
    }
}
