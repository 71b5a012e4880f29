internal import CKernels

/// A weight gradient that `Dense.backward` left packed: its rows restricted to the layer's active
/// units (`ActiveUnits`), its columns to the layer's active inputs (`ActiveColumns`), or
/// both. Adam consumes it so; anything else unpacks it into the full gradient on reading.
final class PackedGradient {
    /// Rows of the full gradient (the layer's units).
    let rows: Int
    /// Columns of the full gradient (the layer's inputs).
    let columns: Int
    /// The packed gradient (`packedRows × packedColumns`), within a full-sized buffer.
    let data: Matrix
    /// The row map of the current gradient, or nil when every row is present.
    private(set) var units: ActiveUnits?
    /// The column runs of the current gradient, or nil when every column is present.
    private(set) var inputs: ActiveColumns?
    /// Floats at the start of `data` that may be nonzero (cleared by `adam` and `unpack`).
    private var dirty = 0
    /// One row of the full gradient, where Adam unpacks packed columns without AVX-512 (zero
    /// between uses).
    private let scratch: Matrix
    /// The gradient's columns as chunk masks, and its packed width, recorded for its Adam step
    /// (`recordColumns()`): a deferred step is taken after the layer's inputs are repacked for
    /// the next batch.
    private let masks: Buffer<UInt16>
    private var recordedColumns: Int?

    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        data = Matrix(rows: rows, columns: columns)
        scratch = Matrix(rows: 1, columns: columns)
        masks = Buffer(count: (columns + 15) / 16)
    }

    var packedRows: Int { units?.count ?? rows }
    var packedColumns: Int { recordedColumns ?? inputs?.count ?? columns }

    /// Whether `data` is all zeros, so that the next product may accumulate into it (β = 1).
    var isZero: Bool { dirty == 0 }

    /// Records the shape of the gradient that the layer is about to write into `data`.
    func begin(units: ActiveUnits?, inputs: ActiveColumns?) {
        self.units = units
        self.inputs = inputs
        recordedColumns = nil
        dirty = max(dirty, packedRows * packedColumns)
    }

    private var runs: sweep_runs {
        inputs?.selection.runs ?? sweep_runs(start: nil, packed: nil, length: nil, count: 0)
    }

    /// Writes the gradient into the full one (rows × columns), zero where it was skipped, and
    /// clears the packed one.
    func unpack(into g: UnsafeMutablePointer<Float>) {
        sweep_unpack_runs(g, data.data, rows, units?.rowOf.data, columns, packedColumns, runs)
        clearRest()
    }

    /// Records the gradient's columns for its Adam step, so that the step can wait until after
    /// the layer's inputs are repacked (a deferred step, see `Parameter.adam`).
    func recordColumns() {
        if let inputs { masks.data.update(from: inputs.selection.chunkMasks, count: masks.count) }
        recordedColumns = packedColumns
    }

    /// One Adam step of the full weight `w` (with moments `m`, `v`) from the packed gradient (the
    /// full gradient is never written), which also writes the updated weights' columns that
    /// `gather` selects into its packed copy of the weights. Clears the packed gradient.
    func adam(
        w: UnsafeMutablePointer<Float>, m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>,
        step: sweep_adam_step, gathering gather: ActiveColumns?
    ) {
        if recordedColumns == nil { recordColumns() }
        sweep_adam_masked(
            w, m, v, data.data, rows, units?.rowOf.data, columns, packedColumns, inputs != nil ? masks.data : nil,
            scratch.data, step, gather?.weight.data, gather?.count ?? 0, gather?.selection.chunkMasks)
        clearRest()
        recordedColumns = nil
    }

    /// Clears what an earlier, larger gradient left beyond the one just consumed.
    private func clearRest() {
        let used = packedRows * packedColumns
        if dirty > used { (data.data + used).update(repeating: 0, count: dirty - used) }
        dirty = 0
    }
}
