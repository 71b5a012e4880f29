/// A node of the defaults tree (Hydra's `DefaultsTreeNode`): an element and, once its config's
/// own defaults list was expanded, its children in order.
final class DefaultsTree {
    /// A child: an element without a defaults list of its own, or a subtree.
    enum Child {
        case leaf(DefaultElement)
        case tree(DefaultsTree)
    }

    let node: DefaultElement
    var children: [Child]?
    weak var parent: DefaultsTree?

    init(_ node: DefaultElement, parent: DefaultsTree?) {
        self.node = node
        self.parent = parent
    }
}

/// One config of the final defaults list: which file, at which package, in merge order.
struct ResultDefault {
    var configPath: String
    var package: String
    var isSelf: Bool
    var primary: Bool
    var overrideKey: String?
    var origin: Origin
}
