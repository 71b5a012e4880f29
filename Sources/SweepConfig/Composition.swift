public import Collections

/// The result of composing: the resolved config, the tree before interpolation, the group
/// choices and the files that were merged.
public struct Composition: Sendable {
    /// The composed config with every interpolation resolved.
    public var config: ConfigNode {
        didSet { mayHoldMissing = true }
    }
    /// The composed config before interpolation (what the overrides were applied to).
    public var unresolved: ConfigNode
    /// The option chosen for each config group (`nil` for `group: null`), in defaults order.
    public var choices: OrderedDictionary<String, String?>
    /// The config files merged, in merge order.
    public var files: [String]
    /// False when the composer saw no `???` anywhere in `config` (so the check for unset values
    /// need not walk a large tree again); any change to `config` sets it back to true.
    private var mayHoldMissing = true

    /// Creates a composition.
    public init(
        config: ConfigNode, unresolved: ConfigNode, choices: OrderedDictionary<String, String?>, files: [String]
    ) {
        self.config = config
        self.unresolved = unresolved
        self.choices = choices
        self.files = files
    }

    /// Creates a composition whose composer knows whether `config` holds any `???`.
    init(
        config: ConfigNode, unresolved: ConfigNode, choices: OrderedDictionary<String, String?>, files: [String],
        mayHoldMissing: Bool
    ) {
        self.init(config: config, unresolved: unresolved, choices: choices, files: files)
        self.mayHoldMissing = mayHoldMissing
    }
}

extension Composition {
    /// Throws one diagnostic per `???` value left unset, at the place it was declared.
    public func checkComplete() throws(ConfigError) {
        guard mayHoldMissing else { return }
        let missing = config.missingValues()
        guard !missing.isEmpty else { return }
        throw ConfigError(missing.flatMap { ConfigDecoder.mandatory(path: $0.path, at: $0.node.origin).diagnostics })
    }
}
