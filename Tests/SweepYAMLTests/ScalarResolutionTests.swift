import Foundation
import Testing

@testable import SweepYAML

/// `Node.value` against 7,863 scalars resolved by OmegaConf's YAML loader
/// (Fixtures/yaml_scalars.json, made by scripts/fixtures/yaml_scalars.py).
@Suite struct ScalarResolutionTests {
    struct Fixture: Decodable {
        let entries: [Entry]
    }

    struct Entry: Decodable {
        let text: String
        let style: String
        let tag: String?
        let expected: Expected

        enum Expected {
            case null, bool(Bool), int(Int), float(bits: UInt64, nan: Bool), string(String)
            case bigint, error
        }

        enum Keys: String, CodingKey {
            case text, style, tag, type, value, bits, nan
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            text = try c.decode(String.self, forKey: .text)
            style = try c.decode(String.self, forKey: .style)
            tag = try c.decodeIfPresent(String.self, forKey: .tag)
            switch try c.decode(String.self, forKey: .type) {
            case "null": expected = .null
            case "bool": expected = .bool(try c.decode(Bool.self, forKey: .value))
            case "int": expected = .int(try c.decode(Int.self, forKey: .value))
            case "float":
                let hex = try c.decode(String.self, forKey: .bits)
                guard let bits = UInt64(hex, radix: 16) else {
                    throw DecodingError.dataCorruptedError(forKey: .bits, in: c, debugDescription: hex)
                }
                expected = .float(bits: bits, nan: try c.decode(Bool.self, forKey: .nan))
            case "str": expected = .string(try c.decode(String.self, forKey: .value))
            case "bigint": expected = .bigint
            case "error": expected = .error
            case let other:
                throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: other)
            }
        }

        var node: Node? {
            let styles: [String: Node.Scalar.Style] = [
                "plain": .plain, "single": .singleQuoted, "double": .doubleQuoted, "literal": .literal,
                "folded": .folded,
            ]
            guard let style = styles[style] else { return nil }
            return Node(.scalar(Node.Scalar(text, style: style)), tag: tag)
        }
    }

    static let entries: [Entry] = {
        guard let url = Bundle.module.url(forResource: "yaml_scalars", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url),
            let fixture = try? JSONDecoder().decode(Fixture.self, from: data)
        else { return [] }
        return fixture.entries
    }()

    /// Whether a resolved value is what the loader produced; nil when it is.
    static func mismatch(_ entry: Entry) -> String? {
        guard let node = entry.node else { return "unknown style \(entry.style)" }
        guard case .scalar(let scalar) = node.content else { return "not a scalar" }
        let raw = ScalarResolver.value(of: scalar, tag: entry.tag)
        let value = node.value
        let ok: Bool
        switch entry.expected {
        case .null: ok = raw == .null && value == .null
        case .bool(let b): ok = raw == .bool(b) && value == .bool(b)
        case .int(let i): ok = raw == .int(i) && value == .int(i)
        case .string(let s): ok = raw == .string(s) && value == .string(s)
        case .float(let bits, let nan):
            if case .float(let d)? = raw, case .float(let e)? = value {
                ok = nan ? (d.isNaN && e.isNaN) : (d.bitPattern == bits && e.bitPattern == bits)
            } else {
                ok = false
            }
        // Integers beyond 64 bits and texts the loader rejects: no typed value, the text as a string.
        case .bigint, .error: ok = raw == nil && value == .string(entry.text)
        }
        if ok { return nil }
        return "\(entry.text.debugDescription) \(entry.style) \(entry.tag ?? "-"): expected \(entry.expected), "
            + "got \(String(describing: raw)) / \(String(describing: value))"
    }

    @Test func fixtureIsComplete() {
        #expect(Self.entries.count == 7863)
    }

    @Test func everyFixtureScalarResolvesLikeOmegaConf() {
        let failures = Self.entries.compactMap(Self.mismatch)
        #expect(failures.isEmpty, "\(failures.count) mismatches:\n\(failures.prefix(30).joined(separator: "\n"))")
    }

    @Test func parsedScalarsResolveThroughTheParser() throws {
        let node = try Support.parse(
            """
            a: yes
            b: 010
            c: 1:30
            d: 1e-3
            e: '1'
            f: ~
            g:
            h: !!str 12
            i: 0x1F
            j: .inf
            """)
        let values = Support.keys(node).map { Support.child(node, $0)?.value }
        #expect(
            values == [
                .bool(true), .int(8), .int(90), .float(0.001), .string("1"), .null, .null, .string("12"), .int(31),
                .float(.infinity),
            ])
        #expect(Support.scalar("x").value == .string("x"))
        #expect(Support.sequence([]).value == nil)
    }
}
