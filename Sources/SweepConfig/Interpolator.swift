import Collections
import SweepYAML

/// Resolves `${…}` interpolations the way OmegaConf does: `${a.b}` (absolute), `${.x}` and
/// `${..x}` (relative), nested `${a.${b}}`, string interpolation with Python's `str()`,
/// `${oc.env:VAR,default}`, `${oc.select:key,default}`, `${oc.decode:text}`, `\${` as a
/// literal; cycles and references to missing keys are errors that name the key and the place.
final class Interpolator {
    private let root: ConfigNode
    private let environment: [String: String]
    private var resolved: [String: ConfigNode] = [:]
    private var inProgress: [String] = []
    /// A tree of at least this many nodes is resolved in two halves on two threads.
    private let parallelAbove: Int
    /// Whether the walk met a `???` (or made one): false means the resolved tree holds none.
    private(set) var sawMissing = false

    /// How long a chain of interpolations referring to interpolations may be.
    static let maxDepth = 500

    /// The resolvers that `${name:…}` may call.
    static let resolvers = ["oc.env", "oc.select", "oc.decode"]

    init(root: ConfigNode, environment: [String: String], parallelAbove: Int = Parallel.minimumNodes) {
        self.root = root
        self.environment = environment
        self.parallelAbove = parallelAbove
    }

    /// The whole tree with every interpolation replaced by its value. A large tree is resolved in
    /// two halves of its top-level keys on two threads, each with an interpolator of its own; when
    /// either half fails, the serial walk runs, so that the error is always the one it reports.
    /// (Resolution is deterministic, so two successful halves give what the serial walk gives.)
    func resolveAll() throws(ConfigError) -> ConfigNode {
        let root = self.root
        let environment = self.environment
        if let halves = Parallel.overHalves(
            of: root, atLeast: parallelAbove,
            { mapping, range in
                Interpolator(root: root, environment: environment).resolveEntries(of: mapping, in: range)
            }),
            let first = halves.first, let second = halves.second
        {
            sawMissing = first.sawMissing || second.sawMissing
            if first.changed.isEmpty && second.changed.isEmpty { return root }
            var out = halves.mapping
            for (index, node) in first.changed + second.changed { out.values[index] = node }
            return ConfigNode(.mapping(out), origin: root.origin)
        }
        var path: [String] = []
        return try resolveTree(root, path: &path) ?? root
    }

    /// The entries of the root mapping in `range` that interpolation changes, by index, and whether
    /// a `???` was met; nil on an error.
    private func resolveEntries(
        of mapping: OrderedMapping, in range: Range<Int>
    ) -> (changed: [(Int, ConfigNode)], sawMissing: Bool)? {
        var changed: [(Int, ConfigNode)] = []
        var path: [String] = []
        for index in range {
            let child = mapping.values[index]
            path.append(mapping.keys[index])
            defer { path.removeLast() }
            do {
                if let node = try resolveTree(child, path: &path) { changed.append((index, node)) }
            } catch {
                return nil
            }
        }
        return (changed, sawMissing)
    }

    /// The subtree at `path` resolved, or nil when it holds no interpolation (so that unchanged
    /// subtrees are shared, not copied). `referenced` when an interpolation refers to the subtree:
    /// only then are its strings' values kept for the next reference (the walk over the whole tree
    /// meets each string once, so keeping every value would only fill the memo).
    private func resolveTree(
        _ node: ConfigNode, path: inout [String], referenced: Bool = false
    ) throws(ConfigError) -> ConfigNode? {
        switch node.value {
        case .string(let s) where s.hasInterpolation:
            return try resolveString(node, text: s, path: path, memoize: referenced)
        case .missing:
            sawMissing = true
            return nil
        case .mapping(let mapping):
            var out: OrderedMapping?
            var missing = false
            defer { if missing { sawMissing = true } }
            for (index, child) in mapping.values.enumerated() where child.mayInterpolate(noting: &missing) {
                path.append(mapping.keys[index])
                let resolved = try resolveTree(child, path: &path, referenced: referenced)
                path.removeLast()
                if let resolved {
                    if out == nil { out = mapping }
                    out?.values[index] = resolved
                }
            }
            return out.map { ConfigNode(.mapping($0), origin: node.origin) }
        case .sequence(let items):
            var out: [ConfigNode]?
            var missing = false
            defer { if missing { sawMissing = true } }
            for (index, child) in items.enumerated() where child.mayInterpolate(noting: &missing) {
                path.append(String(index))
                let resolved = try resolveTree(child, path: &path, referenced: referenced)
                path.removeLast()
                if let resolved {
                    if out == nil { out = items }
                    out?[index] = resolved
                }
            }
            return out.map { ConfigNode(.sequence($0), origin: node.origin) }
        default:
            return nil
        }
    }

    private static func dotted(_ path: [String]) -> String {
        path.joined(separator: ".")
    }

    /// Resolves the string node at `path` (with cycle detection; memoised when `memoize`).
    private func resolveString(
        _ node: ConfigNode, text: String, path: [String], memoize: Bool
    ) throws(ConfigError) -> ConfigNode {
        let key = Self.dotted(path)
        if let done = resolved[key] { return done }
        if let start = inProgress.firstIndex(of: key) {
            let cycle = (inProgress[start...] + [key]).map { $0.isEmpty ? "<root>" : $0 }
            throw ConfigError(
                node.origin.diagnostic(
                    "\(key): interpolation cycle: " + cycle.joined(separator: " -> ")))
        }
        if inProgress.count >= Self.maxDepth {
            throw ConfigError(
                node.origin.diagnostic(
                    "\(key): interpolations refer to interpolations more than \(Self.maxDepth) levels deep"))
        }
        inProgress.append(key)
        defer { inProgress.removeLast() }
        var parser = Parser(text: text)
        let segments: [Segment]
        do {
            segments = try parser.parseAll()
        } catch let message {
            throw ConfigError(node.origin.diagnostic("\(key): bad interpolation '\(text)': \(message.text)"))
        }
        let result: ConfigNode
        if segments.count == 1, case .interpolation(let expression) = segments[0] {
            result = try evaluate(expression, node: node, path: path)
        } else {
            var out = ""
            for segment in segments {
                switch segment {
                case .text(let t): out += t
                case .interpolation(let expression):
                    let value = try evaluate(expression, node: node, path: path)
                    out += Self.str(value)
                }
            }
            result = ConfigNode(.string(out), origin: node.origin)
        }
        if case .missing = result.value { sawMissing = true }
        if memoize { resolved[key] = result }
        return result
    }

    /// Python's `str()` of a resolved value inside a longer string.
    static func str(_ value: ConfigNode) -> String {
        switch value.value {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return PythonFloat.repr(d)
        case .string(let s): return s
        case .missing: return "???"
        case .mapping, .sequence:
            return pythonRepr(value)
        }
    }

    /// Python's `repr()` of a value, as `str()` of a list or dict prints its items.
    static func pythonRepr(_ node: ConfigNode) -> String {
        switch node.value {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return PythonFloat.repr(d)
        case .missing: return "'???'"
        case .string(let s): return pythonRepr(s)
        case .sequence(let items): return "[" + items.map(pythonRepr).joined(separator: ", ") + "]"
        case .mapping(let m):
            return "{" + m.map { pythonRepr($0.key) + ": " + pythonRepr($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// Python's `repr()` of a string: single quotes unless it holds one and no double quote.
    static func pythonRepr(_ s: String) -> String {
        let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote {
                    out += "\\" + String(quote)
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + String(quote)
    }

    private func evaluate(_ expression: Expression, node: ConfigNode, path: [String]) throws(ConfigError) -> ConfigNode
    {
        switch expression {
        case .reference(let parts):
            let reference = try text(of: parts, node: node, path: path)
            return try lookUp(reference, node: node, path: path)
        case .call(let name, let args):
            var values: [String] = []
            for arg in args { values.append(try text(of: arg, node: node, path: path)) }
            return try call(name, values, node: node, path: path)
        }
    }

    /// The text of a key or argument, with nested interpolations resolved.
    private func text(of parts: [Segment], node: ConfigNode, path: [String]) throws(ConfigError) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let t): out += t
            case .interpolation(let inner):
                out += Self.str(try evaluate(inner, node: node, path: path))
            }
        }
        return out
    }

    private func lookUp(_ reference: String, node: ConfigNode, path: [String]) throws(ConfigError) -> ConfigNode {
        var key: String { Self.dotted(path) }  // only for messages
        let trimmed = reference.trimmingSpaces
        let dots = trimmed.prefix(while: { $0 == "." }).count
        var base: [String] = []
        if dots > 0 {
            guard dots <= path.count else {
                throw ConfigError(
                    node.origin.diagnostic("\(key): '${\(reference)}' goes above the top of the config"))
            }
            base = Array(path.dropLast(dots))
        }
        let rest = String(trimmed.dropFirst(dots))
        guard let keys = ConfigNode.pathKeys(rest) else {
            throw ConfigError(node.origin.diagnostic("\(key): '${\(reference)}' is not a valid key path"))
        }
        var current = root
        var walked = base
        if !base.isEmpty, let start = root.node(at: base) { current = start }
        for part in keys {
            guard let next = current.child(part) else {
                var notes: [String] = []
                if case .mapping(let mapping) = current.value,
                    let close = Suggestion.closest(
                        to: part, in: mapping.keys.filter { walked + [$0] != path })
                {
                    notes.append("help: did you mean '\(Self.dotted(walked + [close]))'?")
                }
                let target = Self.dotted(walked + [part])
                throw ConfigError(
                    node.origin.diagnostic(
                        "\(key): interpolation '${\(reference)}' refers to '\(target)', which does not exist",
                        notes: notes))
            }
            current = next
            walked.append(part)
        }
        if case .missing = current.value {
            let target = Self.dotted(walked)
            throw ConfigError(
                node.origin.diagnostic(
                    "\(key): interpolation '${\(reference)}' refers to '\(target)', which is mandatory ('???') and was not set",
                    notes: ["help: set it with '\(target)=…'"]))
        }
        var at = walked
        return try resolveTree(current, path: &at, referenced: true) ?? current
    }

    private func call(_ name: String, _ args: [String], node: ConfigNode, path: [String]) throws(ConfigError)
        -> ConfigNode
    {
        let key = Self.dotted(path)
        let origin = node.origin
        switch name {
        case "oc.env":
            guard args.count == 1 || args.count == 2 else {
                throw ConfigError(origin.diagnostic("\(key): oc.env takes a variable name and an optional default"))
            }
            let variable = args[0].trimmingSpaces
            if let value = environment[variable] { return ConfigNode(.string(value), origin: origin) }
            guard args.count == 2 else {
                throw ConfigError(
                    origin.diagnostic(
                        "\(key): environment variable '\(variable)' is not set",
                        notes: ["help: give a default: ${oc.env:\(variable),default}"]))
            }
            let value = Self.parseArgument(args[1])
            if case .null = value.value { return ConfigNode(.null, origin: origin) }
            return ConfigNode(.string(Self.str(value)), origin: origin)
        case "oc.select":
            guard args.count == 1 || args.count == 2 else {
                throw ConfigError(origin.diagnostic("\(key): oc.select takes a key and an optional default"))
            }
            do {
                return try lookUp(args[0], node: node, path: path)
            } catch {
                guard args.count == 2 else { return ConfigNode(.null, origin: origin) }
                return Self.parseArgument(args[1])
            }
        case "oc.decode":
            guard args.count == 1 else {
                throw ConfigError(origin.diagnostic("\(key): oc.decode takes one string"))
            }
            return Self.parseArgument(args[0])
        default:
            var notes: [String] = []
            if let close = Suggestion.closest(to: name, in: Self.resolvers) {
                notes.append("help: did you mean '\(close)'?")
            }
            notes.append("note: the resolvers are: " + Self.resolvers.joined(separator: ", "))
            throw ConfigError(origin.diagnostic("\(key): unknown resolver '\(name)'", notes: notes))
        }
    }

    /// A resolver argument typed as OmegaConf types it: quoted strings, null, bools, numbers.
    static func parseArgument(_ text: String) -> ConfigNode {
        let trimmed = text.trimmingSpaces
        if let parsed = try? Override.parse("_=" + trimmed), let value = parsed.value, !value.isSweep {
            return value.configNode(origin: .none)
        }
        return ConfigNode(.string(trimmed))
    }
}

extension ConfigNode {
    /// Whether interpolation may change this node: a collection, or a string holding `${` (the
    /// walk skips every other leaf without extending its key path). Sets `sawMissing` for a `???`.
    fileprivate func mayInterpolate(noting sawMissing: inout Bool) -> Bool {
        switch value {
        case .mapping, .sequence: return true
        case .string(let s): return s.hasInterpolation
        case .missing:
            sawMissing = true
            return false
        default: return false
        }
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs (no copy when there are none).
    var trimmingSpaces: String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last,
            first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        else { return self }
        let start = bytes.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? bytes.endIndex
        guard start < bytes.endIndex, let end = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        return String(decoding: bytes[start...end], as: UTF8.self)
    }

    /// Whether the text holds `${` (a byte scan, without Foundation's string search).
    var hasInterpolation: Bool {
        var previous: UInt8 = 0
        for byte in utf8 {
            if byte == UInt8(ascii: "{") && previous == UInt8(ascii: "$") { return true }
            previous = byte
        }
        return false
    }
}
