/// The stack a `YAMLTreeBuilder` keeps while the parser drives it: finished nodes, where each open
/// collection starts, each open mapping's merge sources, and the nodes saved under anchors.
///
/// Generic over the tree type and inlinable, so that a builder in another module gets it
/// specialised for its own tree. A class whose state sits behind one pointer: a builder holds it
/// in a `let`, and neither that nor the pointer is checked for exclusive access at run time, as
/// a class's `var` would be on every push and pop (a tenth of the parse of a large file).
public final class YAMLTreeStack<Tree> {
    @usableFromInline struct State {
        @usableFromInline var nodes: [Tree] = []
        @usableFromInline var bases: [Int] = []
        @usableFromInline var merges: [[Tree]] = []
        @usableFromInline var anchors: [Int: Tree] = [:]

        @usableFromInline init() {}
    }

    @usableFromInline let state: UnsafeMutablePointer<State>
    /// A cheap node left in a slot whose node was moved out, until the slot is removed.
    @usableFromInline let placeholder: Tree

    /// An empty stack; `placeholder` is any cheap node (it is never part of a tree).
    @inlinable public init(placeholder: Tree) {
        self.placeholder = placeholder
        state = .allocate(capacity: 1)
        state.initialize(to: State())
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// The last finished node.
    @inlinable public var last: Tree? { state.pointee.nodes.last }

    /// Pushes a finished node.
    @inlinable public func push(_ node: Tree) { state.pointee.nodes.append(node) }

    /// Pops the last node.
    @inlinable public func dropLast() { _ = state.pointee.nodes.popLast() }

    /// How many nodes the open collection holds so far (for a mapping: keys and values).
    @inlinable public var openCount: Int {
        state.pointee.nodes.count - (state.pointee.bases.last ?? state.pointee.nodes.count)
    }

    /// Opens a collection.
    @inlinable public func begin() {
        state.pointee.bases.append(state.pointee.nodes.count)
        state.pointee.merges.append([])
    }

    /// Closes the open collection: hands each node pushed since `begin` to `body`, in order, moved
    /// out of the stack rather than copied, and returns the collection's merge sources.
    @inlinable public func end(_ body: (consuming Tree) -> Void) -> [Tree] {
        guard let base = state.pointee.bases.popLast(), let sources = state.pointee.merges.popLast() else { return [] }
        let placeholder = self.placeholder
        state.pointee.nodes.withUnsafeMutableBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return }
            for index in base..<buffer.count {
                body((start + index).move())
                (start + index).initialize(to: placeholder)
            }
        }
        state.pointee.nodes.removeSubrange(base...)
        return sources
    }

    /// Pops the last node and records it as a merge source of the open mapping; a sequence
    /// (as `items` tells) contributes its items.
    @inlinable public func mergeLast(items: (Tree) -> [Tree]?) {
        guard let source = state.pointee.nodes.popLast(), !state.pointee.merges.isEmpty else { return }
        state.pointee.merges[state.pointee.merges.count - 1].append(contentsOf: items(source) ?? [source])
    }

    /// Saves the last node under an anchor number.
    @inlinable public func saveAnchor(_ anchor: Int) {
        if let last = state.pointee.nodes.last { state.pointee.anchors[anchor] = last }
    }

    /// Pushes the node saved under an anchor number.
    @inlinable public func pushAnchor(_ anchor: Int) {
        if let node = state.pointee.anchors[anchor] { state.pointee.nodes.append(node) }
    }
}
