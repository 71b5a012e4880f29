import Foundation
import SweepTrainerConfig
import Testing

@testable import SweepTrainer

@Suite("Figures")
struct FiguresTests {
    func run(_ config: TrainerConfig, dir: String) throws -> Trainer.Summary {
        var c = config
        c.figures = true
        return try Trainer.run(config: c, directory: dir, environment: [:])
    }

    func csvRows(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test("linear: ten weight masks (here four 8×8) and their CSV")
    func linear() throws {
        let dir = try TestData.makeRunDirectory()
        defer { TestData.remove(dir) }
        let data = try TestData.writeSet(in: dir, count: 40, testCount: 12)
        let summary = try run(TestData.classifierConfig(dataDir: data, layers: [64, 4]), dir: dir)
        #expect(summary.figures == ["figures/linear_weights.csv", "figures/linear_weights.svg"])
        let rows = try csvRows(dir + "/figures/linear_weights.csv")
        #expect(rows.count == 5 && rows[1].split(separator: ",").count == 65)
        let svg = try String(contentsOfFile: dir + "/figures/linear_weights.svg", encoding: .utf8)
        #expect(svg.contains("<svg") && svg.hasSuffix("</svg>\n"))
        for name in ["0", "1", "2", "3"] { #expect(svg.contains(">\(name)</text>")) }
    }

    @Test("MLP: the 3-unit layer before training and after each epoch, by class")
    func hidden() throws {
        let dir = try TestData.makeRunDirectory()
        defer { TestData.remove(dir) }
        let data = try TestData.writeSet(in: dir, count: 40, testCount: 12)
        let summary = try run(TestData.classifierConfig(dataDir: data, layers: [64, 10, 3, 4]), dir: dir)
        #expect(summary.figures == ["figures/hidden_layer.csv", "figures/hidden_layer.svg"])
        let rows = try csvRows(dir + "/figures/hidden_layer.csv")
        #expect(rows[0] == "epoch,index,label,h1,h2,h3")
        #expect(rows.count == 1 + 4 * 12)  // epochs 0...3, 12 test images
        #expect(rows[1].hasPrefix("0,0,0,") && rows.last?.hasPrefix("3,11,3,") == true)
        let svg = try String(contentsOfFile: dir + "/figures/hidden_layer.svg", encoding: .utf8)
        for title in ["initial", "epoch 1", "epoch 3"] { #expect(svg.contains(title)) }
    }

    @Test("VAE: the latent posterior (μ, σ per test image) and its density plot")
    func latent() throws {
        let dir = try TestData.makeRunDirectory()
        defer { TestData.remove(dir) }
        let data = try TestData.writeSet(in: dir, count: 40, testCount: 12)
        let config = TrainerConfig(
            seed: 1, epochs: 1, batchSize: 10, lr: 0.01, logEvery: 0,
            model: .init(kind: .vae, encoder: [64, 8], latent: 2, decoder: [8, 64]), data: .init(name: .idx, path: data)
        )
        let summary = try run(config, dir: dir)
        #expect(
            summary.figures == [
                "figures/latent.csv", "figures/latent_density.svg", "figures/latent_density_per_class.svg",
            ])
        let rows = try csvRows(dir + "/figures/latent.csv")
        #expect(rows[0] == "index,label,mu1,mu2,sigma1,sigma2" && rows.count == 13)
        let sigmas = rows.dropFirst().map { Double($0.split(separator: ",")[4]) ?? -1 }
        #expect(sigmas.allSatisfy { $0 > 0 })
    }
}
