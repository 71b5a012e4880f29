/// A softmax classifier over a `Network` (linear when the network has no hidden layer).
final class Classifier {
    let network: Network
    let gradient: Matrix

    init(network: Network) {
        self.network = network
        gradient = Matrix(rows: network.capacity, columns: network.outputs)
    }

    var classes: Int { network.outputs }

    /// Forward (and, when `train`, backward) on `rows` images; returns the summed cross-entropy and
    /// the number of correct predictions.
    func run(
        _ x: UnsafePointer<Float>, labels: UnsafePointer<UInt8>, rows: Int, train: Bool, rng: inout SplitMix64,
        onLayer: ((Dense) -> Void)? = nil
    ) -> (sum: Double, correct: Int) {
        let logits = network.forward(x, rows: rows, training: train, rng: &rng)
        let result = Loss.softmaxCrossEntropy(
            logits: logits, labels: labels, rows: rows, classes: classes, gradient: train ? gradient.data : nil)
        if train {
            network.backward(x, rows: rows, dOut: gradient.data, training: true, dInput: nil, onLayer: onLayer)
        }
        return result
    }
}
