import SweepConfig
import Testing

/// Two numbers read from a sequence `[a, b]`.
struct Pair: Decodable, Equatable {
    var a: Int
    var b: Int

    init(a: Int, b: Int) {
        self.a = a
        self.b = b
    }

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        a = try container.decode(Int.self)
        b = try container.decode(Int.self)
    }
}

@Suite("ConfigDecoder: dictionaries")
struct ConfigDecoderDictionaryTests {
    @Test("string-keyed dictionaries decode every key")
    func stringKeys() throws {
        let value = try ConfigDecoder().decode([String: Double].self, from: map(["lr": float(0.1), "beta": int(4)]))
        #expect(value == ["lr": 0.1, "beta": 4])
        #expect(try ConfigDecoder().decode([String: Int].self, from: map([:])) == [:])
    }

    @Test("integer-keyed dictionaries decode too")
    func intKeys() throws {
        #expect(try ConfigDecoder().decode([Int: String].self, from: map(["1": str("a"), "20": str("b")])) == [1: "a", 20: "b"])
    }

    @Test("an error inside a dictionary value names the full key path, at the value")
    func nestedError() throws {
        let file = try ConfigFile("optims:\n  sgd:\n    lr: fast\n    batch_size: 32\n    weight_decay: 0\n")
        defer { file.remove() }
        struct Root: Decodable { var optims: [String: OptimConfig] }
        let node = map([
            "optims": map([
                "sgd": map([
                    "lr": str("fast", file.value("lr")),
                    "batch_size": int(32, file.value("batch_size")),
                    "weight_decay": int(0, file.value("weight_decay")),
                ], file.at("lr")),
            ], file.at("sgd")),
        ], file.at("optims"))
        #expect(
            decodeError(Root.self, node) == """
                \(file.path):3:9: error: optims.sgd.lr: expected a floating-point number, found the string 'fast'
                        lr: fast
                            ^
                """)
        #expect(
            decodeError([String: Int].self, seq([int(1)]), path: "counts")
                == "error: counts: expected a mapping, found a sequence")
    }
}

@Suite("ConfigDecoder: sequences")
struct ConfigDecoderSequenceTests {
    @Test("nested arrays decode, and errors carry index paths")
    func nestedArrays() throws {
        #expect(try ConfigDecoder().decode([[Int]].self, from: seq([seq([int(1), int(2)]), seq([])])) == [[1, 2], []])
        let grid = seq([seq([int(1), int(2)]), seq([int(3), str("x", .override(text: "grid=[[1,2],[3,x]]", column: 15))])])
        #expect(
            decodeError([[Int]].self, grid, path: "grid") == """
                override 'grid=[[1,2],[3,x]]': error: grid[1][1]: expected an integer, found the string 'x'
                    grid=[[1,2],[3,x]]
                                  ^
                """)
        struct Net: Decodable { var layers: [ModelConfig] }
        let net = map(["layers": seq([map(["name": str("a"), "layers": seq([]), "activation": str("relu"), "latnet": int(1)])])])
        #expect(
            decodeError(Net.self, net) == """
                error: unknown key 'layers[0].latnet'
                help: did you mean 'latent'?
                note: allowed keys in 'layers[0]': name, layers, activation, latent
                """)
        #expect(decodeError([Int].self, map([:]), path: "layers") == "error: layers: expected a sequence, found a mapping")
    }

    @Test("a type reading a fixed number of elements: too few and too many are errors")
    func fixedLength() throws {
        #expect(try ConfigDecoder().decode(Pair.self, from: seq([int(1), int(2)])) == Pair(a: 1, b: 2))
        #expect(
            decodeError(Pair.self, seq([int(1)], .override(text: "pair=[1]", column: 6)), path: "pair") == """
                override 'pair=[1]': error: missing element 'pair[1]' in the sequence set by override 'pair=[1]'
                    pair=[1]
                         ^
                note: the sequence has 1 element
                """)
        #expect(
            decodeError(Pair.self, seq([int(1), int(2), int(3, .override(text: "pair=[1,2,3]", column: 11))]), path: "pair") == """
                override 'pair=[1,2,3]': error: pair: expected 2 elements, found 3
                    pair=[1,2,3]
                              ^
                note: 'pair[2]' is the first element not read
                """)
    }
}
