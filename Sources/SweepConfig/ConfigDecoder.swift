/// A strict `Decoder` over a resolved ``ConfigNode`` tree, for `Decodable` config types.
///
/// Rules, chosen to match what a Hydra user expects while staying strict:
/// - Every key of a mapping must be asked for by the type (`decode`, `decodeIfPresent`,
///   `contains`, `nestedContainer`, `superDecoder`); any other key is an error at that key,
///   with the allowed keys and a did-you-mean. A sequence read by an unkeyed container must
///   be read to its end.
/// - Integers: from integers, and from floats with an integral value (`2.0`, stricter
///   OmegaConf rejects it); `1.5` and values out of the target type's range are errors, never
///   traps.
/// - Floating-point numbers: from floats and integers.
/// - Numbers also from strings that read in full as one (`"1e-3"`, `"64"`), as OmegaConf does:
///   interpolations such as `${oc.env:BATCH,64}` resolve to strings.
/// - Booleans: from booleans only (YAML 1.1 already reads `yes`/`on` as booleans).
/// - Strings: from strings, and from integers (`name: 123` gives `"123"`, as in OmegaConf).
///   Floats and booleans are rejected because their text is not kept (`1.10` would become
///   `1.1`, `on` would become `true`): quote them.
/// - `???` (a mandatory value left unset) is an error wherever it is read, also by
///   `decodeIfPresent`; `null` decodes to `nil` for optionals.
/// - `CaseIterable` enums with `String` or `Int` raw values list their valid values.
/// - Decoding ``ConfigNode`` itself returns the subtree untouched.
/// - A `DecodingError` or any other error thrown by a type's own `init(from:)` becomes a
///   ``ConfigError`` at the origin of the value it is about.
public struct ConfigDecoder: Sendable {
    /// Creates a decoder.
    public init() {}

    /// Decodes `type` from a resolved config tree; `path` is the key path of `node` ("" for the root).
    public func decode<T: Decodable>(_ type: T.Type, from node: ConfigNode, path: String = "") throws(ConfigError) -> T
    {
        do {
            return try Self.decodeValue(type, from: node, path: path, codingPath: [], fallback: .none)
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError(Self.diagnostic(Self.prefix(path) + String(describing: error), at: node.origin))
        }
    }

    /// Decodes one value: passes ``ConfigNode`` through, checks `???` and enums, runs the type's
    /// initialiser, translates its errors and then checks that every key was asked for.
    static func decodeValue<T: Decodable>(
        _ type: T.Type, from node: ConfigNode, path: String, codingPath: [any CodingKey], fallback: Origin
    ) throws -> T {
        if T.self == ConfigNode.self, let passthrough = node as? T {
            return passthrough
        }
        let origin = effectiveOrigin(node.origin, fallback: fallback)
        if case .missing = node.value {
            throw mandatory(path: path, at: origin)
        }
        if Self.mayBeEnum(type, node), let error = enumError(type, node: node, path: path, origin: origin) {
            throw error
        }
        let decoder = Impl(node: node, path: path, codingPath: codingPath, origin: origin)
        let value: T
        do {
            value = try T(from: decoder)
        } catch let error as ConfigError {
            throw error
        } catch let error as DecodingError {
            throw translate(error, in: decoder, type: type)
        } catch {
            throw ConfigError(diagnostic(prefix(path) + String(describing: error), at: origin))
        }
        try decoder.finish()
        return value
    }

    /// The node's own origin, or `fallback` (the nearest ancestor's) when it has none.
    static func effectiveOrigin(_ origin: Origin, fallback: Origin) -> Origin {
        if case .none = origin { return fallback }
        return origin
    }
}
