/// Python's `fnmatch.fnmatchcase`: `*` any run, `?` any character, `[seq]` / `[!seq]` sets
/// with ranges such as `a-z`; an unclosed `[` is a literal.
struct SweepGlob: Sendable {
    private enum Item: Sendable {
        case any
        case one
        case set(negated: Bool, ranges: [ClosedRange<UInt32>])
        case literal(Unicode.Scalar)
    }

    private let items: [Item]

    /// Compiles a pattern.
    init(_ pattern: String) {
        let p = Array(pattern.unicodeScalars)
        var items: [Item] = []
        var i = 0
        while i < p.count {
            let c = p[i]
            i += 1
            switch c {
            case "*":
                if case .any = items.last {} else { items.append(.any) }
            case "?":
                items.append(.one)
            case "[":
                var j = i
                if j < p.count, p[j] == "!" { j += 1 }
                if j < p.count, p[j] == "]" { j += 1 }
                while j < p.count, p[j] != "]" { j += 1 }
                if j >= p.count {
                    items.append(.literal("["))
                    continue
                }
                var stuff = Array(p[i..<j])
                i = j + 1
                var negated = false
                if stuff.first == "!" {
                    negated = true
                    stuff.removeFirst()
                }
                var ranges: [ClosedRange<UInt32>] = []
                var k = 0
                while k < stuff.count {
                    if k + 2 < stuff.count, stuff[k + 1] == "-" {
                        if stuff[k].value <= stuff[k + 2].value { ranges.append(stuff[k].value...stuff[k + 2].value) }
                        k += 3
                    } else {
                        ranges.append(stuff[k].value...stuff[k].value)
                        k += 1
                    }
                }
                items.append(.set(negated: negated, ranges: ranges))
            default:
                items.append(.literal(c))
            }
        }
        self.items = items
    }

    /// Whether the whole name matches the pattern.
    func matches(_ name: String) -> Bool {
        let s = Array(name.unicodeScalars)
        // memo[i][j]: items from i match s from j.
        var memo = [[Bool?]](repeating: [Bool?](repeating: nil, count: s.count + 1), count: items.count + 1)
        func match(_ i: Int, _ j: Int) -> Bool {
            if let known = memo[i][j] { return known }
            var result: Bool
            if i == items.count {
                result = j == s.count
            } else {
                switch items[i] {
                case .any:
                    result = match(i + 1, j) || (j < s.count && match(i, j + 1))
                case .one:
                    result = j < s.count && match(i + 1, j + 1)
                case .literal(let c):
                    result = j < s.count && s[j] == c && match(i + 1, j + 1)
                case .set(let negated, let ranges):
                    if j < s.count {
                        let inSet = ranges.contains { $0.contains(s[j].value) }
                        result = inSet != negated && match(i + 1, j + 1)
                    } else {
                        result = false
                    }
                }
            }
            memo[i][j] = result
            return result
        }
        return match(0, 0)
    }
}
