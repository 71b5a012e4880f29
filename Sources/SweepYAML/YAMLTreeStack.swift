/// The stack a `YAMLTreeBuilder` keeps while the parser drives it: finished nodes, where each open
/// collection starts, each open mapping's merge sources, and the nodes saved under anchors.
///
/// Generic over the tree type and inlinable, so that a builder in another module gets it
/// specialised for its own tree.
public struct YAMLTreeStack<Tree> {
    @usableFromInline var nodes: [Tree] = []
    @usableFromInline var bases: [Int] = []
    @usableFromInline var merges: [[Tree]] = []
    @usableFromInline var anchors: [Int: Tree] = [:]
    /// A cheap node left in a slot whose node was moved out, until the slot is removed.
    @usableFromInline let placeholder: Tree

    /// An empty stack; `placeholder` is any cheap node (it is never part of a tree).
    @inlinable public init(placeholder: Tree) {
        self.placeholder = placeholder
    }

    /// The last finished node.
    @inlinable public var last: Tree? { nodes.last }

    /// Pushes a finished node.
    @inlinable public mutating func push(_ node: Tree) { nodes.append(node) }

    /// Pops the last node.
    @inlinable public mutating func dropLast() { _ = nodes.popLast() }

    /// How many nodes the open collection holds so far (for a mapping: keys and values).
    @inlinable public var openCount: Int { nodes.count - (bases.last ?? nodes.count) }

    /// Opens a collection.
    @inlinable public mutating func begin() {
        bases.append(nodes.count)
        merges.append([])
    }

    /// Closes the open collection: hands each node pushed since `begin` to `body`, in order, moved
    /// out of the stack rather than copied, and returns the collection's merge sources.
    @inlinable public mutating func end(_ body: (consuming Tree) -> Void) -> [Tree] {
        guard let base = bases.popLast(), let sources = merges.popLast() else { return [] }
        let placeholder = self.placeholder
        nodes.withUnsafeMutableBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return }
            for index in base..<buffer.count {
                body((start + index).move())
                (start + index).initialize(to: placeholder)
            }
        }
        nodes.removeSubrange(base...)
        return sources
    }

    /// Pops the last node and records it as a merge source of the open mapping; a sequence
    /// (as `items` tells) contributes its items.
    @inlinable public mutating func mergeLast(items: (Tree) -> [Tree]?) {
        guard let source = nodes.popLast(), !merges.isEmpty else { return }
        merges[merges.count - 1].append(contentsOf: items(source) ?? [source])
    }

    /// Saves the last node under an anchor number.
    @inlinable public mutating func saveAnchor(_ anchor: Int) {
        if let last = nodes.last { anchors[anchor] = last }
    }

    /// Pushes the node saved under an anchor number.
    @inlinable public mutating func pushAnchor(_ anchor: Int) {
        if let node = anchors[anchor] { nodes.append(node) }
    }
}
