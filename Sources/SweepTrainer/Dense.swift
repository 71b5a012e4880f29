import SweepTrainerConfig

/// A fully connected layer y = x·Wᵀ + b, W stored `outputs × inputs` as in PyTorch, or by tiles
/// of units when the layer takes its inputs as each row's nonzero values (`SparseInputs`).
final class Dense {
    let inputs: Int
    let outputs: Int
    let weight: Parameter
    let bias: Parameter
    /// The units whose gradient is nonzero in the batch (see `ActiveUnits`).
    let units: ActiveUnits
    /// The inputs that are nonzero in the batch (see `ActiveColumns`).
    let activeInputs: ActiveColumns
    /// The inputs as each row's nonzero values (a first layer over pixels), which also lays the
    /// weights out by tiles; nil for the other layers.
    let sparseInputs: SparseInputs?
    /// Whether the inputs are ReLU units: one that is off for the whole batch needs no gradient.
    let inputsAreReLUUnits: Bool
    /// Where the weight gradient is written when it is packed to active units or inputs; nil when
    /// the layer never packs.
    let packedGradient: PackedGradient?
    /// Where the layer counts its matrix products, when asked (see `ProductLog`).
    var productLog: ProductLog?

    /// A layer of `outputs` units over `inputs`; `packsUnits` lets the products skip units whose
    /// gradient is zero in a whole batch (of at most `capacity` rows), `packsInputs` lets them skip
    /// inputs that are zero in the whole batch (pixels, or ReLU units when `inputsAreReLUUnits`);
    /// `sparseInputs` makes its products run over each row's nonzero inputs instead (pixels; it
    /// replaces both packings).
    init(
        inputs: Int, outputs: Int, initializer: Initializer, rng: inout SplitMix64, capacity: Int = 0,
        packsUnits: Bool = false, packsInputs: Bool = false, inputsAreReLUUnits: Bool = false,
        sparseInputs: Bool = false
    ) {
        self.inputs = inputs
        self.outputs = outputs
        self.sparseInputs = sparseInputs ? SparseInputs(inputs: inputs, outputs: outputs, capacity: capacity) : nil
        weight = Parameter(rows: outputs, columns: inputs, penalised: true)
        bias = Parameter(rows: 1, columns: outputs, penalised: false)
        units = ActiveUnits(outputs: outputs, inputs: inputs, capacity: capacity, isEnabled: packsUnits)
        activeInputs = ActiveColumns(inputs: inputs, outputs: outputs, capacity: capacity, isEnabled: packsInputs)
        self.inputsAreReLUUnits = inputsAreReLUUnits
        packedGradient = packsUnits || packsInputs ? PackedGradient(rows: outputs, columns: inputs) : nil
        // The forward pass repacks the weights to its inputs: an Adam step deferred to it writes
        // that copy as it updates them.
        weight.stepsMayBeDeferred = packsInputs
        // Drawn unit by unit, input by input, whatever the layout: the same weights either way.
        let w = weight.value.data
        for u in 0..<outputs {
            for p in 0..<inputs {
                w[weightIndex(unit: u, input: p)] = initializer.weight(fanIn: inputs, fanOut: outputs, rng: &rng)
            }
        }
        for i in 0..<outputs {
            bias.value.data[i] = initializer.bias(fanIn: inputs, rng: &rng)
        }
    }

    /// Where unit `u`'s weight on input `p` is in `weight` (and its gradient and optimiser state).
    @inline(__always)
    func weightIndex(unit u: Int, input p: Int) -> Int {
        sparseInputs.map { $0.layout.index(unit: u, input: p) } ?? u * inputs + p
    }

    /// The weights unit by unit (`outputs × inputs`, row-major), whatever the layout.
    var weightsByUnit: [Float] {
        let w = weight.value.data
        return (0..<outputs).flatMap { u in (0..<inputs).map { w[weightIndex(unit: u, input: $0)] } }
    }

    /// z[0..<rows] = x·Wᵀ + b, over the inputs active in the batch when they are packed: the bias
    /// rows first, then the product accumulated onto them (β = 1; with β = 0 OpenBLAS would first
    /// clear z in a scalar pass of its own). An Adam step deferred to here is taken first, and
    /// writes the packed copy of the weights as it updates them (one pass over them, not two). A
    /// layer with sparse inputs runs over each row's nonzero inputs instead (see `SparseInputs`).
    func forward(_ x: UnsafePointer<Float>, rows: Int, into z: UnsafeMutablePointer<Float>) {
        if let sparse = sparseInputs {
            fillBias(z, rows: rows)
            if sparse.select(x, rows: rows) {
                sparse.forward(weights: weight.value.data, into: z, log: productLog)
            } else {
                forwardByTiles(x, rows: rows, into: z, layout: sparse.layout)
            }
            return
        }
        let deferred = weight.deferredStep != nil
        // A gradient still packed to the previous batch's inputs is unpacked before they change.
        if !deferred { weight.settlePackedGradient() }
        fillBias(z, rows: rows)
        let packs = activeInputs.select(x, rows: rows)
        if packs { activeInputs.gatherInput(x, rows: rows) }
        if deferred {
            weight.takeDeferredStep(gathering: packs ? activeInputs : nil)
        } else if packs {
            activeInputs.gatherWeights(weight.value.data)
        }
        if packs {
            let k = activeInputs.count
            gemm(
                false, true, m: rows, n: outputs, k: k, activeInputs.input.data, lda: k, activeInputs.weight.data,
                ldb: k, beta: 1, z, ldc: outputs, log: productLog)
        } else {
            gemm(
                false, true, m: rows, n: outputs, k: inputs, x, lda: inputs, weight.value.data, ldb: inputs, beta: 1,
                z, ldc: outputs, log: productLog)
        }
    }

    /// z += x·Wᵀ with W stored by tiles, one OpenBLAS product per tile (a batch too dense for the
    /// sparse products).
    private func forwardByTiles(
        _ x: UnsafePointer<Float>, rows: Int, into z: UnsafeMutablePointer<Float>, layout: SparseInputs.Layout
    ) {
        let w = weight.value.data
        for start in layout.tileStarts {
            let width = layout.width(ofTileAt: start)
            gemm(
                false, false, m: rows, n: width, k: inputs, x, lda: inputs, w + start * inputs, ldb: width, beta: 1,
                z + start, ldc: outputs, log: productLog)
        }
    }

    /// Writes b into each of the first `rows` rows of z.
    private func fillBias(_ z: UnsafeMutablePointer<Float>, rows: Int) {
        let b = bias.value.data
        for r in 0..<rows { (z + r * outputs).update(from: b, count: outputs) }
    }

    /// Gradients from dz (rows × outputs) after a forward pass of x: dW = dzᵀ·x, db = Σ dz; dx = dz·W
    /// when asked. The products run over the inputs the forward pass packed and the units whose
    /// column of dz is nonzero (when the layer packs them); a weight gradient computed so stays
    /// packed: Adam consumes it so, anything else unpacks it on reading. With ReLU inputs, dx is
    /// computed for the active inputs only and zero for the others.
    func backward(
        _ x: UnsafePointer<Float>, dz: UnsafePointer<Float>, rows: Int, dx: UnsafeMutablePointer<Float>?
    ) {
        if let sparse = sparseInputs {
            backwardWithSparseInputs(x, dz: dz, rows: rows, dx: dx, sparse: sparse)
            return
        }
        // A step still deferred (two backward passes without a forward) is taken before its
        // gradient is overwritten.
        weight.takeDeferredStep()
        let packed = activeInputs.isPacked ? activeInputs : nil
        let unitsPacked = units.pack(dz, rows: rows)
        // The units of the products: the active ones, or all.
        let a = unitsPacked ? units.count : outputs
        let dzs = unitsPacked ? UnsafePointer(units.dz.data) : dz
        // β = 1 into a cleared gradient gives the same bits as β = 0, without OpenBLAS's
        // separate pass that clears C first.
        if let gradient = packedGradient, unitsPacked || packed != nil {
            let beta: Float = gradient.isZero ? 1 : 0
            gradient.begin(units: unitsPacked ? units : nil, inputs: packed)
            let k = gradient.packedColumns
            let xs = packed.map { UnsafePointer($0.input.data) } ?? x
            gemm(
                true, false, m: a, n: k, k: rows, dzs, lda: a, xs, ldb: k, beta: beta, gradient.data.data, ldc: k,
                log: productLog)
            weight.leavePacked(gradient)
        } else {
            weight.dropPacked()
            gemm(
                true, false, m: outputs, n: inputs, k: rows, dz, lda: outputs, x, ldb: inputs,
                beta: weight.gradIsZero ? 1 : 0, weight.grad.data, ldc: inputs, log: productLog)
            weight.gradIsZero = false
        }
        biasGradient(dz, rows: rows)
        guard let dx else { return }
        if let packed, inputsAreReLUUnits {
            let k = packed.count
            let w = unitsPacked ? units.gatherRows(of: packed.weight.data, width: k) : UnsafePointer(packed.weight.data)
            // Zero on entry (unpacking clears it), accumulated into.
            gemm(
                false, false, m: rows, n: k, k: a, dzs, lda: a, w, ldb: k, beta: 1, packed.inputGradient.data, ldc: k,
                log: productLog)
            packed.unpackInputGradient(into: dx, rows: rows)
        } else {
            // Cleared here (a memset) and accumulated into: faster than OpenBLAS's β = 0 pass.
            dx.update(repeating: 0, count: rows * inputs)
            let w =
                unitsPacked ? units.gatherRows(of: weight.value.data, width: inputs) : UnsafePointer(weight.value.data)
            gemm(
                false, false, m: rows, n: inputs, k: a, dzs, lda: a, w, ldb: inputs, beta: 1, dx, ldc: inputs,
                log: productLog)
        }
    }

    /// `backward` for a layer with sparse inputs (weights stored by tiles): the weight gradient over
    /// the nonzero inputs the forward pass of the same batch found (or by OpenBLAS tile by tile when
    /// the batch is dense), dx = dz·W tile by tile when asked.
    private func backwardWithSparseInputs(
        _ x: UnsafePointer<Float>, dz: UnsafePointer<Float>, rows: Int, dx: UnsafeMutablePointer<Float>?,
        sparse: SparseInputs
    ) {
        let g = weight.grad.data
        let w = UnsafePointer(weight.value.data)
        let layout = sparse.layout
        if sparse.gains {
            sparse.weightGradient(dz: dz, into: g, log: productLog)
        } else {
            for start in layout.tileStarts {
                let width = layout.width(ofTileAt: start)
                gemm(
                    true, false, m: inputs, n: width, k: rows, x, lda: inputs, dz + start, ldb: outputs, beta: 0,
                    g + start * inputs, ldc: width, log: productLog)
            }
        }
        weight.gradIsZero = false
        biasGradient(dz, rows: rows)
        guard let dx else { return }
        dx.update(repeating: 0, count: rows * inputs)
        for start in layout.tileStarts {
            let width = layout.width(ofTileAt: start)
            gemm(
                false, true, m: rows, n: inputs, k: width, dz + start, lda: outputs, w + start * inputs, ldb: width,
                beta: 1, dx, ldc: inputs, log: productLog)
        }
    }

    /// db = Σ over the rows of dz.
    private func biasGradient(_ dz: UnsafePointer<Float>, rows: Int) {
        bias.gradIsZero = false
        let db = bias.grad.data
        db.update(repeating: 0, count: outputs)
        for r in 0..<rows {
            let row = dz + r * outputs
            for j in 0..<outputs { db[j] += row[j] }
        }
    }

    var parameters: [Parameter] { [weight, bias] }
}
