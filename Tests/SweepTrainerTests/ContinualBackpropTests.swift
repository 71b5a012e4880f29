import Testing

@testable import SweepTrainer

@Suite("Continual backprop")
struct ContinualBackpropTests {
    /// A [2, 4, 2] network whose hidden activity and outgoing weights give utilities 4, 1, 3, 2·(1/2).
    func handNet() -> Network {
        var rng = SplitMix64(seed: 1)
        let net = Network(
            widths: [2, 4, 2], activation: .relu, initializer: .kaimingUniform, dropout: 0, capacity: 1, rng: &rng)
        net.recordsActivity = true
        // Outgoing weights W2 (2 × 4): column sums of |w| = 2, 1, 3, 1.
        net.layers[1].weight.value.set([1, -0.5, 2, 0.5, -1, 0.5, -1, 0.5])
        net.meanAbs[0] = [2, 1, 1, 1]  // utility = 4, 1, 3, 1 ... ties broken by index
        net.meanAbs[0][3] = 0.5  // → 4, 1, 3, 0.5
        for p in net.parameters {
            for i in 0..<p.count {
                p.m.data[i] = 0.25
                p.v.data[i] = 0.5
            }
        }
        return net
    }

    @Test("no unit is replaced before it is mature")
    func maturity() {
        let net = handNet()
        var cbp = ContinualBackprop(
            network: net, settings: .init(replacementRate: 0.5, maturityThreshold: 2, decay: 0),
            initializer: .kaimingUniform)
        var rng = SplitMix64(seed: 2)
        #expect(cbp.step(net, rng: &rng) == [[]])
        #expect(cbp.step(net, rng: &rng) == [[]])
        #expect(cbp.age == [[2, 2, 2, 2]])
        #expect(cbp.pending == [0])
    }

    @Test("the lowest-utility mature units are replaced, with fresh weights and optimiser state")
    func replacement() {
        let net = handNet()
        var cbp = ContinualBackprop(
            network: net, settings: .init(replacementRate: 0.5, maturityThreshold: 2, decay: 0),
            initializer: .kaimingUniform)
        var rng = SplitMix64(seed: 2)
        let w1Before = net.layers[0].weight.value.array
        _ = cbp.step(net, rng: &rng)
        _ = cbp.step(net, rng: &rng)
        #expect(cbp.utility == [[4, 1, 3, 0.5]])
        // Third step: 4 mature units × 0.5 = 2 replacements: units 3 (0.5) and 1 (1).
        let replaced = cbp.step(net, rng: &rng)
        #expect(replaced == [[1, 3]])
        #expect(cbp.age == [[3, 0, 3, 0]])
        #expect(cbp.utility == [[4, 0, 3, 0]])
        let w1 = net.layers[0].weight
        let bound = Float(1 / 2.0.squareRoot())
        for unit in 0..<4 {
            for j in 0..<2 {
                let e = unit * 2 + j
                if unit == 1 || unit == 3 {
                    #expect(w1.value.data[e] != w1Before[e])
                    #expect(abs(w1.value.data[e]) <= bound)
                    #expect(w1.m.data[e] == 0 && w1.v.data[e] == 0)
                } else {
                    #expect(w1.value.data[e] == w1Before[e])
                    #expect(w1.m.data[e] == 0.25 && w1.v.data[e] == 0.5)
                }
            }
        }
        let b1 = net.layers[0].bias
        #expect(b1.value.data[1] == 0 && b1.value.data[3] == 0)
        #expect(b1.m.data[1] == 0 && b1.m.data[0] == 0.25)
        let w2 = net.layers[1].weight
        #expect(w2.value.array == [1, 0, 2, 0, -1, 0, -1, 0])
        #expect(w2.m.array == [0.25, 0, 0.25, 0, 0.25, 0, 0.25, 0])
        #expect(w2.v.array == [0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0])
        // Fourth step: only units 0 and 2 are mature: 2 × 0.5 = 1 replacement, the lower utility (unit 2).
        #expect(cbp.step(net, rng: &rng) == [[2]])
        #expect(cbp.age == [[4, 1, 0, 1]])
    }

    @Test("fractional replacements accumulate across steps")
    func accumulation() {
        let net = handNet()
        var cbp = ContinualBackprop(
            network: net, settings: .init(replacementRate: 0.1, maturityThreshold: 0, decay: 0.5),
            initializer: .kaimingUniform)
        var rng = SplitMix64(seed: 3)
        var counts: [Int] = []
        for _ in 0..<5 { counts.append(cbp.step(net, rng: &rng)[0].count) }
        // 0.4 per step: 0.4, 0.8, 1.2 → 1 (0.2 left), 0.6, 1.0 → 1.
        #expect(counts == [0, 0, 1, 0, 1])
    }

    @Test("a training run logs cbp/replaced")
    func logged() throws {
        let dir = try TestData.makeRunDirectory()
        defer { TestData.remove(dir) }
        let data = try TestData.writeSet(in: dir, count: 200, testCount: 50)
        var config = TestData.classifierConfig(dataDir: data, layers: [64, 12, 4])
        config.regularizer.cbp = .init(replacementRate: 0.05, maturityThreshold: 5, decay: 0.9)
        let summary = try Trainer.run(config: config, directory: dir, environment: [:])
        #expect((summary.metrics["cbp/replaced_total"] ?? 0) > 0)
        let lines = try TestData.metricLines(dir)
        #expect(lines.last?["cbp/replaced"] != nil)
    }
}
