internal import CKernels

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
    /// The active columns as runs of consecutive columns (MNIST rows leave a few runs per image
    /// row), so that packing and unpacking copy runs instead of single elements: run `i` starts
    /// at full column `runStart[i]`, packed column `runPacked[i]`, and is `runLength[i]` long.
    private let runStart: UnsafeMutablePointer<Int>
    private let runPacked: UnsafeMutablePointer<Int>
    private let runLength: UnsafeMutablePointer<Int>
    private var runCount = 0
    /// One row of the full gradient, where Adam unpacks the packed gradient row by row.
    private let scratch: UnsafeMutablePointer<Float>
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
    /// The weight gradient over the active columns (outputs × count).
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
        input = Matrix(rows: capacity, columns: inputs)
        weight = Matrix(rows: outputs, columns: inputs)
        grad = Matrix(rows: outputs, columns: inputs)
        runStart = .allocate(capacity: inputs)
        runPacked = .allocate(capacity: inputs)
        runLength = .allocate(capacity: inputs)
        scratch = .allocate(capacity: inputs)
        scratch.initialize(repeating: 0, count: inputs)
    }

    deinit {
        index.deallocate()
        mask.deallocate()
        runStart.deallocate()
        runPacked.deallocate()
        runLength.deallocate()
        scratch.deallocate()
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

    private var runs: sweep_runs {
        sweep_runs(start: runStart, packed: runPacked, length: runLength, count: runCount)
    }

    /// Writes the packed gradient into the full one (outputs × inputs), zero in inactive columns.
    /// Clears the packed gradient as it goes (see `gradIsZero`).
    func unpackGradient(into g: UnsafeMutablePointer<Float>) {
        sweep_unpack_runs(g, grad.data, outputs, inputs, count, runs)
        gradIsZero = true
    }

    /// One Adam step of the full weight `p` from the packed gradient, which is unpacked a row at a
    /// time into a scratch row (the full gradient is never written). Clears the packed gradient.
    func adam(_ p: Parameter, step: sweep_adam_step) {
        sweep_adam_packed(
            p.value.data, p.m.data, p.v.data, grad.data, outputs, inputs, count, runs, scratch, step)
        gradIsZero = true
    }
}
