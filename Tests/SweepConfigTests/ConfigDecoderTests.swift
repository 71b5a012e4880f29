import SweepConfig
import SweepYAML
import Testing

// A trainer-like config, as `sweep-train` would declare it.

enum FixActivation: String, Decodable, CaseIterable, Equatable {
    case relu, swish, softplus
}

struct FixModel: Decodable, Equatable {
    var name: String
    var layers: [Int]
    var activation: FixActivation
    var latent: Int?
}

struct FixOptim: Decodable, Equatable {
    var lr: Double
    var batchSize: Int
    var weightDecay: Float

    enum CodingKeys: String, CodingKey {
        case lr
        case batchSize = "batch_size"
        case weightDecay = "weight_decay"
    }
}

struct FixCBP: Decodable, Equatable {
    var replacementRate: Double
    var maturity: Int

    enum CodingKeys: String, CodingKey {
        case replacementRate = "replacement_rate"
        case maturity
    }
}

struct FixRegularisers: Decodable, Equatable {
    var l1: Double?
    var l2: Double?
    var dropout: Double
    var cbp: FixCBP?
}

struct FixTrainer: Decodable {
    var model: FixModel
    var optim: FixOptim
    var regularisers: FixRegularisers
    var epochs: Int
    var seed: UInt64
    var deterministic: Bool
    var metrics: [String: String]
    var sweep: ConfigNode?
}

@Suite("ConfigDecoder: a trainer config")
struct ConfigDecoderTrainerTests {
    /// The config of a β-VAE cell, as the composer would hand it over.
    static func trainerNode(_ file: DecoderTempFile) -> ConfigNode {
        nmap(
            [
                "model": nmap(
                    [
                        "name": nstr("vae", file.value("name")),
                        "layers": nseq([nint(784), nint(512), nint(2)], file.value("layers")),
                        "activation": nstr("swish", file.value("activation")),
                        "latent": nint(2, file.value("latent")),
                    ], file.at("name")),
                "optim": nmap(
                    [
                        "lr": nfloat(0.001, file.value("lr")),
                        "batch_size": nint(128, file.value("batch_size")),
                        "weight_decay": nint(0, file.value("weight_decay")),
                    ], file.at("lr")),
                "regularisers": nmap(
                    [
                        "l1": nnull(file.value("l1")),
                        "dropout": nfloat(0.1, file.value("dropout")),
                        "cbp": nmap(
                            [
                                "replacement_rate": nfloat(1e-4, file.value("replacement_rate")),
                                "maturity": nint(100, file.value("maturity")),
                            ], file.at("replacement_rate")),
                    ], file.at("l1")),
                "epochs": nfloat(1.0, file.value("epochs")),
                "seed": nint(7, file.value("seed")),
                "deterministic": nbool(true, file.value("deterministic")),
                "metrics": nmap(["loss": nstr("train/loss"), "acc": nstr("test/acc")]),
                "sweep": nmap(["params": nmap(["beta": nstr("1,10", file.value("beta"))])], file.at("params")),
            ], file.at("model"))
    }

    static let text = """
        model:
          name: vae
          layers: [784, 512, 2]
          activation: swish
          latent: 2
        optim:
          lr: 0.001
          batch_size: 128
          weight_decay: 0
        regularisers:
          l1: null
          dropout: 0.1
          cbp:
            replacement_rate: 1.0e-4
            maturity: 100
        epochs: 1.0
        seed: 7
        deterministic: true
        metrics: {loss: train/loss, acc: test/acc}
        sweep:
          params:
            beta: 1,10

        """

    @Test("a nested trainer config decodes into its types")
    func decodesTrainerConfig() throws {
        let file = try DecoderTempFile(Self.text)
        defer { file.remove() }
        let config = try ConfigDecoder().decode(FixTrainer.self, from: Self.trainerNode(file))
        #expect(config.model == FixModel(name: "vae", layers: [784, 512, 2], activation: .swish, latent: 2))
        #expect(config.optim == FixOptim(lr: 0.001, batchSize: 128, weightDecay: 0))
        #expect(
            config.regularisers
                == FixRegularisers(l1: nil, l2: nil, dropout: 0.1, cbp: FixCBP(replacementRate: 1e-4, maturity: 100)))
        #expect(config.epochs == 1)
        #expect(config.seed == 7)
        #expect(config.deterministic)
        #expect(config.metrics == ["loss": "train/loss", "acc": "test/acc"])
        let sweep = try #require(config.sweep)
        #expect(sweep == nmap(["params": nmap(["beta": nstr("1,10")])]))
        #expect(sweep.origin == file.at("params"))
    }

    @Test("a sub-tree decodes with its key path as prefix of every message")
    func subtreeWithPath() throws {
        let file = try DecoderTempFile(Self.text)
        defer { file.remove() }
        guard case .mapping(let root) = Self.trainerNode(file).value, var optim = root["optim"] else {
            Issue.record("no optim")
            return
        }
        #expect(try ConfigDecoder().decode(FixOptim.self, from: optim, path: "optim").batchSize == 128)
        if case .mapping(var m) = optim.value {
            m["lr"] = nstr("fast", .override(text: "optim.lr=fast", column: 10))
            optim.value = .mapping(m)
        }
        #expect(
            decoderError(FixOptim.self, optim, path: "optim") == """
                override 'optim.lr=fast': error: optim.lr: expected a floating-point number, found the string 'fast'
                    optim.lr=fast
                             ^
                """)
    }
}
