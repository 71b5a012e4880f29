internal import CKernels

/// The output units of a hidden layer whose gradient dz is nonzero somewhere in the batch, with dz
/// packed to them: a unit that ReLU (or dropout) turned off for every image of the batch has a zero
/// column in dz, hence a zero row in dW = dzᵀ·x, so the weight-gradient product skips it. In the
/// VAE on MNIST that is a quarter of the encoder's first layer and a third of its second.
final class ActiveUnits {
    /// Units of the layer.
    let outputs: Int
    /// Whether packing is on (the layer is wide enough, and its activation can zero a unit's
    /// gradient for a whole batch).
    let isEnabled: Bool
    /// Per unit, its row in the packed gradient, or −1 where its gradient is zero in this batch.
    let rowOf: UnsafeMutablePointer<Int>
    /// The active units, ascending (the first `count`).
    private let index: UnsafeMutablePointer<Int>
    /// Per unit, whether dz is nonzero in some row of the batch.
    private let seen: UnsafeMutablePointer<UInt32>
    /// Number of active units in the current batch.
    private(set) var count = 0
    /// Whether the current batch is packed (enough units are off to be worth it).
    private(set) var isPacked = false
    /// dz restricted to the active units (rows × count).
    let dz: Matrix
    /// The layer's weights restricted to the active units' rows (count × inputs), for dx = dz·W;
    /// allocated on first use (the first layer computes no dx).
    private var weightRows: Matrix?

    init(outputs: Int, capacity: Int, isEnabled: Bool) {
        self.outputs = outputs
        self.isEnabled = isEnabled
        rowOf = .allocate(capacity: outputs)
        rowOf.initialize(repeating: -1, count: outputs)
        index = .allocate(capacity: outputs)
        index.initialize(repeating: 0, count: outputs)
        seen = .allocate(capacity: outputs)
        seen.initialize(repeating: 0, count: outputs)
        dz = Matrix(rows: isEnabled ? capacity : 0, columns: outputs)
    }

    deinit {
        rowOf.deallocate()
        index.deallocate()
        seen.deallocate()
    }

    /// Finds the units with a nonzero gradient in `dz` (rows × outputs) and, when enabled and at
    /// least an eighth of the units are off, packs dz to them. Returns whether it packed.
    @discardableResult
    func pack(_ dz: UnsafePointer<Float>, rows: Int) -> Bool {
        guard isEnabled else {
            isPacked = false
            return false
        }
        sweep_nonzero_columns(dz, rows, outputs, seen)
        count = 0
        for j in 0..<outputs {
            if seen[j] != 0 {
                index[count] = j
                rowOf[j] = count
                count += 1
            } else {
                rowOf[j] = -1
            }
        }
        isPacked = count * 8 <= outputs * 7
        guard isPacked else { return false }
        sweep_gather_columns(dz, self.dz.data, rows, outputs, index, count)
        return true
    }

    /// Copies the active units' rows of `w` (outputs × inputs, inputs at most the layer's) into a
    /// packed matrix (count × inputs) and returns it: dz·W over the active units only, since the
    /// other units' dz is zero.
    func gatherRows(of w: UnsafePointer<Float>, inputs: Int) -> UnsafePointer<Float> {
        let packed: Matrix
        if let weightRows, weightRows.count >= outputs * inputs {
            packed = weightRows
        } else {
            packed = Matrix(rows: outputs, columns: inputs)
            weightRows = packed
        }
        for c in 0..<count { (packed.data + c * inputs).update(from: w + index[c] * inputs, count: inputs) }
        return UnsafePointer(packed.data)
    }
}
