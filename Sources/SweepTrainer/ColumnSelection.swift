internal import CKernels

/// The columns of a batch matrix that hold a nonzero value in some row, as ascending indices and
/// as runs of consecutive columns, and the copies between full and packed rows: what a layer packs
/// its inputs to (`ActiveColumns`) and its dz to (`ActiveUnits`).
final class ColumnSelection {
    /// Columns of the full matrix.
    let columns: Int
    /// The selected columns, ascending (the first `count`).
    let index: Buffer<Int>
    /// Number of selected columns.
    private(set) var count = 0
    /// Per column, whether it is nonzero in some row.
    private let seen: Buffer<UInt32>
    /// The selected columns as runs (MNIST rows leave a few per image row, hidden units many
    /// short ones): run `i` starts at full column `runStart[i]`, packed column `runPacked[i]`, and
    /// is `runLength[i]` long.
    private let runStart: Buffer<Int>
    private let runPacked: Buffer<Int>
    private let runLength: Buffer<Int>
    private var runCount = 0
    /// The selected columns as chunk masks (see `chunkMasks`).
    private let masks: Buffer<UInt16>

    init(columns: Int) {
        self.columns = columns
        index = Buffer(count: columns)
        seen = Buffer(count: columns)
        runStart = Buffer(count: columns)
        runPacked = Buffer(count: columns)
        runLength = Buffer(count: columns)
        masks = Buffer(count: (columns + 15) / 16)
    }

    /// Selects the columns of `x` (rows × columns) that are nonzero in some row (−0 counts as zero)
    /// and returns whether packing to them pays: whether at least an eighth of the columns are zero.
    func select(_ x: UnsafePointer<Float>, rows: Int) -> Bool {
        sweep_nonzero_columns(x, rows, columns, seen.data)
        count = 0
        runCount = 0
        for j in 0..<columns where seen[j] != 0 {
            if count > 0 && index[count - 1] == j - 1 {
                runLength[runCount - 1] += 1
            } else {
                runStart[runCount] = j
                runPacked[runCount] = count
                runLength[runCount] = 1
                runCount += 1
            }
            index[count] = j
            count += 1
        }
        return count * 8 <= columns * 7
    }

    /// The selected columns as chunk masks, one per sixteen columns (for the AVX-512 kernels).
    var chunkMasks: UnsafePointer<UInt16> {
        sweep_chunk_masks(runs, columns, masks.data)
        return UnsafePointer(masks.data)
    }

    /// The selected columns as runs, for the kernels.
    var runs: sweep_runs {
        sweep_runs(start: runStart.data, packed: runPacked.data, length: runLength.data, count: runCount)
    }

    /// Copies the selected columns of `rows` rows of `full` (rows × columns) into `packed`
    /// (rows × count).
    func gather(_ full: UnsafePointer<Float>, rows: Int, into packed: UnsafeMutablePointer<Float>) {
        sweep_gather_runs(full, packed, rows, columns, count, runs)
    }

    /// Writes `rows` packed rows (rows × count) into full ones (rows × columns), zero in the other
    /// columns, and clears the packed rows.
    func unpack(_ packed: UnsafeMutablePointer<Float>, rows: Int, into full: UnsafeMutablePointer<Float>) {
        sweep_unpack_runs(full, packed, rows, nil, columns, count, runs)
    }
}
