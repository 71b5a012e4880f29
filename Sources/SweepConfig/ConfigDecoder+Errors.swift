import Collections
import SweepYAML

extension ConfigDecoder {
    /// `a.b` for a key below `a`; `b` at the root.
    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    /// `a[2]` for an index below `a`.
    static func join(_ path: String, index: Int) -> String {
        path + "[\(index)]"
    }

    /// `path: ` before a message, or nothing at the root.
    static func prefix(_ path: String) -> String {
        path.isEmpty ? "" : path + ": "
    }

    /// A diagnostic at an origin: quoting the file line, the override, or nowhere.
    static func diagnostic(_ message: String, at origin: Origin, notes: [String] = []) -> Diagnostic {
        origin.diagnostic(message, notes: notes)
    }

    /// How a found value is named in a message: `the string 'abc'`, `the integer 3`, `null`.
    static func describe(_ value: ConfigNode.Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return "the boolean \(b)"
        case .int(let i): return "the integer \(i)"
        case .float(let d): return "the number \(d)"
        case .string(let s): return "the string '\(s.count > 60 ? String(s.prefix(57)) + "..." : s)'"
        case .missing: return "'???'"
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        }
    }

    /// `model.latent is mandatory ('???') and was not set; set it with 'model.latent=…'`.
    static func mandatory(path: String, at origin: Origin) -> ConfigError {
        let name = path.isEmpty ? "the config" : path
        let hint = path.isEmpty ? "" : "; set it with '\(path)=…'"
        return ConfigError(diagnostic("\(name) is mandatory ('???') and was not set\(hint)", at: origin))
    }

    /// `model.lr: expected a floating-point number, found the string 'abc'` (or the `???` error).
    static func mismatch(
        expected: String, node: ConfigNode, path: String, at origin: Origin, notes: [String] = []
    ) -> ConfigError {
        if case .missing = node.value {
            return mandatory(path: path, at: origin)
        }
        return ConfigError(
            diagnostic("\(prefix(path))expected \(expected), found \(describe(node.value))", at: origin, notes: notes))
    }

    /// `missing key 'optim.lr' in the mapping at configs/optim/adam.yaml:1:1`.
    static func missingKey(
        _ key: String, path: String, in mapping: OrderedDictionary<String, ConfigNode>, at origin: Origin,
        asked: OrderedSet<String> = []
    ) -> ConfigError {
        let keyPath = join(path, key)
        let place: String
        switch origin {
        case .file(let mark): place = " in the mapping at \(mark)"
        case .override: place = " in the mapping set by \(origin)"
        case .none: place = ""
        }
        var notes: [String] = []
        let unasked = mapping.keys.filter { !asked.contains($0) }
        if let typo = unasked.first(where: { Suggestion.closest(to: $0, in: [key]) != nil }) {
            notes.append("help: the mapping has '\(typo)'; did you mean '\(key)'?")
        }
        notes.append("help: add '\(key)' to the mapping or set it with '+\(keyPath)=…'")
        return ConfigError(diagnostic("missing key '\(keyPath)'\(place)", at: origin, notes: notes))
    }

    /// A `DecodingError` thrown by a type's own initialiser, as a ``ConfigError`` at the origin
    /// of the value its coding path names.
    static func translate<T>(_ error: DecodingError, in decoder: Impl, type: T.Type) -> ConfigError {
        switch error {
        case .keyNotFound(let key, let context):
            let (node, path, origin) = locate(context.codingPath, from: decoder)
            if case .mapping(let mapping) = node.value {
                return missingKey(key.stringValue, path: path, in: mapping, at: origin)
            }
            return ConfigError(diagnostic("missing key '\(join(path, key.stringValue))'", at: origin))
        case .dataCorrupted(let context):
            let (node, path, origin) = locate(context.codingPath, from: decoder)
            // The standard library's message for a raw value that names no case.
            if path == decoder.path, T.self is any RawRepresentable.Type,
                context.debugDescription.hasPrefix("Cannot initialize")
            {
                return mismatch(expected: "a valid \(T.self)", node: node, path: path, at: origin)
            }
            return ConfigError(diagnostic(prefix(path) + context.debugDescription, at: origin))
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let (_, path, origin) = locate(context.codingPath, from: decoder)
            return ConfigError(diagnostic(prefix(path) + context.debugDescription, at: origin))
        @unknown default:
            return ConfigError(diagnostic(prefix(decoder.path) + String(describing: error), at: decoder.origin))
        }
    }

    /// The node, key path and origin that a coding path names, walking down from `decoder`'s node
    /// as far as the tree goes.
    static func locate(_ codingPath: [any CodingKey], from decoder: Impl) -> (ConfigNode, String, Origin) {
        var node = decoder.node
        var path = decoder.path
        var origin = decoder.origin
        let base = decoder.codingPath
        guard codingPath.count >= base.count,
            zip(base, codingPath).allSatisfy({ $0.stringValue == $1.stringValue && $0.intValue == $1.intValue })
        else { return (node, path, origin) }
        for key in codingPath.dropFirst(base.count) {
            switch node.value {
            case .mapping(let mapping):
                path = join(path, key.stringValue)
                guard let next = mapping[key.stringValue] else { return (node, path, origin) }
                node = next
            case .sequence(let elements):
                guard let index = key.intValue, elements.indices.contains(index) else {
                    return (node, key.intValue.map { join(path, index: $0) } ?? join(path, key.stringValue), origin)
                }
                path = join(path, index: index)
                node = elements[index]
            default:
                return (node, key.intValue.map { join(path, index: $0) } ?? join(path, key.stringValue), origin)
            }
            origin = effectiveOrigin(node.origin, fallback: origin)
        }
        return (node, path, origin)
    }
}
