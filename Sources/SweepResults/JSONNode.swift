import Collections
internal import SweepConfig

/// The pieces the JSON formats are built from: config nodes, written by `ConfigNode.jsonText`
/// (non-finite numbers as Python's `json` writes them: `NaN`, `Infinity`).
enum JSONNode {
    /// An override value: a number when its text spells a finite one, else a string.
    static func keyValue(_ text: String) -> ConfigNode {
        if let int = Int(text) { return ConfigNode(.int(int)) }
        if case .number(let d)? = try? JSONScanner.parse(text), d.isFinite { return ConfigNode(.float(d)) }
        return ConfigNode(.string(text))
    }

    /// `{mean, std, n}` of one aggregated metric.
    static func aggregate(_ value: Aggregate) -> ConfigNode {
        .object([
            ("mean", ConfigNode(.float(value.mean))),
            ("std", value.std.map { ConfigNode(.float($0)) } ?? ConfigNode(.null)),
            ("n", ConfigNode(.int(value.count))),
        ])
    }
}

extension ConfigNode {
    /// A mapping from key–value pairs in order (a later duplicate key replaces an earlier one).
    static func object(_ pairs: [(String, ConfigNode)]) -> ConfigNode {
        var mapping = OrderedDictionary<String, ConfigNode>()
        for (key, value) in pairs { mapping[key] = value }
        return ConfigNode(.mapping(mapping))
    }

    /// A list of strings.
    static func strings(_ values: [String]) -> ConfigNode {
        ConfigNode(.sequence(values.map { ConfigNode(.string($0)) }))
    }
}
