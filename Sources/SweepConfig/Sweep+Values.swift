import SweepYAML

extension Sweep {
    /// The most values one sweep may expand to.
    public static let maximumCount = 1_000_000

    /// The values of the sweep, in launch order.
    ///
    /// `groupOptions` are the options of the config group the override names, for `glob()`.
    /// A choice keeps its order; a range counts like Python's `range` (float steps summed in
    /// exact decimal arithmetic, as Hydra does); `sort` and then `shuffle` reorder (a seeded
    /// shuffle is Python's `random.seed(seed); random.shuffle(values)`). An interval cannot be
    /// enumerated.
    public func values(groupOptions: [String] = []) throws(ConfigError) -> [OverrideValue] {
        var result: [OverrideValue]
        switch kind {
        case .choice(let items):
            result = items
        case .range(let start, let stop, let step):
            do {
                result = try Self.expandRange(start: start, stop: stop, step: step)
            } catch {
                throw ConfigError(Diagnostic("\(description): \(error.message)"))
            }
        case .interval:
            throw ConfigError(
                Diagnostic(
                    "\(description) cannot be enumerated: interval() is a random-search distribution",
                    notes: [
                        "help: use `sweep.sampler: random` to draw values from it, or a choice() or range() for a grid"
                    ]))
        case .glob(let include, let exclude):
            let includes = include.map(SweepGlob.init)
            let excludes = exclude.map(SweepGlob.init)
            result = groupOptions.filter { name in
                includes.contains { $0.matches(name) } && !excludes.contains { $0.matches(name) }
            }.map(OverrideValue.string)
        }
        if let sortOrder {
            do {
                result = try Self.sorted(result, descending: sortOrder == .descending)
            } catch {
                throw ConfigError(Diagnostic("\(description): \(error.message)"))
            }
        }
        if shuffled {
            var random = SweepRandom(seed: seed ?? Int.random(in: 0...Int.max))
            random.shuffle(&result)
        }
        return result
    }

    /// An error message without a location (the caller knows where the sweep came from).
    struct Problem: Error {
        var message: String
        var notes: [String] = []
    }

    /// Python's `range(start, stop, step)` for ints; Hydra's decimal `FloatRange` otherwise.
    static func expandRange(start: Number, stop: Number, step: Number) throws(Problem) -> [OverrideValue] {
        if case .int(let a) = start, case .int(let b) = stop, case .int(let s) = step {
            guard s != 0 else { throw Problem(message: "the step must not be zero") }
            var steps: UInt?
            if s > 0, a < b { steps = (b.magnitudeDifference(a) - 1) / s.magnitude }
            if s < 0, a > b { steps = (a.magnitudeDifference(b) - 1) / s.magnitude }
            guard (steps ?? 0) < UInt(maximumCount) else {
                throw Problem(message: "more than the \(maximumCount) values a sweep may have")
            }
            let count = steps.map { Int($0) + 1 } ?? 0
            var values: [OverrideValue] = []
            values.reserveCapacity(count)
            var v = a
            for index in 0..<count {
                values.append(.int(v))
                if index + 1 < count { v += s }
            }
            return values
        }
        guard start.doubleValue.isFinite, stop.doubleValue.isFinite, step.doubleValue.isFinite else {
            throw Problem(message: "range() bounds and step must be finite")
        }
        func decimal(_ n: Number) -> SweepDecimal {
            switch n {
            case .int(let i): return SweepDecimal(i)
            case .float(let d): return SweepDecimal(d)
            }
        }
        var current = decimal(start)
        let end = decimal(stop)
        let increment = decimal(step)
        guard !increment.isZero else { throw Problem(message: "the step must not be zero") }
        let estimate = (stop.doubleValue - start.doubleValue) / step.doubleValue
        guard estimate < Double(maximumCount) else {
            throw Problem(message: "about \(Int(estimate)) values is more than the \(maximumCount) a sweep may have")
        }
        var values: [OverrideValue] = []
        let ascending = increment.signum > 0
        while ascending ? current < end : end < current {
            values.append(.float(current.doubleValue))
            current = current + increment
            if values.count > maximumCount {
                throw Problem(message: "more than the \(maximumCount) values a sweep may have")
            }
        }
        return values
    }

    /// Python's `sorted(values, reverse:)`: numbers (and booleans) with numbers, strings with
    /// strings (by code point), lists lexicographically; anything else cannot be compared.
    static func sorted(_ values: [OverrideValue], descending: Bool) throws(Problem) -> [OverrideValue] {
        // Check comparability first so that sorting itself cannot fail.
        if let first = values.first {
            for other in values.dropFirst() {
                guard comparable(first, other) else {
                    throw Problem(message: "cannot compare \(first.hydraText) with \(other.hydraText) to sort them")
                }
            }
        }
        var indexed = Array(values.enumerated())
        indexed.sort { a, b in
            let c = compare(a.element, b.element)
            if c != 0 { return descending ? c > 0 : c < 0 }
            return a.offset < b.offset
        }
        return indexed.map(\.element)
    }

    private static func number(_ v: OverrideValue) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    private static func comparable(_ a: OverrideValue, _ b: OverrideValue) -> Bool {
        if number(a) != nil, number(b) != nil { return true }
        if a.stringValue != nil, b.stringValue != nil { return true }
        if case .list(let x) = a, case .list(let y) = b {
            return zip(x, y).allSatisfy { comparable($0, $1) }
        }
        return false
    }

    /// -1, 0 or 1, for comparable values.
    private static func compare(_ a: OverrideValue, _ b: OverrideValue) -> Int {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : x > y ? 1 : 0
        default: break
        }
        if let x = number(a), let y = number(b) { return x < y ? -1 : x > y ? 1 : 0 }
        if let x = a.stringValue, let y = b.stringValue {
            let xs = Array(x.unicodeScalars.map(\.value))
            let ys = Array(y.unicodeScalars.map(\.value))
            return xs.lexicographicallyPrecedes(ys) ? -1 : xs == ys ? 0 : 1
        }
        if case .list(let x) = a, case .list(let y) = b {
            for (p, q) in zip(x, y) {
                let c = compare(p, q)
                if c != 0 { return c }
            }
            return x.count < y.count ? -1 : x.count > y.count ? 1 : 0
        }
        return 0
    }
}

extension Int {
    /// |self − other| for self ≥ other, without overflow.
    fileprivate func magnitudeDifference(_ other: Int) -> UInt {
        UInt(bitPattern: self &- other)
    }
}
