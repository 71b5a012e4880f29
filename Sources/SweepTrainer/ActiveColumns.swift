/// The input columns (pixels) that are nonzero somewhere in the current batch, with packed copies
/// of the batch and of the first layer's weights restricted to them: MNIST digits leave about a
/// third of the pixels zero in every image of a batch of 128, so the first layer's two products
/// (x·Wᵀ and dzᵀ·x) skip that share of their work. A zero column adds nothing to either product.
final class ActiveColumns {
    /// Columns of the full input.
    let inputs: Int
    /// Output units of the first layer.
    let outputs: Int
    /// Indices of the active columns, ascending (the first `count`).
    let index: UnsafeMutablePointer<Int>
    /// Per column, whether it is nonzero in some row of the batch.
    private let mask: UnsafeMutablePointer<UInt32>
    /// Per column of the full input, its column in the packed gradient (`count`, a zero, if inactive).
    private let position: UnsafeMutablePointer<Int32>
    /// Whether packing is on: the first layer has at least `minimumOutputs` units (below that the
    /// saved multiply-adds do not pay for scanning and gathering the batch).
    let isEnabled: Bool
    /// Number of active columns in the current batch.
    private(set) var count = 0
    /// Whether the current batch is packed (enough columns are zero to be worth it).
    private(set) var isPacked = false
    /// The batch restricted to the active columns (rows × count).
    let input: Matrix
    /// The first layer's weights restricted to the active columns (outputs × count).
    let weight: Matrix
    /// The weight gradient over the active columns (outputs × count, row stride count + 1: a zero
    /// ends each row).
    let grad: Matrix
    /// Whether `grad` is all zeros (it starts so, and `unpackGradient` clears what it read), so
    /// that the next product may accumulate into it.
    var gradIsZero = true

    init(inputs: Int, outputs: Int, capacity: Int, minimumOutputs: Int = 64) {
        self.inputs = inputs
        self.outputs = outputs
        isEnabled = outputs >= minimumOutputs
        index = .allocate(capacity: inputs)
        index.initialize(repeating: 0, count: inputs)
        mask = .allocate(capacity: inputs)
        mask.initialize(repeating: 0, count: inputs)
        position = .allocate(capacity: inputs)
        position.initialize(repeating: 0, count: inputs)
        input = Matrix(rows: capacity, columns: inputs)
        weight = Matrix(rows: outputs, columns: inputs)
        grad = Matrix(rows: outputs, columns: inputs + 1)
    }

    deinit {
        index.deallocate()
        mask.deallocate()
        position.deallocate()
    }

    /// Finds the active columns of `x` (rows × inputs) and, when enabled and at least an eighth of
    /// the columns are zero, packs `x` and `w` (outputs × inputs) to them. Returns whether it packed.
    @discardableResult
    func pack(_ x: UnsafePointer<Float>, rows: Int, weights w: UnsafePointer<Float>) -> Bool {
        guard isEnabled else {
            isPacked = false
            return false
        }
        let seen = mask
        seen.update(repeating: 0, count: inputs)
        for r in 0..<rows {
            let row = x + r * inputs
            for j in 0..<inputs { seen[j] |= row[j] != 0 ? 1 : 0 }
        }
        count = 0
        for j in 0..<inputs where seen[j] != 0 {
            index[count] = j
            count += 1
        }
        isPacked = count * 8 <= inputs * 7
        guard isPacked else { return false }
        let k = count
        position.update(repeating: Int32(k), count: inputs)
        for c in 0..<k { position[index[c]] = Int32(c) }
        let xp = input.data, wp = weight.data
        for r in 0..<rows {
            let src = x + r * inputs, dst = xp + r * k
            for c in 0..<k { dst[c] = src[index[c]] }
        }
        for o in 0..<outputs {
            let src = w + o * inputs, dst = wp + o * k
            for c in 0..<k { dst[c] = src[index[c]] }
        }
        return true
    }

    /// Writes the packed gradient into the full one (outputs × inputs), zero in inactive columns.
    /// Clears the packed gradient as it goes (see `gradIsZero`).
    func unpackGradient(into g: UnsafeMutablePointer<Float>) {
        let k = count
        let gp = grad.data
        for o in 0..<outputs {
            let src = gp + o * (k + 1), dst = g + o * inputs
            src[k] = 0
            for j in 0..<inputs { dst[j] = src[Int(position[j])] }
            src.update(repeating: 0, count: k)
        }
        gradIsZero = true
    }
}
