import SweepConfig
import Testing

/// Two numbers read from a sequence `[a, b]`.
struct FixPair: Decodable, Equatable {
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
        let value = try ConfigDecoder().decode([String: Double].self, from: nmap(["lr": nfloat(0.1), "beta": nint(4)]))
        #expect(value == ["lr": 0.1, "beta": 4])
        #expect(try ConfigDecoder().decode([String: Int].self, from: nmap([:])) == [:])
    }

    @Test("integer-keyed dictionaries decode too")
    func intKeys() throws {
        #expect(
            try ConfigDecoder().decode([Int: String].self, from: nmap(["1": nstr("a"), "20": nstr("b")])) == [
                1: "a", 20: "b",
            ])
    }

    @Test("an error inside a dictionary value names the full key path, at the value")
    func nestedError() throws {
        let file = try DecoderTempFile("optims:\n  sgd:\n    lr: fast\n    batch_size: 32\n    weight_decay: 0\n")
        defer { file.remove() }
        struct Root: Decodable { var optims: [String: FixOptim] }
        let node = nmap(
            [
                "optims": nmap(
                    [
                        "sgd": nmap(
                            [
                                "lr": nstr("fast", file.value("lr")),
                                "batch_size": nint(32, file.value("batch_size")),
                                "weight_decay": nint(0, file.value("weight_decay")),
                            ], file.at("lr"))
                    ], file.at("sgd"))
            ], file.at("optims"))
        #expect(
            decoderError(Root.self, node) == """
                \(file.path):3:9: error: optims.sgd.lr: expected a floating-point number, found the string 'fast'
                        lr: fast
                            ^
                """)
        #expect(
            decoderError([String: Int].self, nseq([nint(1)]), path: "counts")
                == "error: counts: expected a mapping, found a sequence")
    }
}

@Suite("ConfigDecoder: sequences")
struct ConfigDecoderSequenceTests {
    @Test("nested arrays decode, and errors carry index paths")
    func nestedArrays() throws {
        #expect(
            try ConfigDecoder().decode([[Int]].self, from: nseq([nseq([nint(1), nint(2)]), nseq([])])) == [[1, 2], []])
        let grid = nseq([
            nseq([nint(1), nint(2)]), nseq([nint(3), nstr("x", .override(text: "grid=[[1,2],[3,x]]", column: 15))]),
        ])
        #expect(
            decoderError([[Int]].self, grid, path: "grid") == """
                override 'grid=[[1,2],[3,x]]': error: grid[1][1]: expected an integer, found the string 'x'
                    grid=[[1,2],[3,x]]
                                  ^
                """)
        struct Net: Decodable { var layers: [FixModel] }
        let net = nmap([
            "layers": nseq([
                nmap(["name": nstr("a"), "layers": nseq([]), "activation": nstr("relu"), "latnet": nint(1)])
            ])
        ])
        #expect(
            decoderError(Net.self, net) == """
                error: unknown key 'layers[0].latnet'
                help: did you mean 'latent'?
                note: allowed keys in 'layers[0]': name, layers, activation, latent
                """)
        #expect(
            decoderError([Int].self, nmap([:]), path: "layers") == "error: layers: expected a sequence, found a mapping"
        )
    }

    @Test("a type reading a fixed number of elements: too few and too many are errors")
    func fixedLength() throws {
        #expect(try ConfigDecoder().decode(FixPair.self, from: nseq([nint(1), nint(2)])) == FixPair(a: 1, b: 2))
        #expect(
            decoderError(FixPair.self, nseq([nint(1)], .override(text: "pair=[1]", column: 6)), path: "pair") == """
                override 'pair=[1]': error: missing element 'pair[1]' in the sequence set by override 'pair=[1]'
                    pair=[1]
                         ^
                note: the sequence has 1 element
                """)
        #expect(
            decoderError(
                FixPair.self, nseq([nint(1), nint(2), nint(3, .override(text: "pair=[1,2,3]", column: 11))]),
                path: "pair") == """
                    override 'pair=[1,2,3]': error: pair: expected 2 elements, found 3
                        pair=[1,2,3]
                                  ^
                    note: 'pair[2]' is the first element not read
                    """)
    }
}
