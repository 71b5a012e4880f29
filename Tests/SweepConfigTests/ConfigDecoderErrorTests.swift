import SweepConfig
import SweepYAML
import Testing

/// `{model: FixModel}`.
struct FixModelRoot: Decodable {
    var model: FixModel
}

/// `{optim: FixOptim}`.
struct FixOptimRoot: Decodable {
    var optim: FixOptim
}

/// A type with one mandatory-in-the-config key.
struct FixLatent: Decodable {
    var latent: Int
}

@Suite("ConfigDecoder: unknown keys")
struct ConfigDecoderUnknownKeyTests {
    @Test("a key the type never asks for is an error at that key, with a did-you-mean and the allowed keys")
    func unknownKeyInFile() throws {
        let file = try DecoderTempFile(
            """
            model:
              name: vae
              layers: [784, 10]
              activation: relu
              latnet: 2

            """)
        defer { file.remove() }
        let node = nmap(
            [
                "model": nmap(
                    [
                        "name": nstr("vae", file.value("name")),
                        "layers": nseq([nint(784), nint(10)], file.value("layers")),
                        "activation": nstr("relu", file.value("activation")),
                        "latnet": nint(2, file.value("latnet")),
                    ], file.at("name"))
            ], file.at("model"))
        #expect(
            decoderError(FixModelRoot.self, node) == """
                \(file.path):5:11: error: unknown key 'model.latnet'
                      latnet: 2
                              ^
                help: did you mean 'latent'?
                note: allowed keys in 'model': name, layers, activation, latent
                """)
    }

    @Test("every unknown key of a mapping is reported, in config order, without a guess when none is close")
    func severalUnknownKeysFromOverrides() {
        let node = nmap([
            "extra": nint(1, .override(text: "+extra=1", column: 8)),
            "model": nmap(["name": nstr("mlp"), "layers": nseq([]), "activation": nstr("relu")]),
            "epochz": nint(3, .override(text: "+epochz=3", column: 9)),
        ])
        #expect(
            decoderError(FixModelRoot.self, node) == """
                override '+extra=1': error: unknown key 'extra'
                    +extra=1
                           ^
                note: allowed keys at the top level: model

                override '+epochz=3': error: unknown key 'epochz'
                    +epochz=3
                            ^
                note: allowed keys at the top level: model
                """)
    }

    @Test("a key without an origin is reported at its mapping")
    func unknownKeyFallsBackToMappingOrigin() {
        let node = nmap(["latent": nint(2), "beta": nfloat(4)], .override(text: "model={latent:2,beta:4}", column: 7))
        #expect(
            decoderError(FixLatent.self, node, path: "model") == """
                override 'model={latent:2,beta:4}': error: unknown key 'model.beta'
                    model={latent:2,beta:4}
                          ^
                note: allowed keys in 'model': latent
                """)
    }

    @Test("a type that asks for no keys rejects every key")
    func emptyType() {
        struct Nothing: Decodable {
            init(from decoder: any Decoder) throws {}
        }
        #expect(ConfigDecoderTestsSupport.succeeds(Nothing.self, nmap([:])))
        #expect(
            decoderError(Nothing.self, nmap(["x": nint(1)]), path: "empty") == """
                error: unknown key 'empty.x'
                note: no keys are allowed in 'empty'
                """)
    }
}

@Suite("ConfigDecoder: wrong types")
struct ConfigDecoderTypeMismatchTests {
    @Test("a wrong type names the key path, what was expected and what was found, at the value")
    func wrongTypeInFile() throws {
        let file = try DecoderTempFile("optim:\n  lr: abc\n  batch_size: 64\n  weight_decay: 0\n")
        defer { file.remove() }
        let node = nmap(
            [
                "optim": nmap(
                    [
                        "lr": nstr("abc", file.value("lr")),
                        "batch_size": nint(64, file.value("batch_size")),
                        "weight_decay": nint(0, file.value("weight_decay")),
                    ], file.at("lr"))
            ], file.at("optim"))
        #expect(
            decoderError(FixOptimRoot.self, node) == """
                \(file.path):2:7: error: optim.lr: expected a floating-point number, found the string 'abc'
                      lr: abc
                          ^
                """)
    }

    @Test("a string that reads as a number is that number; any other string is an error")
    func numericStrings() throws {
        let node = nmap(["lr": nstr("1e-3"), "batch_size": nstr("64"), "weight_decay": nstr("0")])
        #expect(
            try ConfigDecoder().decode(FixOptim.self, from: node) == FixOptim(lr: 1e-3, batchSize: 64, weightDecay: 0))
        let bad = nmap([
            "lr": nstr("1e-3"), "batch_size": nstr("64.5", .override(text: "optim.batch_size=64.5", column: 18)),
            "weight_decay": nint(0),
        ])
        #expect(
            decoderError(FixOptim.self, bad, path: "optim") == """
                override 'optim.batch_size=64.5': error: optim.batch_size: expected an integer, found the string '64.5'
                    optim.batch_size=64.5
                                     ^
                """)
    }

    @Test("a scalar where a mapping or a sequence belongs")
    func containersExpected() throws {
        let file = try DecoderTempFile("model: vae\n")
        defer { file.remove() }
        #expect(
            decoderError(FixModelRoot.self, nmap(["model": nstr("vae", file.value("model"))], file.at("model"))) == """
                \(file.path):1:8: error: model: expected a mapping, found the string 'vae'
                    model: vae
                           ^
                """)
        let model = nmap(["name": nstr("mlp"), "layers": nint(784), "activation": nstr("relu")])
        #expect(
            decoderError(FixModel.self, model, path: "model") == """
                error: model.layers: expected a sequence, found the integer 784
                """)
        #expect(decoderError(FixModel.self, nseq([])) == "error: expected a mapping, found a sequence")
    }
}

@Suite("ConfigDecoder: missing keys")
struct ConfigDecoderMissingKeyTests {
    @Test("a missing key names its path and the mapping's origin")
    func missingKeyInFile() throws {
        let file = try DecoderTempFile("batch_size: 64\nweight_decay: 0\n", name: "adam.yaml")
        defer { file.remove() }
        let node = nmap(
            ["batch_size": nint(64, file.value("batch_size")), "weight_decay": nint(0, file.value("weight_decay"))],
            file.at("batch_size"))
        #expect(
            decoderError(FixOptim.self, node, path: "optim") == """
                \(file.path):1:1: error: missing key 'optim.lr' in the mapping at \(file.path):1:1
                    batch_size: 64
                    ^
                help: add 'lr' to the mapping or set it with '+optim.lr=…'
                """)
    }

    @Test("a misspelt key in the mapping is pointed out")
    func missingKeyWithTypo() {
        let node = nmap(
            ["name": nstr("mlp"), "layers": nseq([]), "activaton": nstr("relu")],
            .override(text: "model={name:mlp,layers:[],activaton:relu}", column: 7))
        #expect(
            decoderError(FixModel.self, node, path: "model") == """
                override 'model={name:mlp,layers:[],activaton:relu}': error: missing key 'model.activation' in the mapping set by override 'model={name:mlp,layers:[],activaton:relu}'
                    model={name:mlp,layers:[],activaton:relu}
                          ^
                help: the mapping has 'activaton'; did you mean 'activation'?
                help: add 'activation' to the mapping or set it with '+model.activation=…'
                """)
    }

    @Test("a missing key in a mapping with no origin")
    func missingKeyNoOrigin() {
        #expect(
            decoderError(FixLatent.self, nmap([:])) == """
                error: missing key 'latent'
                help: add 'latent' to the mapping or set it with '+latent=…'
                """)
    }
}

@Suite("ConfigDecoder: mandatory values")
struct ConfigDecoderMandatoryTests {
    @Test("'???' left unset is an error where it is read")
    func mandatoryInFile() throws {
        let file = try DecoderTempFile("model:\n  latent: ???\n")
        defer { file.remove() }
        struct Root: Decodable { var model: FixLatent }
        let node = nmap(
            ["model": nmap(["latent": nmissing(file.value("latent"))], file.at("latent"))], file.at("model"))
        #expect(
            decoderError(Root.self, node) == """
                \(file.path):2:11: error: model.latent is mandatory ('???') and was not set; set it with 'model.latent=…'
                      latent: ???
                              ^
                """)
    }

    @Test("decodeIfPresent of '???' is the same error, never nil")
    func mandatoryOptional() {
        let node = nmap(["name": nstr("vae"), "layers": nseq([]), "activation": nstr("relu"), "latent": nmissing()])
        #expect(
            decoderError(FixModel.self, node, path: "model") == """
                error: model.latent is mandatory ('???') and was not set; set it with 'model.latent=…'
                """)
        #expect(
            decoderError(Int?.self, nmissing(.override(text: "x=???", column: 3)), path: "x") == """
                override 'x=???': error: x is mandatory ('???') and was not set; set it with 'x=…'
                    x=???
                      ^
                """)
    }

    @Test("'???' inside sequences and where a mapping belongs")
    func mandatoryElsewhere() {
        #expect(
            decoderError([Int].self, nseq([nint(1), nmissing()]), path: "layers") == """
                error: layers[1] is mandatory ('???') and was not set; set it with 'layers[1]=…'
                """)
        #expect(
            decoderError(FixModelRoot.self, nmap(["model": nmissing()])) == """
                error: model is mandatory ('???') and was not set; set it with 'model=…'
                """)
        #expect(
            decoderError([Int?].self, nseq([nnull(), nmissing()]), path: "xs") == """
                error: xs[1] is mandatory ('???') and was not set; set it with 'xs[1]=…'
                """)
    }

    @Test("'???' is fine when never read and passes through inside a raw ConfigNode")
    func mandatoryNotRead() throws {
        struct Raw: Decodable { var sweep: ConfigNode }
        let raw = try ConfigDecoder().decode(Raw.self, from: nmap(["sweep": nmap(["beta": nmissing()])]))
        #expect(raw.sweep == nmap(["beta": nmissing()]))
    }
}

enum ConfigDecoderTestsSupport {
    /// Whether decoding succeeds.
    static func succeeds<T: Decodable>(_ type: T.Type, _ node: ConfigNode) -> Bool {
        decoderError(type, node) == nil
    }
}
