import SweepTrainerConfig

/// Continual backprop (Dohare et al., Nature 2024) over a network's hidden layers: a running
/// contribution utility per unit, ages, and the replacement of the least useful mature units.
struct ContinualBackprop {
    let settings: TrainerConfig.ContinualBackprop
    let initializer: Initializer
    /// Running utility per hidden layer and unit.
    private(set) var utility: [[Double]]
    /// Steps since each unit was (re)initialised.
    private(set) var age: [[Int]]
    /// Fractional replacements carried over per hidden layer.
    private(set) var pending: [Double]

    init(network: Network, settings: TrainerConfig.ContinualBackprop, initializer: Initializer) {
        self.settings = settings
        self.initializer = initializer
        let hidden = network.layers.dropLast()
        utility = hidden.map { [Double](repeating: 0, count: $0.outputs) }
        age = hidden.map { [Int](repeating: 0, count: $0.outputs) }
        pending = hidden.map { _ in 0 }
    }

    /// After an optimiser step: update utilities and ages from the last training forward, then
    /// reinitialise the lowest-utility mature units. Returns the replaced units per hidden layer.
    mutating func step(_ network: Network, rng: inout SplitMix64) -> [[Int]] {
        var replaced: [[Int]] = []
        let eta = settings.decay
        for l in 0..<utility.count {
            let layer = network.layers[l]
            let next = network.layers[l + 1]
            let activity = network.meanAbs[l]
            let w = next.weight.value.data
            var eligible: [Int] = []
            for i in 0..<layer.outputs {
                var outgoing = 0.0
                for k in 0..<next.outputs { outgoing += Double(abs(w[next.weightIndex(unit: k, input: i)])) }
                utility[l][i] = eta * utility[l][i] + (1 - eta) * Double(activity[i]) * outgoing
                age[l][i] += 1
                if age[l][i] > settings.maturityThreshold { eligible.append(i) }
            }
            pending[l] += settings.replacementRate * Double(eligible.count)
            let n = min(Int(pending[l]), eligible.count)
            guard n >= 1 else {
                replaced.append([])
                continue
            }
            pending[l] -= Double(n)
            let u = utility[l]
            let chosen = eligible.sorted { u[$0] != u[$1] ? u[$0] < u[$1] : $0 < $1 }.prefix(n).sorted()
            for i in chosen { reinitialise(unit: i, layer: l, network: network, rng: &rng) }
            replaced.append(Array(chosen))
        }
        return replaced
    }

    /// Fresh incoming weights, zero bias and outgoing weights, zero optimiser state, utility and age.
    private mutating func reinitialise(unit i: Int, layer l: Int, network: Network, rng: inout SplitMix64) {
        let layer = network.layers[l]
        let next = network.layers[l + 1]
        let win = layer.weight.value.data
        for j in 0..<layer.inputs {
            let e = layer.weightIndex(unit: i, input: j)
            win[e] = initializer.weight(fanIn: layer.inputs, fanOut: layer.outputs, rng: &rng)
            layer.weight.resetState(e)
        }
        layer.bias.value.data[i] = 0
        layer.bias.resetState(i)
        let wout = next.weight.value.data
        for k in 0..<next.outputs {
            let e = next.weightIndex(unit: k, input: i)
            wout[e] = 0
            next.weight.resetState(e)
        }
        utility[l][i] = 0
        age[l][i] = 0
    }
}
