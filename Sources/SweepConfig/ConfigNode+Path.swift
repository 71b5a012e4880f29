extension ConfigNode {
    /// Splits a key path such as `a.b`, `a.0` or `a[0].b` into its keys; nil when malformed.
    static func pathKeys(_ path: String) -> [String]? {
        if path.isEmpty { return [] }
        var keys: [String] = []
        var current = ""
        var index = path.startIndex
        var afterBracket = false
        while index < path.endIndex {
            let c = path[index]
            if c == "." {
                if current.isEmpty && !afterBracket { return nil }
                if !current.isEmpty { keys.append(current) }
                current = ""
                afterBracket = false
            } else if c == "[" {
                if !current.isEmpty { keys.append(current) }
                current = ""
                guard let close = path[index...].firstIndex(of: "]") else { return nil }
                let inner = path[path.index(after: index)..<close]
                if inner.isEmpty { return nil }
                keys.append(String(inner))
                index = close
                afterBracket = true
            } else {
                if afterBracket { return nil }
                current.append(c)
            }
            index = path.index(after: index)
        }
        if current.isEmpty && !afterBracket { return nil }
        if !current.isEmpty { keys.append(current) }
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
        var keys: [String] = []
        collectMissing(&keys, into: &found)
        return found
    }

    private func collectMissing(_ keys: inout [String], into found: inout [(path: String, node: ConfigNode)]) {
        switch value {
        case .missing:
            var path = ""
            for key in keys {
                if key.hasPrefix("[") {
                    path += key
                } else {
                    path += path.isEmpty ? key : "." + key
                }
            }
            found.append((path, self))
        case .mapping(let mapping):
            for (key, node) in mapping {
                keys.append(key)
                node.collectMissing(&keys, into: &found)
                keys.removeLast()
            }
        case .sequence(let items):
            for (index, node) in items.enumerated() {
                keys.append("[\(index)]")
                node.collectMissing(&keys, into: &found)
                keys.removeLast()
            }
        default:
            break
        }
    }
}
