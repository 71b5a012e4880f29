import Foundation
import SweepConfig
import Testing

/// Validates its own values and throws `DecodingError`s like a hand-written config type would.
struct FixSchedule: Decodable {
    var warmup: Int
    var peak: Double

    enum CodingKeys: String, CodingKey {
        case warmup, peak
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        warmup = try container.decode(Int.self, forKey: .warmup)
        peak = try container.decodeIfPresent(Double.self, forKey: .peak) ?? 0.1
        if warmup < 0 {
            throw DecodingError.dataCorruptedError(
                forKey: .warmup, in: container, debugDescription: "warmup must not be negative, found \(warmup)")
        }
        if peak > 1 {
            throw Invalid(message: "peak must be at most 1")
        }
    }

    /// A plain validation error.
    struct Invalid: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// Reads `inner.{a}` through a nested container and `base` through a super decoder.
struct FixLayered: Decodable {
    var a: Int
    var base: FixLatent
    var first: Int

    enum CodingKeys: String, CodingKey {
        case inner, base, list
    }

    enum InnerKeys: String, CodingKey {
        case a
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let inner = try container.nestedContainer(keyedBy: InnerKeys.self, forKey: .inner)
        a = try inner.decode(Int.self, forKey: .a)
        base = try FixLatent(from: container.superDecoder(forKey: .base))
        var list = try container.nestedUnkeyedContainer(forKey: .list)
        first = try list.decode(Int.self)
    }
}

/// A duration read from a single number.
struct FixSeconds: Decodable, Equatable {
    var value: Double

    init(value: Double) {
        self.value = value
    }

    init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(Double.self)
    }
}

@Suite("ConfigDecoder: errors thrown by a type's own initialiser")
struct ConfigDecoderCustomInitTests {
    @Test("a DecodingError about a key is reported at that key's value")
    func decodingErrorAtKey() throws {
        let file = try DecoderTempFile("schedule:\n  warmup: -5\n")
        defer { file.remove() }
        let node = nmap(["warmup": nint(-5, file.value("warmup"))], file.at("warmup"))
        #expect(
            decoderError(FixSchedule.self, node, path: "schedule") == """
                \(file.path):2:11: error: schedule.warmup: warmup must not be negative, found -5
                      warmup: -5
                              ^
                """)
    }

    @Test("any other error is reported at the value being decoded")
    func otherError() {
        let node = nmap(
            ["warmup": nint(1), "peak": nint(2)], .override(text: "schedule={warmup:1,peak:2}", column: 10))
        #expect(
            decoderError(FixSchedule.self, node, path: "schedule") == """
                override 'schedule={warmup:1,peak:2}': error: schedule: peak must be at most 1
                    schedule={warmup:1,peak:2}
                             ^
                """)
    }

    @Test("a keyNotFound thrown by hand reads like a missing key")
    func keyNotFound() {
        struct Needs: Decodable {
            enum K: String, CodingKey { case seed }
            init(from decoder: any Decoder) throws {
                throw DecodingError.keyNotFound(
                    K.seed, .init(codingPath: decoder.codingPath, debugDescription: "no seed"))
            }
        }
        struct Root: Decodable { var train: Needs }
        #expect(
            decoderError(Root.self, nmap(["train": nmap([:])])) == """
                error: missing key 'train.seed'
                help: add 'seed' to the mapping or set it with '+train.seed=…'
                """)
    }

    @Test("a typeMismatch thrown by hand is reported at the value its coding path names")
    func typeMismatchByHand() {
        struct Strict: Decodable {
            enum K: String, CodingKey { case x }
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: K.self)
                _ = try c.decode(Double.self, forKey: .x)
                throw DecodingError.typeMismatch(
                    Int.self, .init(codingPath: c.codingPath + [K.x], debugDescription: "x must be a whole number"))
            }
        }
        let node = nmap(["x": nfloat(1.5, .override(text: "s.x=1.5", column: 5))])
        #expect(
            decoderError(Strict.self, node, path: "s") == """
                override 's.x=1.5': error: s.x: x must be a whole number
                    s.x=1.5
                        ^
                """)
    }

    @Test("a RawRepresentable type's own dataCorrupted message is kept")
    func ownMessageKept() {
        struct Port: RawRepresentable, Decodable {
            var rawValue: Int
            init?(rawValue: Int) {
                guard (1...65535).contains(rawValue) else { return nil }
                self.rawValue = rawValue
            }
            init(from decoder: any Decoder) throws {
                let c = try decoder.singleValueContainer()
                guard let port = Port(rawValue: try c.decode(Int.self)) else {
                    throw DecodingError.dataCorruptedError(in: c, debugDescription: "a port is from 1 to 65535")
                }
                self = port
            }
        }
        #expect(decoderError(Port.self, nint(0), path: "port") == "error: port: a port is from 1 to 65535")
    }

    @Test("superDecoder() reads the key 'super'")
    func superKey() throws {
        struct Derived: Decodable {
            var base: FixLatent
            var own: Int
            enum K: String, CodingKey { case own }
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: K.self)
                own = try c.decode(Int.self, forKey: .own)
                base = try FixLatent(from: c.superDecoder())
            }
        }
        let value = try ConfigDecoder().decode(
            Derived.self, from: nmap(["own": nint(1), "super": nmap(["latent": nint(2)])]))
        #expect(value.base.latent == 2 && value.own == 1)
        #expect(
            decoderError(Derived.self, nmap(["own": nint(1)]), path: "d") == """
                error: missing key 'd.super'
                help: add 'super' to the mapping or set it with '+d.super=…'
                """)
    }

    @Test("nested containers and super decoders are strict too")
    func nestedStrictness() throws {
        let good = nmap(["inner": nmap(["a": nint(1)]), "base": nmap(["latent": nint(2)]), "list": nseq([nint(3)])])
        let value = try ConfigDecoder().decode(FixLayered.self, from: good)
        #expect(value.a == 1 && value.base.latent == 2 && value.first == 3)
        let extraInner = nmap([
            "inner": nmap(["a": nint(1), "bogus": nint(0)]), "base": nmap(["latent": nint(2)]), "list": nseq([nint(3)]),
        ])
        #expect(
            decoderError(FixLayered.self, extraInner, path: "l") == """
                error: unknown key 'l.inner.bogus'
                note: allowed keys in 'l.inner': a
                """)
        let extraBase = nmap([
            "inner": nmap(["a": nint(1)]), "base": nmap(["latent": nint(2), "latnet": nint(2)]),
            "list": nseq([nint(3)]),
        ])
        #expect(
            decoderError(FixLayered.self, extraBase, path: "l") == """
                error: unknown key 'l.base.latnet'
                help: did you mean 'latent'?
                note: allowed keys in 'l.base': latent
                """)
        let longList = nmap([
            "inner": nmap(["a": nint(1)]), "base": nmap(["latent": nint(2)]), "list": nseq([nint(3), nint(4)]),
        ])
        #expect(
            decoderError(FixLayered.self, longList, path: "l") == """
                error: l.list: expected 1 element, found 2
                note: 'l.list[1]' is the first element not read
                """)
    }

    @Test("contains() counts as asking for a key")
    func containsAsks() throws {
        struct Either: Decodable {
            var value: Int
            enum K: String, CodingKey { case value, legacy }
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: K.self)
                value = c.contains(.legacy) ? 0 : try c.decode(Int.self, forKey: .value)
            }
        }
        #expect(try ConfigDecoder().decode(Either.self, from: nmap(["value": nint(5)])).value == 5)
        #expect(
            decoderError(Either.self, nmap(["value": nint(5), "other": nint(1)])) == """
                error: unknown key 'other'
                note: allowed keys at the top level: legacy, value
                """)
    }

    @Test("a single-value type reads its node")
    func singleValue() throws {
        struct Limits: Decodable { var timeout: FixSeconds }
        #expect(
            try ConfigDecoder().decode(Limits.self, from: nmap(["timeout": nint(90)])).timeout == FixSeconds(value: 90))
        #expect(
            decoderError(Limits.self, nmap(["timeout": nstr("1h")]))
                == "error: timeout: expected a floating-point number, found the string '1h'")
    }
}

@Suite("ConfigDecoder: ConfigNode passthrough")
struct ConfigDecoderPassthroughTests {
    @Test("a ConfigNode field keeps its subtree untouched, origins included")
    func passthrough() throws {
        struct Root: Decodable {
            var sweep: ConfigNode
            var extra: [ConfigNode]
        }
        let origin = Origin.override(text: "sweep.params.beta=1,10", column: 19)
        let sweep = nmap(["params": nmap(["beta": nstr("1,10", origin)]), "anything": nseq([nnull(), nmissing()])])
        let root = try ConfigDecoder().decode(
            Root.self, from: nmap(["sweep": sweep, "extra": nseq([nint(1), nmap(["k": nbool(true)])])]))
        #expect(root.sweep == sweep)
        guard case .mapping(let m) = root.sweep.value, case .mapping(let params)? = m["params"].map(\.value) else {
            Issue.record("not a mapping")
            return
        }
        #expect(params["beta"]?.origin == origin)
        #expect(root.extra == [nint(1), nmap(["k": nbool(true)])])
        #expect(try ConfigDecoder().decode(ConfigNode.self, from: nmissing()) == nmissing())
    }

    @Test("a ConfigNode also decodes from other decoders")
    func fromJSON() throws {
        let json = Data(#"{"a": [1, 2.5, "x", null, true, "???"]}"#.utf8)
        let node = try JSONDecoder().decode(ConfigNode.self, from: json)
        #expect(node == nmap(["a": nseq([nint(1), nfloat(2.5), nstr("x"), nnull(), nbool(true), nmissing()])]))
    }
}
