import SweepTrainerConfig

/// A stack of dense layers: hidden layers use `activation` (then dropout in training), the last
/// layer is linear (its output is logits or a head).
final class Network {
    let layers: [Dense]
    let activation: Activation
    /// Dropout probability on hidden units (training only).
    let dropout: Float
    /// Rows the buffers hold.
    let capacity: Int
    /// Pre-activations per layer.
    let z: [Matrix]
    /// Post-activation (after dropout) per hidden layer; the same matrices as `z` when the
    /// activation applies in place (then `z` holds the activations after the forward pass).
    let h: [Matrix]
    /// Dropout scales (0 or 1/(1−p)) per hidden layer.
    let mask: [Matrix]
    /// Gradient buffers per hidden layer.
    let dh: [Matrix]
    /// Whether training forwards record each hidden unit's mean |activation| (for continual backprop).
    var recordsActivity = false
    /// Mean |activation| over the last training batch, per hidden layer and unit.
    var meanAbs: [[Float]]
    /// Per layer, its input restricted to the columns nonzero in the batch: the units ReLU left on
    /// for a hidden layer (other activations: never packed), the pixels for a first layer that
    /// does not take them as each image's nonzero values (see `SparseInputs`).
    var activeInputs: [ActiveColumns] { layers.map(\.activeInputs) }
    /// The first layer's active inputs.
    var active: ActiveColumns { layers[0].activeInputs }

    /// Layers of `widths`; those with at least `packingMinimumOutputs` units (and inputs) skip
    /// what is zero in a batch. The first layer takes its inputs (pixels) as each image's nonzero
    /// values; with `sparseFirstLayer` false (images not sparse, or several threads: `SparseInputs.suits`)
    /// it packs them to the batch's nonzero columns instead, as hidden layers pack their ReLU units.
    init(
        widths: [Int], activation: Activation, initializer: Initializer, dropout: Double, capacity: Int,
        rng: inout SplitMix64, packingMinimumOutputs: Int = 64, sparseFirstLayer: Bool = true
    ) {
        var layers: [Dense] = []
        // Only ReLU and dropout turn a unit's gradient off for a whole batch; only ReLU makes a
        // unit that is off for a whole batch (h = 0) one whose gradient is of no use.
        let zeroesUnits = activation == .relu || dropout > 0
        let minimum = packingMinimumOutputs
        for i in 0..<(widths.count - 1) {
            let hidden = i < widths.count - 2
            let wide = widths[i] >= minimum && widths[i + 1] >= minimum
            let reluInputs = i > 0 && activation == .relu
            // The first layer's inputs are pixels: most are zero in each image.
            let sparse = i == 0 && wide && sparseFirstLayer
            layers.append(
                Dense(
                    inputs: widths[i], outputs: widths[i + 1], initializer: initializer, rng: &rng, capacity: capacity,
                    packsUnits: !sparse && hidden && zeroesUnits && wide,
                    packsInputs: !sparse && widths[i + 1] >= minimum
                        && (i == 0 || (reluInputs && widths[i] >= minimum)),
                    inputsAreReLUUnits: reluInputs, sparseInputs: sparse))
        }
        self.layers = layers
        self.activation = activation
        self.dropout = Float(dropout)
        self.capacity = capacity
        z = layers.map { Matrix(rows: capacity, columns: $0.outputs) }
        let hidden = layers.dropLast()
        h =
            activation.appliesInPlace
            ? Array(z.prefix(hidden.count)) : hidden.map { Matrix(rows: capacity, columns: $0.outputs) }
        mask = hidden.map { Matrix(rows: dropout > 0 ? capacity : 0, columns: $0.outputs) }
        dh = hidden.map { Matrix(rows: capacity, columns: $0.outputs) }
        meanAbs = hidden.map { [Float](repeating: 0, count: $0.outputs) }
    }

    var inputs: Int { layers[0].inputs }
    var outputs: Int { layers[layers.count - 1].outputs }
    var hiddenCount: Int { layers.count - 1 }
    var parameters: [Parameter] { layers.flatMap(\.parameters) }

    /// Runs the first `rows` rows of `x`; returns the last layer's output (rows × outputs).
    @discardableResult
    func forward(_ x: UnsafePointer<Float>, rows: Int, training: Bool, rng: inout SplitMix64) -> UnsafeMutablePointer<
        Float
    > {
        var input = x
        for (l, layer) in layers.enumerated() {
            let zl = z[l].data
            layer.forward(input, rows: rows, into: zl)
            if l == layers.count - 1 { break }
            let hl = h[l].data
            let n = rows * layer.outputs
            activation.apply(z: zl, h: hl, count: n)
            if training && recordsActivity {
                var sums = [Float](repeating: 0, count: layer.outputs)
                for r in 0..<rows {
                    let row = hl + r * layer.outputs
                    for j in 0..<layer.outputs { sums[j] += abs(row[j]) }
                }
                let scale = 1 / Float(rows)
                meanAbs[l] = sums.map { $0 * scale }
            }
            if training && dropout > 0 {
                let m = mask[l].data
                let keep = 1 / (1 - dropout)
                for i in 0..<n {
                    m[i] = rng.unitFloat() < dropout ? 0 : keep
                    hl[i] *= m[i]
                }
            }
            input = UnsafePointer(hl)
        }
        return z[layers.count - 1].data
    }

    /// Back-propagates `dOut` (rows × outputs) through the network after a training forward of `x`;
    /// fills every parameter's gradient and, when given, the gradient with respect to the input.
    /// `onLayer` runs for each layer once its gradients (and the gradient below it) are complete.
    func backward(
        _ x: UnsafePointer<Float>, rows: Int, dOut: UnsafePointer<Float>, training: Bool,
        dInput: UnsafeMutablePointer<Float>?, onLayer: ((Dense) -> Void)? = nil
    ) {
        var dz = dOut
        for l in stride(from: layers.count - 1, through: 0, by: -1) {
            let input = l == 0 ? x : UnsafePointer(h[l - 1].data)
            let dx: UnsafeMutablePointer<Float>? = l == 0 ? dInput : dh[l - 1].data
            layers[l].backward(input, dz: dz, rows: rows, dx: dx)
            onLayer?(layers[l])
            if l == 0 { break }
            // dh[l-1] → dz of layer l-1, in place: through dropout, then the activation.
            let d = dh[l - 1].data
            let zl = z[l - 1].data
            let n = rows * layers[l - 1].outputs
            if training && dropout > 0 {
                let m = mask[l - 1].data
                for i in 0..<n { d[i] *= m[i] }
            }
            activation.multiplyByDerivative(d, z: zl, count: n)
            dz = UnsafePointer(d)
        }
    }
}
