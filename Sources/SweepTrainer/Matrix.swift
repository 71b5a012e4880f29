internal import COpenBLAS

/// A row-major Float32 matrix in memory it owns (no copy-on-write, no bounds checks in hot loops).
/// Internal: shared between a layer and its optimiser, never crosses threads.
final class Matrix {
    /// Rows allocated.
    let rows: Int
    /// Columns.
    let columns: Int
    /// The elements, `rows × columns`, zero-initialised.
    let data: UnsafeMutablePointer<Float>

    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        data = .allocate(capacity: max(1, rows * columns))
        data.initialize(repeating: 0, count: max(1, rows * columns))
    }

    deinit { data.deallocate() }

    /// Number of elements.
    var count: Int { rows * columns }

    subscript(row: Int, column: Int) -> Float {
        get { data[row * columns + column] }
        set { data[row * columns + column] = newValue }
    }

    func zero() { data.update(repeating: 0, count: count) }

    /// The elements as an array (tests, figures).
    var array: [Float] { Array(UnsafeBufferPointer(start: data, count: count)) }

    /// Copies `values` (count must match) into the matrix.
    func set(_ values: [Float]) {
        for i in 0..<min(values.count, count) { data[i] = values[i] }
    }
}

/// C = α·op(A)·op(B) + β·C over row-major matrices with explicit sizes (first `m` rows of C),
/// counted in `log` when one is given.
@inline(__always)
func gemm(
    _ transA: Bool, _ transB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
    _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int, beta: Float,
    _ c: UnsafeMutablePointer<Float>, ldc: Int, log: ProductLog? = nil
) {
    let product = {
        cblas_sgemm(
            CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
    if let log { log.record(flop: 2 * Double(m) * Double(n) * Double(k), product) } else { product() }
}
