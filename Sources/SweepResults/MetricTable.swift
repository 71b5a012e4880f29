/// A cell's metrics while its metrics.jsonl is read: names looked up by their raw bytes, with
/// the member's position on the line as a hint (trainers write the same keys in the same order).
struct MetricTable {
    private(set) var names: [String] = []
    private var nameBytes: [[UInt8]] = []
    private(set) var stats: [MetricStats] = []
    private var index: [String: Int] = [:]

    /// The slot of a name given as bytes of `buffer`, creating it when new.
    mutating func slot(_ key: JSONScanner.Key, in buffer: UnsafeBufferPointer<UInt8>, hint: Int) -> Int {
        switch key {
        case .bytes(let range):
            let count = range.count
            if hint < nameBytes.count, Self.equal(nameBytes[hint], buffer, range, count) { return hint }
            if nameBytes.count <= 32 {
                for (i, name) in nameBytes.enumerated() where Self.equal(name, buffer, range, count) { return i }
                return add(String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self))
            }
            return slot(String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self))
        case .text(let text):
            return slot(text)
        }
    }

    private mutating func slot(_ name: String) -> Int {
        if let i = index[name] { return i }
        if nameBytes.count <= 32, let i = names.firstIndex(of: name) { return i }
        return add(name)
    }

    private mutating func add(_ name: String) -> Int {
        names.append(name)
        nameBytes.append(Array(name.utf8))
        stats.append(MetricStats(.nan))
        stats[stats.count - 1].count = 0
        index[name] = names.count - 1
        return names.count - 1
    }

    /// Adds a value to a slot.
    mutating func add(_ value: Double, to slot: Int) {
        if stats[slot].count == 0 {
            stats[slot] = MetricStats(value)
        } else {
            stats[slot].add(value)
        }
    }

    private static func equal(
        _ name: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ count: Int
    ) -> Bool {
        guard name.count == count else { return false }
        var i = range.lowerBound
        for b in name {
            if buffer[i] != b { return false }
            i += 1
        }
        return true
    }
}
