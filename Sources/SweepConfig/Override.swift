import SweepYAML

/// One command-line override in Hydra 1.3's grammar: `k=v`, `+k=v`, `++k=v`, `~k`, `~k=v`,
/// `group=option`, `group@pkg=option`, with sweeps such as `a,b,c` or `range(0,10)`.
public struct Override: Sendable, Equatable {
    /// What the override does to its key.
    public var kind: Kind
    /// The key path as written: `a.b.c`, or a group path `db` / `server/db`.
    public var key: String
    /// The part after `@` in `group@pkg=option` (`""` for the global package).
    public var package: String?
    /// The value; nil for `~k` with no value.
    public var value: OverrideValue?
    /// The override as the user wrote it.
    public var text: String
    /// The 1-based column in `text` where the value starts (for carets).
    public var valueColumn: Int

    /// Creates an override from its parts.
    public init(kind: Kind, key: String, package: String? = nil, value: OverrideValue?, text: String, valueColumn: Int)
    {
        self.kind = kind
        self.key = key
        self.package = package
        self.value = value
        self.text = text
        self.valueColumn = valueColumn
    }

    /// Parses one override; a syntax error or a bad function call is an error with a caret.
    public static func parse(_ text: String) throws(ConfigError) -> Override {
        var parser = try OverrideParser(text)
        return try parser.parseOverride()
    }

    /// Whether the value is a sweep (`a,b`, `choice()`, `range()`, `interval()`, `glob()`, …).
    public var isSweep: Bool { value?.isSweep ?? false }

    /// The sweep, when the value is one.
    public var sweep: Sweep? {
        if case .sweep(let sweep) = value { return sweep }
        return nil
    }

    /// Where the value is, for diagnostics.
    public var origin: Origin { .override(text: text, column: valueColumn) }

    /// The key as Hydra writes it into overrides.yaml: prefix (`~`, `+`, `++`), key and `@package`.
    public var keyElement: String {
        let prefix: String
        switch kind {
        case .change: prefix = ""
        case .add: prefix = "+"
        case .forceAdd: prefix = "++"
        case .delete: prefix = "~"
        }
        return prefix + key + (package.map { "@" + $0 } ?? "")
    }

    /// The override re-rendered as Hydra writes it into a job's overrides.yaml
    /// (`a=1e-3` → `a=0.001`, `~a` → `~a=null`); a sweep is shown in the grammar.
    public var hydraText: String {
        keyElement + "=" + (value?.hydraText ?? "null")
    }

    /// One override line per value, as Hydra's BasicSweeper gives them to the jobs;
    /// a non-sweep gives its one line. `groupOptions` serve `glob()`.
    public func hydraLines(groupOptions: [String] = []) throws(ConfigError) -> [String] {
        guard let sweep else { return [hydraText] }
        let isGlob: Bool
        if case .glob = sweep.kind { isGlob = true } else { isGlob = false }
        return try sweepValues(groupOptions: groupOptions).map { value in
            // Hydra writes glob matches as they are, other values through its renderer.
            keyElement + "=" + (isGlob ? (value.stringValue ?? value.hydraText) : value.hydraText)
        }
    }

    /// The values of the sweep (or the one value), with errors located at this override.
    public func sweepValues(groupOptions: [String] = []) throws(ConfigError) -> [OverrideValue] {
        guard let sweep else { return [value ?? .null] }
        do {
            return try sweep.values(groupOptions: groupOptions)
        } catch {
            throw ConfigError(
                error.diagnostics.map { d in
                    Diagnostic(d.message, at: .override(text: text, column: valueColumn), notes: d.notes)
                })
        }
    }
}
