internal import Foundation

/// Fixed slots that concurrent workers fill, each slot written by exactly one worker.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    // Safety: every index is written by one worker only, and read after all workers joined
    // (`DispatchQueue.concurrentPerform` returns when every iteration has finished); the lock
    // makes each write and the final read properly ordered.
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// Every slot's value (a slot left empty is computed by `fill`).
    func values(or fill: (Int) -> Value) -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.enumerated().map { $0.element ?? fill($0.offset) }
    }
}
