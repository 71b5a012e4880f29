import Foundation
import SweepYAML

/// The functions of Hydra 1.3's override grammar (`int`, `float`, `str`, `bool`, `choice`,
/// `range`, `interval`, `tag`, `sort`, `shuffle`, `glob`) and ours (`logspace`, `geomspace`,
/// and `seed=` for `shuffle`).
enum OverrideFunctions {
    /// A call as parsed: the name, positional and keyword arguments with their columns.
    struct Call {
        var name: String
        var text: String
        var column: Int
        var arguments: [(OverrideValue, Int)] = []
        var keywords: [(String, OverrideValue, Int)] = []
    }

    /// A parameter list in Python's terms.
    private struct Signature {
        var parameters: [String]
        var required: Int
        var variadic: Bool
        var keywordOnly: [String] = []
    }

    /// The registered functions and their parameters.
    private static let signatures: [String: Signature] = [
        "int": Signature(parameters: [], required: 0, variadic: true, keywordOnly: ["value"]),
        "float": Signature(parameters: [], required: 0, variadic: true, keywordOnly: ["value"]),
        "str": Signature(parameters: [], required: 0, variadic: true, keywordOnly: ["value"]),
        "bool": Signature(parameters: [], required: 0, variadic: true, keywordOnly: ["value"]),
        "choice": Signature(parameters: [], required: 0, variadic: true),
        "range": Signature(parameters: ["start", "stop", "step"], required: 1, variadic: false),
        "interval": Signature(parameters: ["start", "end"], required: 2, variadic: false),
        "tag": Signature(parameters: [], required: 0, variadic: true, keywordOnly: ["sweep"]),
        "sort": Signature(parameters: [], required: 0, variadic: true, keywordOnly: ["sweep", "list", "reverse"]),
        "shuffle": Signature(parameters: [], required: 0, variadic: true, keywordOnly: ["sweep", "list", "seed"]),
        "glob": Signature(parameters: ["include", "exclude"], required: 1, variadic: false),
        "logspace": Signature(parameters: ["start", "stop", "num"], required: 3, variadic: false),
        "geomspace": Signature(parameters: ["start", "stop", "num"], required: 3, variadic: false),
    ]

    /// The names of every function, sorted.
    static var names: [String] { signatures.keys.sorted() }

    /// A failed call: the message, notes and the column to point at (nil: the function name).
    private struct Failure: Error {
        var message: String
        var notes: [String] = []
        var column: Int?
    }

    /// Bound arguments: the variadic ones, and the named ones by name.
    private struct Bound {
        var variadic: [(OverrideValue, Int)] = []
        var named: [String: (OverrideValue, Int)] = [:]
        func value(_ name: String) -> OverrideValue? { named[name]?.0 }
        func column(_ name: String) -> Int? { named[name]?.1 }
    }

    /// Evaluates a call.
    static func evaluate(_ call: Call) throws(ConfigError) -> OverrideValue {
        guard let signature = signatures[call.name] else {
            var notes: [String] = []
            if let close = Suggestion.closest(to: call.name, in: names) {
                notes.append("help: did you mean '\(close)'?")
            }
            notes.append("note: the functions are " + names.joined(separator: ", "))
            throw OverrideParser.error(call.text, column: call.column, "unknown function '\(call.name)'", notes: notes)
        }
        do {
            let bound = try bind(call, signature)
            return try apply(call.name, bound)
        } catch {
            throw OverrideParser.error(
                call.text, column: error.column ?? call.column, "\(call.name)(): \(error.message)", notes: error.notes)
        }
    }

    /// Python's `Signature.bind`, with quoted top-level arguments unquoted as Hydra does.
    private static func bind(_ call: Call, _ signature: Signature) throws(Failure) -> Bound {
        var bound = Bound()
        for (index, (value, column)) in call.arguments.enumerated() {
            if signature.variadic {
                bound.variadic.append((value.unquoted, column))
            } else if index < signature.parameters.count {
                bound.named[signature.parameters[index]] = (value.unquoted, column)
            } else {
                throw Failure(
                    message: "takes at most \(signature.parameters.count) arguments (\(call.arguments.count) given)",
                    column: column)
            }
        }
        for (name, value, column) in call.keywords {
            let allowed = signature.variadic ? signature.keywordOnly : signature.parameters + signature.keywordOnly
            guard allowed.contains(name) else {
                var notes: [String] = []
                if let close = Suggestion.closest(to: name, in: allowed) {
                    notes.append("help: did you mean '\(close)'?")
                }
                throw Failure(message: "unexpected keyword argument '\(name)'", notes: notes, column: column)
            }
            if bound.named[name] != nil {
                throw Failure(message: "multiple values for argument '\(name)'", column: column)
            }
            bound.named[name] = (value.unquoted, column)
        }
        for name in signature.parameters.prefix(signature.required) where bound.named[name] == nil {
            throw Failure(message: "missing required argument '\(name)'")
        }
        return bound
    }

    private static func apply(_ name: String, _ bound: Bound) throws(Failure) -> OverrideValue {
        switch name {
        case "int", "float", "str", "bool":
            return try cast(name, bound)
        case "choice":
            return try choice(bound)
        case "range":
            return try range(bound)
        case "interval":
            let start = try number(bound, "start")
            let end = try number(bound, "end")
            return .sweep(Sweep(.interval(start: .float(start.doubleValue), end: .float(end.doubleValue))))
        case "tag":
            return try tag(bound)
        case "sort":
            return try sort(bound)
        case "shuffle":
            return try shuffle(bound)
        case "glob":
            let include = try patterns(bound, "include")
            let exclude = bound.value("exclude").map { _ in () } == nil ? [] : try patterns(bound, "exclude")
            return .sweep(Sweep(.glob(include: include, exclude: exclude)))
        default:
            return try space(name, bound)
        }
    }

    // MARK: Casts

    /// `int(x)`, `float(x)`, `str(x)`, `bool(x)`: of a value, a list or dict (element-wise) or a
    /// sweep; several arguments make a simple choice of casts.
    private static func cast(_ name: String, _ bound: Bound) throws(Failure) -> OverrideValue {
        let value: OverrideValue
        if let named = bound.value("value") {
            guard bound.variadic.isEmpty else {
                throw Failure(message: "cannot use both positional and named arguments")
            }
            value = named
        } else if bound.variadic.count == 1 {
            value = bound.variadic[0].0
        } else if bound.variadic.isEmpty {
            throw Failure(message: "nothing to cast: expected a value such as \(name)(1)")
        } else {
            value = .sweep(Sweep(.choice(bound.variadic.map(\.0)), simpleForm: true))
        }
        return try cast(value, to: name)
    }

    private static func cast(_ value: OverrideValue, to name: String) throws(Failure) -> OverrideValue {
        switch value {
        case .quoted(let s, _): return try cast(.string(s), to: name)
        case .list(let items):
            var out: [OverrideValue] = []
            for item in items { out.append(try cast(item, to: name)) }
            return .list(out)
        case .dict(let entries):
            var out: [OverrideValue.Entry] = []
            for entry in entries {
                out.append(OverrideValue.Entry(key: entry.keyValue, value: try cast(entry.value, to: name)))
            }
            return .dict(out)
        case .sweep(var sweep):
            switch sweep.kind {
            case .choice(let items):
                var out: [OverrideValue] = []
                for item in items { out.append(try cast(item, to: name)) }
                sweep.kind = .choice(out)
            case .range(let start, let stop, let step):
                guard name == "int" || name == "float" else {
                    throw Failure(message: "a range can only be cast to int or float")
                }
                sweep.kind = .range(
                    start: try castNumber(start, to: name), stop: try castNumber(stop, to: name),
                    step: try castNumber(step, to: name))
            case .interval(let start, let end):
                guard name == "int" || name == "float" else {
                    throw Failure(message: "an interval can only be cast to int or float")
                }
                sweep.kind = .interval(start: try castNumber(start, to: name), end: try castNumber(end, to: name))
            case .glob:
                throw Failure(message: "a glob() cannot be cast")
            }
            return .sweep(sweep)
        case .null:
            throw Failure(message: "cannot cast null to \(name)")
        case .int, .float, .bool, .string:
            return try castScalar(value, to: name)
        }
    }

    private static func castNumber(_ n: Sweep.Number, to name: String) throws(Failure) -> Sweep.Number {
        switch try castScalar(n.value, to: name) {
        case .int(let i): return .int(i)
        case .float(let d): return .float(d)
        default: return n
        }
    }

    /// Python's `int(x)`, `float(x)`, `str(x)` (booleans lower-case) and Hydra's `bool(x)`.
    private static func castScalar(_ value: OverrideValue, to name: String) throws(Failure) -> OverrideValue {
        switch (name, value) {
        case ("int", .int): return value
        case ("int", .bool(let b)): return .int(b ? 1 : 0)
        case ("int", .float(let d)):
            guard d.isFinite, let i = Int(exactly: d.rounded(.towardZero)) else {
                throw Failure(message: "cannot convert \(PythonFloat.repr(d)) to an integer")
            }
            return .int(i)
        case ("int", .string(let s)):
            guard let i = PythonFloat.parseInt(s) else { throw Failure(message: "cannot cast '\(s)' to int") }
            return .int(i)
        case ("float", .int(let i)): return .float(Double(i))
        case ("float", .bool(let b)): return .float(b ? 1 : 0)
        case ("float", .float): return value
        case ("float", .string(let s)):
            guard let d = PythonFloat.parse(s) else { throw Failure(message: "cannot cast '\(s)' to float") }
            return .float(d)
        case ("str", .int(let i)): return .string(String(i))
        case ("str", .float(let d)): return .string(PythonFloat.repr(d))
        case ("str", .bool(let b)): return .string(b ? "true" : "false")
        case ("str", .string): return value
        case ("bool", .bool): return value
        case ("bool", .int(let i)): return .bool(i != 0)
        case ("bool", .float(let d)): return .bool(d != 0)
        case ("bool", .string(let s)):
            switch s.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw Failure(message: "cannot cast '\(s)' to bool", notes: ["help: expected true or false"])
            }
        default:
            throw Failure(message: "cannot cast \(value.hydraText) to \(name)")
        }
    }

    // MARK: Sweeps

    private static func choice(_ bound: Bound) throws(Failure) -> OverrideValue {
        let args = bound.variadic
        guard !args.isEmpty else {
            throw Failure(message: "an empty choice is not allowed: expected at least one value")
        }
        if args.count == 1, case .sweep(var sweep) = args[0].0 {
            guard case .choice = sweep.kind, sweep.simpleForm else {
                throw Failure(message: "nesting choices is not supported", column: args[0].1)
            }
            sweep.simpleForm = false
            return .sweep(sweep)
        }
        for (value, column) in args where value.isSweep {
            throw Failure(message: "a sweep cannot be one of the values of a choice", column: column)
        }
        return .sweep(Sweep(.choice(args.map(\.0))))
    }

    private static func number(_ bound: Bound, _ name: String) throws(Failure) -> Sweep.Number {
        switch bound.value(name) {
        case .int(let i): return .int(i)
        case .float(let d): return .float(d)
        case let other:
            throw Failure(
                message: "\(name) must be a number, got \(other.map(\.hydraText) ?? "nothing")",
                column: bound.column(name))
        }
    }

    /// `range(stop)`, `range(start, stop)`, `range(start, stop, step)`; a zero step or a range that
    /// never reaches its stop is an error here (Hydra fails only when expanding, or gives no cells).
    private static func range(_ bound: Bound) throws(Failure) -> OverrideValue {
        var start = try number(bound, "start")
        var stop: Sweep.Number
        if bound.value("stop") == nil || bound.value("stop") == .null {
            stop = start
            start = .int(0)
        } else {
            stop = try number(bound, "stop")
        }
        let step = bound.value("step") == nil ? Sweep.Number.int(1) : try number(bound, "step")
        guard start.doubleValue.isFinite, stop.doubleValue.isFinite, step.doubleValue.isFinite else {
            throw Failure(message: "start, stop and step must be finite")
        }
        guard step.doubleValue != 0 else {
            throw Failure(message: "the step must not be zero", column: bound.column("step"))
        }
        let (a, b, s) = (start.doubleValue, stop.doubleValue, step.doubleValue)
        let empty: Bool
        if case .int(let x) = start, case .int(let y) = stop, case .int(let z) = step {
            empty = z > 0 ? x >= y : x <= y
        } else {
            empty =
                s > 0
                ? !(SweepDecimal.compare(decimal(start), decimal(stop)) < 0)
                : !(SweepDecimal.compare(decimal(stop), decimal(start)) < 0)
        }
        if empty {
            let direction = s > 0 ? "up" : "down"
            var flipped = Sweep.Number.float(-s)
            if case .int(let z) = step, z != Int.min { flipped = .int(-z) }
            let help: String
            if a == b {
                help = "help: the stop is excluded, so range(x,x) has no values; use choice(\(start)) for one value"
            } else if a > b {
                help = "help: count down with a negative step, e.g. range(\(start),\(stop),\(flipped))"
            } else {
                help = "help: count up with a positive step, e.g. range(\(start),\(stop),\(flipped))"
            }
            throw Failure(
                message: "the range is empty: counting \(direction) from \(start) by \(step) never reaches \(stop)",
                notes: [help])
        }
        return .sweep(Sweep(.range(start: start, stop: stop, step: step)))
    }

    private static func decimal(_ n: Sweep.Number) -> SweepDecimal {
        switch n {
        case .int(let i): return SweepDecimal(i)
        case .float(let d): return SweepDecimal(d)
        }
    }

    /// `tag(t1, …, sweep)` or `tag(t1, …, sweep=S)`: the sweep with these tags (replacing any).
    private static func tag(_ bound: Bound) throws(Failure) -> OverrideValue {
        var args = bound.variadic
        if let sweep = bound.named["sweep"] { args.append(sweep) }
        guard let (last, column) = args.last else {
            throw Failure(message: "not enough arguments: expected tags and a sweep, e.g. tag(log, interval(0,1))")
        }
        guard case .sweep(var sweep) = last, !Self.isGlob(sweep) else {
            throw Failure(
                message: "the last argument must be a choice(), range() or interval(), got \(last.hydraText)",
                column: column)
        }
        var tags: Set<String> = []
        for (value, column) in args.dropLast() {
            guard case .string(let s) = value else {
                throw Failure(message: "tags must be strings, got \(value.hydraText)", column: column)
            }
            tags.insert(s)
        }
        sweep.tags = tags
        return .sweep(sweep)
    }

    private static func isGlob(_ sweep: Sweep) -> Bool {
        if case .glob = sweep.kind { return true }
        return false
    }

    /// `sort(a, b, …)`, `sort(list)`, `sort(sweep)`, with `reverse=`.
    private static func sort(_ bound: Bound) throws(Failure) -> OverrideValue {
        var descending = false
        if let reverse = bound.value("reverse") {
            guard case .bool(let b) = reverse else {
                throw Failure(
                    message: "reverse must be true or false, got \(reverse.hydraText)", column: bound.column("reverse"))
            }
            descending = b
        }
        let subject: OverrideValue
        if let list = bound.value("list") {
            subject = list
        } else if let sweep = bound.value("sweep") {
            guard case .sweep = sweep else {
                throw Failure(message: "sweep must be a choice() or a range()", column: bound.column("sweep"))
            }
            subject = sweep
        } else if bound.variadic.count == 1 {
            subject = bound.variadic[0].0
        } else if bound.variadic.isEmpty {
            throw Failure(message: "nothing to sort: expected values, a list or a sweep")
        } else {
            for (value, column) in bound.variadic {
                switch value {
                case .int, .float, .bool, .string: break
                default: throw Failure(message: "cannot sort \(value.hydraText) with other values", column: column)
                }
            }
            subject = .sweep(Sweep(.choice(bound.variadic.map(\.0)), simpleForm: true))
        }
        do {
            switch subject {
            case .list(let items):
                return .list(try Sweep.sorted(items, descending: descending))
            case .sweep(var sweep):
                switch sweep.kind {
                case .choice(let items):
                    sweep.kind = .choice(try Sweep.sorted(items, descending: descending))
                case .range:
                    sweep.sortOrder = descending ? .descending : .ascending
                case .interval, .glob:
                    throw Failure(message: "only a choice() or a range() can be sorted")
                }
                return .sweep(sweep)
            default:
                return subject
            }
        } catch let problem as Sweep.Problem {
            throw Failure(message: problem.message)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(message: "\(error)")
        }
    }

    /// `shuffle(a, b, …)`, `shuffle(list)`, `shuffle(sweep)`, with our `seed=` for a
    /// reproducible order (Python's `random.seed(seed); random.shuffle(…)`).
    private static func shuffle(_ bound: Bound) throws(Failure) -> OverrideValue {
        var seed: Int?
        if let value = bound.value("seed") {
            guard case .int(let s) = value else {
                throw Failure(message: "seed must be an integer, got \(value.hydraText)", column: bound.column("seed"))
            }
            seed = s
        }
        let subject: OverrideValue
        if let list = bound.value("list") {
            subject = list
        } else if let sweep = bound.value("sweep") {
            subject = sweep
        } else if bound.variadic.count == 1 {
            subject = bound.variadic[0].0
        } else if bound.variadic.isEmpty {
            throw Failure(message: "nothing to shuffle: expected values, a list or a sweep")
        } else {
            for (value, column) in bound.variadic where value.isSweep {
                throw Failure(message: "a sweep cannot be shuffled with other values", column: column)
            }
            subject = .sweep(Sweep(.choice(bound.variadic.map(\.0)), simpleForm: true))
        }
        switch subject {
        case .sweep(var sweep):
            switch sweep.kind {
            case .choice, .range:
                sweep.shuffled = true
                sweep.seed = seed
                return .sweep(sweep)
            case .interval, .glob:
                throw Failure(message: "only a choice() or a range() can be shuffled")
            }
        case .list(var items):
            var random = SweepRandom(seed: seed ?? Int.random(in: 0...Int.max))
            random.shuffle(&items)
            return .list(items)
        default:
            return .list([subject])
        }
    }

    /// The patterns of `glob(include, exclude)`: a string or a list of strings.
    private static func patterns(_ bound: Bound, _ name: String) throws(Failure) -> [String] {
        switch bound.value(name) {
        case .string(let s): return [s]
        case .list(let items):
            var out: [String] = []
            for item in items {
                guard let s = item.stringValue else {
                    throw Failure(
                        message: "\(name) patterns must be strings, got \(item.hydraText)", column: bound.column(name))
                }
                out.append(s)
            }
            return out
        case let other:
            throw Failure(
                message: "\(name) must be a pattern or a list of patterns, got \(other.map(\.hydraText) ?? "nothing")",
                column: bound.column(name))
        }
    }

    /// Ours: `logspace(start, stop, num)` and `geomspace(start, stop, num)`: `num` values evenly
    /// spaced on a log scale from `start` to `stop`, both included. Both take the values (not
    /// exponents, unlike numpy's logspace): `logspace(1e-4,1e-1,4)` is 0.0001,0.001,0.01,0.1.
    /// Values are rounded to 15 significant digits so that they print as written.
    private static func space(_ name: String, _ bound: Bound) throws(Failure) -> OverrideValue {
        let start = try number(bound, "start").doubleValue
        let stop = try number(bound, "stop").doubleValue
        guard case .int(let count)? = bound.value("num") else {
            throw Failure(message: "num must be an integer", column: bound.column("num"))
        }
        guard count >= 1, count <= Sweep.maximumCount else {
            throw Failure(
                message: "num must be between 1 and \(Sweep.maximumCount), got \(count)", column: bound.column("num"))
        }
        guard start.isFinite, stop.isFinite, start != 0, stop != 0, (start < 0) == (stop < 0) else {
            throw Failure(
                message: "start and stop must be finite, non-zero and of the same sign",
                notes: ["help: a log scale cannot include 0; start from a small value such as 1e-6"])
        }
        let sign: Double = start < 0 ? -1 : 1
        let logStart = log10(abs(start))
        let logStop = log10(abs(stop))
        var values: [OverrideValue] = []
        let step = count > 1 ? (logStop - logStart) / Double(count - 1) : 0
        for i in 0..<count {
            var v: Double
            if i == 0 {
                v = start
            } else if i == count - 1 {
                v = stop
            } else {
                v = sign * pow(10, Double(i) * step + logStart)
            }
            v = Double(String(format: "%.15g", v)) ?? v
            values.append(.float(v))
        }
        return .sweep(Sweep(.choice(values)))
    }
}
