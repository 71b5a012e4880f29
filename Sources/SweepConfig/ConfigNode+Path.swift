extension ConfigNode {
    /// Splits a key path such as `a.b`, `a.0` or `a[0].b` into its keys; nil when malformed.
    static func pathKeys(_ path: String) -> [String]? {
        if path.isEmpty { return [] }
        let bytes = Array(path.utf8)
        var keys: [String] = []
        var start = 0
        var index = 0
        var afterBracket = false
        func key(_ from: Int, _ to: Int) -> String { String(decoding: bytes[from..<to], as: UTF8.self) }
        while index < bytes.count {
            let c = bytes[index]
            if c == UInt8(ascii: ".") {
                if start == index && !afterBracket { return nil }
                if start < index { keys.append(key(start, index)) }
                afterBracket = false
                start = index + 1
            } else if c == UInt8(ascii: "[") {
                if start < index { keys.append(key(start, index)) }
                guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "]")), close > index + 1 else {
                    return nil
                }
                keys.append(key(index + 1, close))
                index = close
                start = close + 1
                afterBracket = true
            } else if afterBracket {
                return nil
            }
            index += 1
        }
        if start == bytes.count && !afterBracket { return nil }
        if start < bytes.count { keys.append(key(start, bytes.count)) }
        return keys
    }

    /// The child under one key: a mapping key, or an index into a sequence.
    public func child(_ key: String) -> ConfigNode? {
        switch value {
        case .mapping(let mapping): return mapping[key]
        case .sequence(let items):
            guard let i = Int(key), i >= 0, i < items.count else { return nil }
            return items[i]
        default: return nil
        }
    }

    /// The node at a dotted key path such as `optim.betas` or `model.layers[0]`, or nil.
    public func node(atPath path: String) -> ConfigNode? {
        guard let keys = ConfigNode.pathKeys(path) else { return nil }
        return node(at: keys)
    }

    /// The node at a key path, or nil when some key is absent.
    public func node(at keys: some Collection<String>) -> ConfigNode? {
        var node = self
        for key in keys {
            guard let next = node.child(key) else { return nil }
            node = next
        }
        return node
    }

    /// Calls `body` on the node at `keys` in place; false when the path does not exist.
    mutating func modify(at keys: ArraySlice<String>, _ body: (inout ConfigNode) -> Bool) -> Bool {
        guard let first = keys.first else { return body(&self) }
        switch value {
        case .mapping(var mapping):
            guard var child = mapping[first] else { return false }
            value = .null
            let ok = child.modify(at: keys.dropFirst(), body)
            mapping[first] = child
            value = .mapping(mapping)
            return ok
        case .sequence(var items):
            guard let i = Int(first), i >= 0, i < items.count else { return false }
            value = .null
            let ok = items[i].modify(at: keys.dropFirst(), body)
            value = .sequence(items)
            return ok
        default:
            return false
        }
    }

    /// Every `???` left in the tree, with its key path.
    public func missingValues() -> [(path: String, node: ConfigNode)] {
        var found: [(path: String, node: ConfigNode)] = []
        var keys: [PathStep] = []
        collectMissing(&keys, into: &found)
        return found
    }

    /// One step of a key path while walking the tree: a mapping key or a sequence index.
    private enum PathStep {
        case key(String)
        case index(Int)
    }

    private func collectMissing(_ keys: inout [PathStep], into found: inout [(path: String, node: ConfigNode)]) {
        switch value {
        case .missing:
            var path = ""
            for step in keys {
                switch step {
                case .index(let index): path += "[\(index)]"
                case .key(let key): path += path.isEmpty ? key : "." + key
                }
            }
            found.append((path, self))
        case .mapping(let mapping):
            for (key, node) in mapping where node.mayHoldMissing {
                keys.append(.key(key))
                node.collectMissing(&keys, into: &found)
                keys.removeLast()
            }
        case .sequence(let items):
            for (index, node) in items.enumerated() where node.mayHoldMissing {
                keys.append(.index(index))
                node.collectMissing(&keys, into: &found)
                keys.removeLast()
            }
        default:
            break
        }
    }
}

extension ConfigNode {
    /// False for a scalar other than `???` (a leaf the walk for unset values can skip).
    fileprivate var mayHoldMissing: Bool {
        switch value {
        case .missing, .mapping, .sequence: return true
        default: return false
        }
    }
}
