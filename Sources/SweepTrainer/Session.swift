internal import CKernels
internal import Foundation
import SweepTrainerConfig

/// One training run: the model, its optimiser and regularisers, the data and the logs.
final class Session {
    enum Model {
        case classifier(Classifier)
        case vae(VAE)
    }

    let config: TrainerConfig
    let train: Dataset
    let test: Dataset
    let directory: String
    let model: Model
    let networks: [Network]
    let parameters: [Parameter]
    var optimizer: Optimizer
    let penalty: Penalty
    var cbp: [ContinualBackprop]
    let capacity: Int
    let input: Matrix
    let labels: Buffer<UInt8>
    var shuffleRNG: SplitMix64
    var noiseRNG: SplitMix64
    var cbpRNG: SplitMix64
    /// Pixel byte → float in [0, 1].
    /// Figure data: the narrow hidden layer per epoch (classifier) or the latent posterior (VAE).
    var projections: [(epoch: Int, values: [Float], width: Int)] = []
    var posterior: (mu: [Float], sigma: [Float])?

    /// Counts the training epochs' matrix products, when asked (see `ProductLog`).
    let products: ProductLog?

    init(
        config: TrainerConfig, train: Dataset, test: Dataset, directory: String, countsProducts: Bool = false
    ) throws(TrainerError) {
        self.config = config
        self.train = train
        self.test = test
        self.directory = directory
        if train.count == 0 || test.count == 0 {
            throw .mismatch(message: "the data set is empty: \(train.count) training and \(test.count) test images")
        }
        capacity = max(min(config.batchSize, train.count), Trainer.evalBatch)
        var initRNG = SplitMix64(seed: config.seed, stream: 1)
        shuffleRNG = SplitMix64(seed: config.seed, stream: 2)
        noiseRNG = SplitMix64(seed: config.seed, stream: 3)
        cbpRNG = SplitMix64(seed: config.seed, stream: 5)
        let m = config.model
        let reg = config.regularizer
        let pixels = train.images.size
        let sparse = SparseInputs.suits(train.images, threads: Threads.current)
        switch m.kind {
        case .linear, .mlp:
            let widths = m.classifierLayers
            if widths[0] != pixels {
                throw .mismatch(
                    message: "model.layers starts with \(widths[0]) inputs but the images have \(pixels) pixels "
                        + "(\(train.images.rows)×\(train.images.columns))")
            }
            let classes = widths[widths.count - 1]
            for (set, name) in [(train, "train"), (test, "t10k")] {
                if let bad = set.labels.first(where: { Int($0) >= classes }) {
                    throw .labelOutOfRange(path: "\(name)-labels-idx1-ubyte", label: Int(bad), classes: classes)
                }
            }
            let net = Network(
                widths: widths, activation: m.activation, initializer: m.initializer, dropout: reg.dropout,
                capacity: capacity, rng: &initRNG, sparseFirstLayer: sparse)
            model = .classifier(Classifier(network: net))
            networks = [net]
        case .vae:
            if m.encoder[0] != pixels {
                throw .mismatch(
                    message: "model.encoder starts with \(m.encoder[0]) inputs but the images have \(pixels) pixels "
                        + "(\(train.images.rows)×\(train.images.columns))")
            }
            let enc = Network(
                widths: m.encoder + [2 * m.latent], activation: m.activation, initializer: m.initializer,
                dropout: reg.dropout, capacity: capacity, rng: &initRNG, sparseFirstLayer: sparse)
            let dec = Network(
                widths: [m.latent] + m.decoder, activation: m.activation, initializer: m.initializer,
                dropout: reg.dropout, capacity: capacity, rng: &initRNG)
            model = .vae(VAE(encoder: enc, decoder: dec, latent: m.latent, variance: m.variance, beta: config.beta))
            networks = [enc, dec]
        }
        parameters = networks.flatMap(\.parameters)
        products = countsProducts ? ProductLog() : nil
        for network in networks { for layer in network.layers { layer.productLog = products } }
        optimizer = Optimizer(config: config.optim, lr: config.lr)
        optimizer.defersPackedSteps = true
        penalty = Penalty(l1: Float(reg.l1), l2: Float(reg.l2))
        if reg.cbp.isEnabled {
            for net in networks { net.recordsActivity = true }
            cbp = networks.map { ContinualBackprop(network: $0, settings: reg.cbp, initializer: m.initializer) }
        } else {
            cbp = []
        }
        input = Matrix(rows: capacity, columns: pixels)
        labels = Buffer(count: capacity)
    }

    /// Converts items `indices` of `set` into the input buffer (pixels / 255) and labels.
    func fill(from set: Dataset, indices: ArraySlice<Int>) {
        set.images.pixels.withUnsafeBufferPointer { px in
            indices.withUnsafeBufferPointer { index in
                guard let images = px.baseAddress, let first = index.baseAddress else { return }
                sweep_bytes_to_unit(images, first, index.count, set.images.size, input.data)
            }
        }
        for (r, item) in indices.enumerated() { labels[r] = set.labels[item] }
    }

    func run() throws(TrainerError) -> Trainer.Summary {
        let log = try MetricsLog(path: directory + "/metrics.jsonl")
        let start = ContinuousClock.now
        var step = 0
        var replacedTotal = 0
        var order = Array(0..<train.count)
        let wantFigures = config.figures
        if wantFigures, case .classifier = model { try evaluate(epoch: 0, collect: true) }
        for epoch in 1...config.epochs {
            let epochStart = ContinuousClock.now
            let productsBefore = (flop: products?.flop ?? 0, seconds: products?.seconds ?? 0)
            // Fisher–Yates with the shuffle stream.
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(i, shuffleRNG.index(below: i + 1))
            }
            var epochLoss = 0.0, epochItems = 0, epochCorrect = 0
            var windowLoss = 0.0, windowSteps = 0, replacedEpoch = 0, replacedWindow = 0
            var begin = 0
            while begin < order.count {
                let end = min(begin + config.batchSize, order.count)
                let rows = end - begin
                fill(from: train, indices: order[begin..<end])
                // The penalty is measured on the weights before this step; each layer is updated as
                // soon as back-propagation has finished with it (its gradients are still in cache).
                var loss = penalty.loss(parameters)
                optimizer.beginStep()
                let opt = optimizer, pen = penalty
                let update: (Dense) -> Void = { layer in
                    let ps = layer.parameters
                    pen.addGradient(ps)
                    opt.apply(ps)
                }
                switch model {
                case .classifier(let c):
                    let r = c.run(
                        input.data, labels: labels.data, rows: rows, train: true, rng: &noiseRNG, onLayer: update)
                    loss += r.sum / Double(rows)
                    epochCorrect += r.correct
                case .vae(let v):
                    let r = v.run(input.data, rows: rows, train: true, rng: &noiseRNG, onLayer: update)
                    loss += (r.recon + Double(v.beta) * r.kl) / Double(rows)
                }
                step += 1
                if !loss.isFinite { throw .diverged(step: step) }
                for k in cbp.indices {
                    let replaced = cbp[k].step(networks[k], rng: &cbpRNG)
                    let n = replaced.reduce(0) { $0 + $1.count }
                    replacedEpoch += n
                    replacedWindow += n
                }
                epochLoss += loss * Double(rows)
                epochItems += rows
                windowLoss += loss
                windowSteps += 1
                if config.logEvery > 0 && step % config.logEvery == 0 {
                    var fields: [(String, MetricsLog.Value)] = [
                        ("step", .int(step)), ("epoch", .int(epoch)),
                        ("train/loss", .double(windowLoss / Double(windowSteps))),
                    ]
                    if !cbp.isEmpty { fields.append(("cbp/replaced", .int(replacedWindow))) }
                    try log.write(fields)
                    windowLoss = 0
                    windowSteps = 0
                    replacedWindow = 0
                }
                begin = end
            }
            replacedTotal += replacedEpoch
            let trainSeconds = (ContinuousClock.now - epochStart).seconds
            // The training products only: evaluation runs products too.
            let productsAfter = (flop: products?.flop ?? 0, seconds: products?.seconds ?? 0)
            var fields: [(String, MetricsLog.Value)] = [
                ("step", .int(step)), ("epoch", .int(epoch)),
                ("train/loss", .double(epochLoss / Double(max(1, epochItems)))),
            ]
            if case .classifier = model {
                fields.append(("train/acc", .double(Double(epochCorrect) / Double(max(1, epochItems)))))
            }
            let collect = wantFigures && (epoch == config.epochs || isClassifier)
            fields += try evaluate(epoch: epoch, collect: collect)
            if !cbp.isEmpty { fields.append(("cbp/replaced", .int(replacedEpoch))) }
            fields.append(("time/epoch_s", .double(trainSeconds)))
            if products != nil {
                fields.append(("products/gflop", .double((productsAfter.flop - productsBefore.flop) / 1e9)))
                fields.append(("time/products_s", .double(productsAfter.seconds - productsBefore.seconds)))
            }
            fields.append(("time/eval_s", .double((ContinuousClock.now - epochStart).seconds - trainSeconds)))
            try log.write(fields)
        }
        var figureFiles: [String] = []
        if wantFigures { figureFiles = try writeFigures() }
        let total = (ContinuousClock.now - start).seconds
        var extra: [(String, MetricsLog.Value)] = [("steps", .int(step)), ("time/total_s", .double(total))]
        if !cbp.isEmpty { extra.append(("cbp/replaced_total", .int(replacedTotal))) }
        let summary = log.summaryJSON(extra: extra)
        try Files.writeAtomically(summary, to: directory + "/summary.json")
        var metrics: [String: Double] = [:]
        for k in log.order {
            switch log.last[k] {
            case .int(let v): metrics[k] = Double(v)
            case .double(let v): metrics[k] = v
            case nil: break
            }
        }
        for (k, v) in extra {
            switch v {
            case .int(let i): metrics[k] = Double(i)
            case .double(let d): metrics[k] = d
            }
        }
        return Trainer.Summary(metrics: metrics, steps: step, figures: figureFiles)
    }

    var isClassifier: Bool {
        if case .classifier = model { return true }
        return false
    }

    /// Test metrics (no dropout); `collect` keeps the figure data of this epoch.
    @discardableResult
    func evaluate(epoch: Int, collect: Bool) throws(TrainerError) -> [(String, MetricsLog.Value)] {
        var evalRNG = SplitMix64(seed: config.seed, stream: 4)
        let n = test.count
        let all = Array(0..<n)
        switch model {
        case .classifier(let c):
            var sum = 0.0, correct = 0
            let net = c.network
            let probe = collect ? net.layers.dropLast().indices.first { net.layers[$0].outputs <= 3 } : nil
            var values: [Float] = []
            var begin = 0
            while begin < n {
                let end = min(begin + Trainer.evalBatch, n)
                fill(from: test, indices: all[begin..<end])
                let r = c.run(input.data, labels: labels.data, rows: end - begin, train: false, rng: &evalRNG)
                sum += r.sum
                correct += r.correct
                if let probe {
                    let w = net.layers[probe].outputs
                    values += UnsafeBufferPointer(start: net.h[probe].data, count: (end - begin) * w)
                }
                begin = end
            }
            if let probe { projections.append((epoch, values, net.layers[probe].outputs)) }
            return [("test/loss", .double(sum / Double(n))), ("test/acc", .double(Double(correct) / Double(n)))]
        case .vae(let v):
            var recon = 0.0, kl = 0.0
            var mus: [Float] = [], sigmas: [Float] = []
            var begin = 0
            while begin < n {
                let end = min(begin + Trainer.evalBatch, n)
                fill(from: test, indices: all[begin..<end])
                let r = v.run(input.data, rows: end - begin, train: false, rng: &evalRNG)
                recon += r.recon
                kl += r.kl
                if collect {
                    mus += UnsafeBufferPointer(start: v.mu.data, count: (end - begin) * v.latent)
                    sigmas += UnsafeBufferPointer(start: v.sigma.data, count: (end - begin) * v.latent)
                }
                begin = end
            }
            if collect { posterior = (mus, sigmas) }
            let N = Double(n)
            return [
                ("test/loss", .double((recon + Double(v.beta) * kl) / N)), ("test/elbo", .double(-(recon + kl) / N)),
                ("test/recon", .double(recon / N)), ("test/kl", .double(kl / N)),
            ]
        }
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}
