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

    /// For a tree whose root is a mapping of at least two keys and `limit` nodes: `body` over the
    /// first half of the root's entries here and over the second half on another thread; nil for
    /// any other tree (too small to be worth a thread).
    static func overHalves<R: Sendable>(
        of node: ConfigNode, atLeast limit: Int = minimumNodes,
        _ body: @escaping @Sendable (OrderedMapping, Range<Int>) -> R
    ) -> (mapping: OrderedMapping, first: R, second: R)? {
        guard case .mapping(let mapping) = node.value, mapping.count >= 2, node.hasAtLeast(limit) else { return nil }
        let middle = mapping.count / 2
        let (first, second) = pair({ body(mapping, 0..<middle) }, { body(mapping, middle..<mapping.count) })
        return (mapping, first, second)
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
