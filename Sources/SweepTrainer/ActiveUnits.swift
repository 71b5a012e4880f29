/// The output units of a hidden layer whose gradient dz is nonzero somewhere in the batch, with dz
/// packed to them: a unit that ReLU (or dropout) turned off for every image of the batch has a zero
/// column in dz, hence a zero row in dW = dzᵀ·x and no part in dx = dz·W, so both products skip
/// it. In the VAE on MNIST that is a quarter of the encoder's first layer and a third of its second.
final class ActiveUnits {
    /// Units of the layer.
    let outputs: Int
    /// Inputs of the layer (the columns of W).
    let inputs: Int
    /// Whether packing is on (the layer is wide enough, and its activation can zero a unit's
    /// gradient for a whole batch).
    let isEnabled: Bool
    /// The active units of the current batch.
    private let selection: ColumnSelection
    /// Per unit, its row in the packed gradient, or −1 where its gradient is zero in this batch
    /// (valid while `isPacked`).
    let rowOf: Buffer<Int>
    /// Whether the current batch is packed (enough units are off to be worth it).
    private(set) var isPacked = false
    /// dz restricted to the active units (rows × count).
    let dz: Matrix
    /// The layer's weights restricted to the active units' rows (count × at most `inputs`), for
    /// dx = dz·W; allocated on first use (a first layer computes no dx).
    private var weightRows: Matrix?

    init(outputs: Int, inputs: Int, capacity: Int, isEnabled: Bool) {
        self.outputs = outputs
        self.inputs = inputs
        self.isEnabled = isEnabled
        selection = ColumnSelection(columns: isEnabled ? outputs : 0)
        rowOf = Buffer(count: outputs, repeating: -1)
        dz = Matrix(rows: isEnabled ? capacity : 0, columns: outputs)
    }

    /// Number of active units in the current batch.
    var count: Int { selection.count }

    /// Finds the units with a nonzero gradient in `dz` (rows × outputs) and, when enabled and at
    /// least an eighth of the units are off, packs dz to them. Returns whether it packed.
    @discardableResult
    func pack(_ dz: UnsafePointer<Float>, rows: Int) -> Bool {
        isPacked = isEnabled && selection.select(dz, rows: rows)
        guard isPacked else { return false }
        rowOf.data.update(repeating: -1, count: outputs)
        for c in 0..<selection.count { rowOf[selection.index[c]] = c }
        selection.gather(dz, rows: rows, into: self.dz.data)
        return true
    }

    /// Copies the active units' rows of `w` (outputs × `width`, `width` at most `inputs`) into a
    /// packed matrix (count × width) and returns it.
    func gatherRows(of w: UnsafePointer<Float>, width: Int) -> UnsafePointer<Float> {
        let packed = weightRows ?? Matrix(rows: outputs, columns: inputs)
        weightRows = packed
        for c in 0..<selection.count {
            (packed.data + c * width).update(from: w + selection.index[c] * width, count: width)
        }
        return UnsafePointer(packed.data)
    }
}
