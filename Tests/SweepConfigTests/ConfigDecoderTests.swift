import SweepConfig
import SweepYAML
import Testing

// A trainer-like config, as `sweep-train` would declare it.

enum Activation: String, Decodable, CaseIterable, Equatable {
    case relu, swish, softplus
}

struct ModelConfig: Decodable, Equatable {
    var name: String
    var layers: [Int]
    var activation: Activation
    var latent: Int?
}

struct OptimConfig: Decodable, Equatable {
    var lr: Double
    var batchSize: Int
    var weightDecay: Float

    enum CodingKeys: String, CodingKey {
        case lr
        case batchSize = "batch_size"
        case weightDecay = "weight_decay"
    }
}

struct ContinualBackprop: Decodable, Equatable {
    var replacementRate: Double
    var maturity: Int

    enum CodingKeys: String, CodingKey {
        case replacementRate = "replacement_rate"
        case maturity
    }
}

struct Regularisers: Decodable, Equatable {
    var l1: Double?
    var l2: Double?
    var dropout: Double
    var cbp: ContinualBackprop?
}

struct TrainerConfig: Decodable {
    var model: ModelConfig
    var optim: OptimConfig
    var regularisers: Regularisers
    var epochs: Int
    var seed: UInt64
    var deterministic: Bool
    var metrics: [String: String]
    var sweep: ConfigNode?
}

@Suite("ConfigDecoder: a trainer config")
struct ConfigDecoderTrainerTests {
    /// The config of a β-VAE cell, as the composer would hand it over.
    static func trainerNode(_ file: ConfigFile) -> ConfigNode {
        map([
            "model": map([
                "name": str("vae", file.value("name")),
                "layers": seq([int(784), int(512), int(2)], file.value("layers")),
                "activation": str("swish", file.value("activation")),
                "latent": int(2, file.value("latent")),
            ], file.at("name")),
            "optim": map([
                "lr": float(0.001, file.value("lr")),
                "batch_size": int(128, file.value("batch_size")),
                "weight_decay": int(0, file.value("weight_decay")),
            ], file.at("lr")),
            "regularisers": map([
                "l1": null(file.value("l1")),
                "dropout": float(0.1, file.value("dropout")),
                "cbp": map([
                    "replacement_rate": float(1e-4, file.value("replacement_rate")),
                    "maturity": int(100, file.value("maturity")),
                ], file.at("replacement_rate")),
            ], file.at("l1")),
            "epochs": float(1.0, file.value("epochs")),
            "seed": int(7, file.value("seed")),
            "deterministic": bool(true, file.value("deterministic")),
            "metrics": map(["loss": str("train/loss"), "acc": str("test/acc")]),
            "sweep": map(["params": map(["beta": str("1,10", file.value("beta"))])], file.at("params")),
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
        let file = try ConfigFile(Self.text)
        defer { file.remove() }
        let config = try ConfigDecoder().decode(TrainerConfig.self, from: Self.trainerNode(file))
        #expect(config.model == ModelConfig(name: "vae", layers: [784, 512, 2], activation: .swish, latent: 2))
        #expect(config.optim == OptimConfig(lr: 0.001, batchSize: 128, weightDecay: 0))
        #expect(
            config.regularisers
                == Regularisers(l1: nil, l2: nil, dropout: 0.1, cbp: ContinualBackprop(replacementRate: 1e-4, maturity: 100)))
        #expect(config.epochs == 1)
        #expect(config.seed == 7)
        #expect(config.deterministic)
        #expect(config.metrics == ["loss": "train/loss", "acc": "test/acc"])
        let sweep = try #require(config.sweep)
        #expect(sweep == map(["params": map(["beta": str("1,10")])]))
        #expect(sweep.origin == file.at("params"))
    }

    @Test("a sub-tree decodes with its key path as prefix of every message")
    func subtreeWithPath() throws {
        let file = try ConfigFile(Self.text)
        defer { file.remove() }
        guard case .mapping(let root) = Self.trainerNode(file).value, var optim = root["optim"] else {
            Issue.record("no optim")
            return
        }
        #expect(try ConfigDecoder().decode(OptimConfig.self, from: optim, path: "optim").batchSize == 128)
        if case .mapping(var m) = optim.value {
            m["lr"] = str("fast", .override(text: "optim.lr=fast", column: 10))
            optim.value = .mapping(m)
        }
        #expect(
            decodeError(OptimConfig.self, optim, path: "optim") == """
                override 'optim.lr=fast': error: optim.lr: expected a floating-point number, found the string 'fast'
                    optim.lr=fast
                             ^
                """)
    }
}
