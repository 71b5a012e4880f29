import Foundation
import SweepTrainerConfig
import Testing

@testable import SweepTrainer

@Suite("Trainer config")
struct ConfigTests {
    @Test("defaults for every optional key")
    func defaults() throws {
        let json = #"{"seed": 1, "epochs": 2, "batch_size": 64, "lr": 0.01}"#
        let c = try JSONDecoder().decode(TrainerConfig.self, from: Data(json.utf8))
        #expect(c == TrainerConfig(seed: 1, epochs: 2, batchSize: 64, lr: 0.01))
        #expect(c.beta == 1 && c.logEvery == 100 && c.figures)
        #expect(c.model.kind == .mlp && c.model.classifierLayers == [784, 10, 3, 10])
        #expect(c.model.initializer == .kaimingUniform && c.model.variance == .softplus)
        #expect(c.optim == .init(name: .adam, betas: [0.9, 0.999], eps: 1e-8))
        #expect(!c.regularizer.cbp.isEnabled && c.regularizer.cbp.maturityThreshold == 100)
        #expect(c.data.directory == "data/mnist")
        #expect(c.data.resolvedDirectory(projectDirectory: "/p") == "/p/data/mnist")
        #expect(c.data.resolvedDirectory(projectDirectory: nil) == "./data/mnist")
    }

    @Test("every key, snake_case")
    func full() throws {
        let json = #"""
            {"seed": 7, "epochs": 1, "batch_size": 128, "lr": 1e-3, "beta": 10, "log_every": 50, "figures": false,
             "model": {"kind": "vae", "activation": "swish", "init": "xavier_uniform", "encoder": [784, 256],
                       "latent": 3, "decoder": [256, 784], "variance": "logvar"},
             "data": {"name": "fashion_mnist", "path": "/d", "train_limit": 100, "test_limit": 10},
             "optim": {"name": "sgd", "momentum": 0.9, "nesterov": true, "weight_decay": 1e-4},
             "regularizer": {"l1": 1e-5, "l2": 1e-4, "dropout": 0.1,
                             "cbp": {"replacement_rate": 1e-4, "maturity_threshold": 50, "decay": 0.9}}}
            """#
        let c = try JSONDecoder().decode(TrainerConfig.self, from: Data(json.utf8))
        #expect(c.beta == 10 && c.logEvery == 50 && !c.figures)
        #expect(
            c.model
                == .init(
                    kind: .vae, activation: .swish, initializer: .xavierUniform, encoder: [784, 256], latent: 3,
                    decoder: [256, 784], variance: .logvar))
        #expect(c.data == .init(name: .fashionMnist, path: "/d", trainLimit: 100, testLimit: 10))
        #expect(c.optim == .init(name: .sgd, momentum: 0.9, nesterov: true, weightDecay: 1e-4))
        #expect(
            c.regularizer
                == .init(
                    l1: 1e-5, l2: 1e-4, dropout: 0.1,
                    cbp: .init(replacementRate: 1e-4, maturityThreshold: 50, decay: 0.9)))
        try c.validate()
    }

    @Test("out-of-range values are errors naming the key")
    func validation() {
        var c = TrainerConfig(seed: 0, epochs: 1, batchSize: 8, lr: 0.1)
        c.regularizer.dropout = 1
        #expect(
            throws: TrainerConfig.Invalid(
                key: "regularizer.dropout", message: "expected a probability in [0, 1), got 1.0")
        ) {
            try c.validate()
        }
        c = TrainerConfig(seed: 0, epochs: 0, batchSize: 8, lr: 0.1)
        #expect(
            TrainerError.invalidConfig(key: "epochs", message: "expected an integer ≥ 1, got 0").description
                == "error: epochs: expected an integer ≥ 1, got 0")
        #expect(throws: TrainerConfig.Invalid(key: "epochs", message: "expected an integer ≥ 1, got 0")) {
            try c.validate()
        }
        c = TrainerConfig(
            seed: 0, epochs: 1, batchSize: 8, lr: 0.1, model: .init(kind: .linear, layers: [784, 10, 10]))
        #expect(throws: TrainerConfig.Invalid.self) { try c.validate() }
    }

    @Test("thread count from the environment, default one")
    func threads() {
        #expect(Threads.requested(environment: [:]) == 1)
        #expect(Threads.requested(environment: ["OMP_NUM_THREADS": "2"]) == 2)
        #expect(Threads.requested(environment: ["OPENBLAS_NUM_THREADS": "3", "OMP_NUM_THREADS": "2"]) == 3)
        #expect(Threads.requested(environment: ["OPENBLAS_NUM_THREADS": "x"]) == 1)
    }
}
