import Foundation

/// Two pieces of work on two threads, for the few steps that a very large config makes slow.
enum Parallel {
    /// A tree with at least this many nodes is worth splitting over two threads.
    static let minimumNodes = 100_000

    /// The stack of the second thread: as deep as the main thread's, for the recursive tree walks.
    static let stackSize = 8 << 20

    /// Runs `first` here and `second` on a new thread; returns both results once both are done.
    static func pair<A, B: Sendable>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        let box = Box<B>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = second()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        let a = first()
        done.wait()
        // The semaphore orders the thread's write before this read, so the value is always there;
        // the fallback only keeps the compiler from needing a force unwrap.
        return (a, box.value ?? second())
    }

    /// The result of the second thread, written once by it and read after it signalled.
    private final class Box<Value>: @unchecked Sendable {
        var value: Value?
    }
}

extension ConfigNode {
    /// Whether the tree holds at least `limit` nodes (stops counting there).
    func hasAtLeast(_ limit: Int) -> Bool {
        var count = 0
        return countNodes(&count, limit: limit)
    }

    private func countNodes(_ count: inout Int, limit: Int) -> Bool {
        count += 1
        if count >= limit { return true }
        switch value {
        case .mapping(let mapping):
            for child in mapping.values where child.countNodes(&count, limit: limit) { return true }
        case .sequence(let items):
            for child in items where child.countNodes(&count, limit: limit) { return true }
        default:
            break
        }
        return false
    }
}
