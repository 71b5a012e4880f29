internal import CKernels

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
    /// Indices of the active columns, ascending (the first `count`).
    let index: UnsafeMutablePointer<Int>
    /// Per column, whether it is nonzero in some row of the batch.
    private let mask: UnsafeMutablePointer<UInt32>
    /// The active columns as runs of consecutive columns (MNIST rows leave a few runs per image
    /// row), so that packing and unpacking copy runs instead of single elements: run `i` starts
    /// at full column `runStart[i]`, packed column `runPacked[i]`, and is `runLength[i]` long.
    private let runStart: UnsafeMutablePointer<Int>
    private let runPacked: UnsafeMutablePointer<Int>
    private let runLength: UnsafeMutablePointer<Int>
    private var runCount = 0
    /// Whether packing is on: the layer is wide enough (below 64 units the saved multiply-adds do
    /// not pay for scanning and gathering the batch), and its inputs are pixels or ReLU units.
    let isEnabled: Bool
    /// Number of active columns in the current batch.
    private(set) var count = 0
    /// Whether the current batch is packed (enough columns are zero to be worth it).
    private(set) var isPacked = false
    /// The batch restricted to the active columns (rows × count).
    let input: Matrix
    /// The layer's weights restricted to the active columns (outputs × count).
    let weight: Matrix
    /// The gradient with respect to the active columns (rows × count), before it is unpacked.
    let inputGradient: Matrix

    init(inputs: Int, outputs: Int, capacity: Int, isEnabled: Bool) {
        self.inputs = inputs
        self.outputs = outputs
        self.isEnabled = isEnabled
        index = .allocate(capacity: inputs)
        index.initialize(repeating: 0, count: inputs)
        mask = .allocate(capacity: inputs)
        mask.initialize(repeating: 0, count: inputs)
        input = Matrix(rows: isEnabled ? capacity : 0, columns: inputs)
        weight = Matrix(rows: isEnabled ? outputs : 0, columns: inputs)
        inputGradient = Matrix(rows: isEnabled ? capacity : 0, columns: inputs)
        runStart = .allocate(capacity: inputs)
        runPacked = .allocate(capacity: inputs)
        runLength = .allocate(capacity: inputs)
    }

    deinit {
        index.deallocate()
        mask.deallocate()
        runStart.deallocate()
        runPacked.deallocate()
        runLength.deallocate()
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
        sweep_nonzero_columns(x, rows, inputs, seen)
        count = 0
        for j in 0..<inputs where seen[j] != 0 {
            index[count] = j
            count += 1
        }
        isPacked = count * 8 <= inputs * 7
        guard isPacked else { return false }
        let k = count
        runCount = 0
        for c in 0..<k {
            if c > 0 && index[c] == index[c - 1] + 1 {
                runLength[runCount - 1] += 1
            } else {
                runStart[runCount] = index[c]
                runPacked[runCount] = c
                runLength[runCount] = 1
                runCount += 1
            }
        }
        gather(x, rows: rows, into: input.data)
        gather(w, rows: outputs, into: weight.data)
        return true
    }

    /// Copies the active columns of `rows` rows of a full matrix (rows × inputs) into a packed one
    /// (rows × count).
    private func gather(_ full: UnsafePointer<Float>, rows: Int, into packed: UnsafeMutablePointer<Float>) {
        sweep_gather_runs(full, packed, rows, inputs, count, runs)
    }

    /// The active columns as runs, for the kernels that unpack a gradient packed to them.
    var runs: sweep_runs {
        sweep_runs(start: runStart, packed: runPacked, length: runLength, count: runCount)
    }

    /// Writes the packed input gradient into the full one (rows × inputs), zero in the inactive
    /// columns.
    func unpackInputGradient(into dx: UnsafeMutablePointer<Float>, rows: Int) {
        sweep_unpack_runs(dx, inputGradient.data, rows, nil, inputs, count, runs)
    }
}
