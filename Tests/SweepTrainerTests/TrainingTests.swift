import Foundation
import SweepTrainerConfig
import Testing

@testable import SweepTrainer

@Suite("Training runs")
struct TrainingTests {
    @Test("a 200-image MLP run: the loss goes down and metrics follow the protocol")
    func lossGoesDown() throws {
        let dir = try TestData.makeRunDirectory()
        defer { TestData.remove(dir) }
        let data = try TestData.writeSet(in: dir, count: 200, testCount: 40)
        let summary = try Trainer.run(
            config: TestData.classifierConfig(dataDir: data, layers: [64, 10, 3, 4]), directory: dir, environment: [:])
        let lines = try TestData.metricLines(dir)
        let epochs = lines.filter { $0["test/acc"] != nil }
        #expect(epochs.count == 3)
        #expect(epochs.map { $0["epoch"] } == [1, 2, 3])
        #expect(lines.first?["step"] == 5)
        let first = try #require(lines.first?["train/loss"])
        let last = try #require(epochs.last?["train/loss"])
        #expect(last < first * 0.8)
        #expect(summary.steps == 39)  // 13 batches of 16 over 200 images, 3 epochs
        #expect(epochs.allSatisfy { $0["time/epoch_s"] != nil })
        let summaryText = try String(contentsOfFile: dir + "/summary.json", encoding: .utf8)
        let object = try JSONSerialization.jsonObject(with: Data(summaryText.utf8)) as? [String: Any]
        #expect((object?["test/acc"] as? NSNumber)?.doubleValue == summary.metrics["test/acc"])
    }

    @Test(
        "asked for (SWEEP_TRAIN_PRODUCTS=1), each epoch reports the GFLOP of its matrix products, counted exactly, and their time"
    )
    func productCounts() throws {
        let dir = try TestData.makeRunDirectory()
        defer { TestData.remove(dir) }
        let data = try TestData.writeSet(in: dir, count: 200, testCount: 40)
        let config = TestData.classifierConfig(dataDir: data, layers: [64, 10, 3, 4])
        try Trainer.run(config: config, directory: dir, environment: ["SWEEP_TRAIN_PRODUCTS": "1"])
        let epochs = try TestData.metricLines(dir).filter { $0["epoch"] != nil && $0["test/acc"] != nil }
        // Per image: x·Wᵀ and dzᵀ·x in each layer, dz·W in the two above the first, 2 FLOP per
        // multiply-add; no layer this narrow packs. Evaluation is not counted.
        let perImage = 2 * (64 * 10 + 10 * 3 + 3 * 4) * 2 + 2 * (10 * 3 + 3 * 4)
        #expect(epochs.count == 3)
        for line in epochs {
            #expect(abs((line["products/gflop"] ?? 0) - Double(perImage * 200) / 1e9) < 1e-15)
            let seconds = try #require(line["time/products_s"])
            #expect(seconds > 0 && seconds < (line["time/epoch_s"] ?? 0))
        }
        let quiet = try TestData.makeRunDirectory()
        defer { TestData.remove(quiet) }
        try Trainer.run(config: config, directory: quiet, environment: [:])
        #expect(try TestData.metricLines(quiet).allSatisfy { $0["products/gflop"] == nil }, "not asked: not counted")
    }

    @Test(
        "on sparse images, a wide first layer runs over each image's nonzero pixels: the products counted are theirs, the loss goes down, a run repeats bit for bit"
    )
    func sparseFirstLayer() throws {
        let dir = try TestData.makeRunDirectory()
        defer { TestData.remove(dir) }
        let data = try TestData.writeSet(in: dir, count: 200, testCount: 40, sparse: true)
        let config = TestData.classifierConfig(dataDir: data, layers: [64, 64, 4])
        try Trainer.run(config: config, directory: dir, environment: ["SWEEP_TRAIN_PRODUCTS": "1"])
        let epochs = try TestData.metricLines(dir).filter { $0["epoch"] != nil && $0["test/acc"] != nil }
        // 16 lit pixels per image: x·Wᵀ and dzᵀ·x over them in the first layer (64 units); x·Wᵀ,
        // dzᵀ·x and dz·W in full in the second (64 → 4).
        let perEpoch = 2 * 200 * 16 * 64 * 2 + 200 * 3 * 2 * 64 * 4
        #expect(epochs.count == 3)
        for line in epochs { #expect(abs((line["products/gflop"] ?? 0) - Double(perEpoch) / 1e9) < 1e-15) }
        let losses = epochs.compactMap { $0["test/loss"] }
        #expect(losses.count == 3 && losses[2] < losses[0])
        #expect((epochs.last?["test/acc"] ?? 0) > 0.9)
        let again = try TestData.makeRunDirectory()
        defer { TestData.remove(again) }
        try Trainer.run(config: config, directory: again, environment: ["SWEEP_TRAIN_PRODUCTS": "1"])
        let strip = { (lines: [[String: Double]]) in
            lines.map { $0.filter { !$0.key.hasPrefix("time/") } }
        }
        #expect(strip(try TestData.metricLines(again)) == strip(try TestData.metricLines(dir)))
    }

    @Test("the linear model learns the bands")
    func linear() throws {
        let dir = try TestData.makeRunDirectory()
        defer { TestData.remove(dir) }
        let data = try TestData.writeSet(in: dir, count: 200, testCount: 40)
        let summary = try Trainer.run(
            config: TestData.classifierConfig(dataDir: data, layers: [64, 4]), directory: dir, environment: [:])
        #expect((summary.metrics["test/acc"] ?? 0) > 0.9)
    }

    @Test("same config and seed: the same metrics bit for bit; another seed differs")
    func determinism() throws {
        let dir = try TestData.makeRunDirectory()
        defer { TestData.remove(dir) }
        let data = try TestData.writeSet(in: dir, count: 200, testCount: 40)
        var config = TestData.classifierConfig(dataDir: data, layers: [64, 12, 4])
        config.regularizer = .init(
            l1: 1e-4, l2: 1e-3, dropout: 0.2, cbp: .init(replacementRate: 0.02, maturityThreshold: 3))
        var texts: [String] = []
        for seed in [3, 3, 4] {
            config.seed = seed
            let run = try TestData.makeRunDirectory()
            defer { TestData.remove(run) }
            try Trainer.run(config: config, directory: run, environment: [:])
            texts.append(try TestData.metricsWithoutTimes(run))
        }
        #expect(texts[0] == texts[1])
        #expect(texts[0] != texts[2])
    }

    @Test(
        "a small VAE: ELBO = −(recon + KL) and the loss goes down",
        arguments: [TrainerConfig.Model.Variance.softplus, .logvar])
    func vae(_ variance: TrainerConfig.Model.Variance) throws {
        let dir = try TestData.makeRunDirectory()
        defer { TestData.remove(dir) }
        let data = try TestData.writeSet(in: dir, count: 200, testCount: 40)
        let config = TrainerConfig(
            seed: 1, epochs: 3, batchSize: 20, lr: 0.01, beta: 2, logEvery: 0,
            model: .init(
                kind: .vae, activation: .relu, encoder: [64, 16], latent: 2, decoder: [16, 64], variance: variance),
            data: .init(name: .idx, path: data), figures: false)
        try Trainer.run(config: config, directory: dir, environment: [:])
        let lines = try TestData.metricLines(dir)
        #expect(lines.count == 3)
        for line in lines {
            let elbo = try #require(line["test/elbo"]), recon = try #require(line["test/recon"]),
                kl = try #require(line["test/kl"])
            #expect(abs(elbo + recon + kl) < 1e-9 * abs(elbo))
            #expect(abs((line["test/loss"] ?? 0) - (recon + 2 * kl)) < 1e-9 * abs(elbo))
        }
        #expect(lines[2]["train/loss"]! < lines[0]["train/loss"]!)
    }

    @Test("missing data and a model that does not fit the images are one-line errors")
    func errors() throws {
        let dir = try TestData.makeRunDirectory()
        defer { TestData.remove(dir) }
        let config = TrainerConfig(seed: 0, epochs: 1, batchSize: 8, lr: 0.1, data: .init(name: .mnist))
        do {
            try Trainer.run(config: config, directory: dir, environment: ["SWEEP_PROJECT_DIR": dir])
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description
                    == "error: data file '\(dir)/data/mnist/train-images-idx3-ubyte' not found (also tried '\(dir)/data/mnist/train-images-idx3-ubyte.gz'); run `make data` to fetch MNIST and Fashion-MNIST"
            )
        }
        let data = try TestData.writeSet(in: dir, count: 20, testCount: 4)
        do {
            try Trainer.run(
                config: TestData.classifierConfig(dataDir: data, layers: [784, 10]), directory: dir, environment: [:])
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description == "error: model.layers starts with 784 inputs but the images have 64 pixels (8×8)")
        }
        do {
            try Trainer.run(
                config: TestData.classifierConfig(dataDir: data, layers: [64, 3]), directory: dir, environment: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "error: 'train-labels-idx1-ubyte' has label 3, but the model has 3 classes")
        }
    }
}
