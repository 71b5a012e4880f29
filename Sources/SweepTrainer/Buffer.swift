/// A fixed run of numbers in memory it owns, all set to one value at first: the indices, masks and
/// labels the kernels read and write (no copy-on-write, no bounds checks in hot loops). Internal:
/// owned by one layer or session, never crosses threads. `Matrix` is the same for Float matrices.
final class Buffer<Element: ExpressibleByIntegerLiteral> {
    /// Elements.
    let count: Int
    /// The elements (one is allocated for an empty buffer, so that the address is valid).
    let data: UnsafeMutablePointer<Element>

    init(count: Int, repeating value: Element = 0) {
        self.count = count
        data = .allocate(capacity: max(1, count))
        data.initialize(repeating: value, count: max(1, count))
    }

    deinit { data.deallocate() }

    subscript(i: Int) -> Element {
        get { data[i] }
        set { data[i] = newValue }
    }
}
