/// Receives a document's nodes from the parser, in document order, and builds a tree of its own
/// type from them, so that a caller can build its tree straight from libyaml's events.
///
/// The parser checks everything (syntax, duplicate keys, anchors, merge-key shapes, depth) and
/// calls the builder like a stack machine: every finished node is pushed; `endSequence` and
/// `endMapping` pop what was pushed since the matching `beginCollection` (for a mapping: key,
/// value, key, value, …) and push the collection.
public protocol YAMLTreeBuilder: AnyObject {
    /// Pushes a scalar. `isKey` is true for a mapping key (only its text is needed then).
    func scalar(_ scalar: Node.Scalar, tag: String?, mark: Mark, isKey: Bool)
    /// Opens a sequence or mapping.
    func beginCollection()
    /// Closes the open sequence: pops its items and pushes the sequence.
    func endSequence(tag: String?, mark: Mark)
    /// Closes the open mapping: pops its key/value pairs and its merge sources, pushes the mapping.
    /// Merged pairs come first, in source order, the first source having a key winning; then the
    /// explicit pairs, which replace a merged value in its place.
    func endMapping(tag: String?, mark: Mark)
    /// Pops the last node (a mapping, or a sequence of mappings, checked by the parser) and records
    /// it as a merge source (`<<: …`) of the open mapping.
    func mergeLast()
    /// Remembers the last node under an anchor number.
    func saveAnchor(_ anchor: Int)
    /// Pushes a copy of the node saved under an anchor number.
    func pushAnchor(_ anchor: Int)
    /// The last node written in flow style, for messages about a non-scalar mapping key.
    func describeLast() -> String
    /// Pops the last node (an empty document's placeholder).
    func dropLast()
}
