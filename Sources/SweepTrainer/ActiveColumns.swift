/// The input columns of a layer that are nonzero somewhere in the current batch, with packed
/// copies of the batch and of the layer's weights restricted to them: MNIST digits leave about a
/// third of the pixels zero in every image of a batch of 128, and ReLU turns a fifth to a quarter of
/// the VAE's hidden units off for a whole batch, so the layer's products (x·Wᵀ, dzᵀ·x, and for a
/// hidden input dz·W) skip that share of their work. A zero column adds nothing to the first two;
/// a ReLU unit that is off has no use for its gradient.
final class ActiveColumns {
    /// Columns of the full input.
    let inputs: Int
    /// Output units of the layer.
    let outputs: Int
    /// The active columns of the current batch.
    let selection: ColumnSelection
    /// Whether packing is on: the layer is wide enough (below 64 units the saved multiply-adds do
    /// not pay for scanning and gathering the batch), and its inputs are pixels or ReLU units.
    let isEnabled: Bool
    /// Whether the current batch is packed (enough columns are zero to be worth it).
    private(set) var isPacked = false
    /// The batch restricted to the active columns (rows × count).
    let input: Matrix
    /// The layer's weights restricted to the active columns (outputs × count).
    let weight: Matrix
    /// The gradient with respect to the active columns (rows × count), zero between uses.
    let inputGradient: Matrix

    init(inputs: Int, outputs: Int, capacity: Int, isEnabled: Bool) {
        self.inputs = inputs
        self.outputs = outputs
        self.isEnabled = isEnabled
        selection = ColumnSelection(columns: isEnabled ? inputs : 0)
        input = Matrix(rows: isEnabled ? capacity : 0, columns: inputs)
        weight = Matrix(rows: isEnabled ? outputs : 0, columns: inputs)
        inputGradient = Matrix(rows: isEnabled ? capacity : 0, columns: inputs)
    }

    /// Number of active columns in the current batch.
    var count: Int { selection.count }

    /// Finds the active columns of `x` (rows × inputs); returns whether the batch is packed (enabled,
    /// and at least an eighth of the columns zero). Packing `x` and the weights follows.
    func select(_ x: UnsafePointer<Float>, rows: Int) -> Bool {
        isPacked = isEnabled && selection.select(x, rows: rows)
        return isPacked
    }

    /// Packs `x` (rows × inputs) to the selected columns.
    func gatherInput(_ x: UnsafePointer<Float>, rows: Int) {
        selection.gather(x, rows: rows, into: input.data)
    }

    /// Packs the layer's weights `w` (outputs × inputs) to the selected columns.
    func gatherWeights(_ w: UnsafePointer<Float>) {
        selection.gather(w, rows: outputs, into: weight.data)
    }

    /// Writes the packed input gradient into the full one (rows × inputs), zero in the inactive
    /// columns, and clears the packed one.
    func unpackInputGradient(into dx: UnsafeMutablePointer<Float>, rows: Int) {
        selection.unpack(inputGradient.data, rows: rows, into: dx)
    }
}
