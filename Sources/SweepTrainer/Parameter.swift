/// A trainable tensor with its gradient and optimiser state (first and second moments).
final class Parameter {
    let value: Matrix
    let grad: Matrix
    /// Adam's m or SGD's momentum buffer.
    let m: Matrix
    /// Adam's v.
    let v: Matrix
    /// Whether L1/L2 penalties apply (weights yes, biases no).
    let penalised: Bool
    /// Whether `grad` holds zeros: true at first and after an optimiser step consumed it (the
    /// optimiser clears it as it reads it), so that the next backward can accumulate into it
    /// (GEMM with β = 1) instead of OpenBLAS clearing it in a pass of its own (β = 0).
    var gradIsZero = true

    init(rows: Int, columns: Int, penalised: Bool) {
        value = Matrix(rows: rows, columns: columns)
        grad = Matrix(rows: rows, columns: columns)
        m = Matrix(rows: rows, columns: columns)
        v = Matrix(rows: rows, columns: columns)
        self.penalised = penalised
    }

    var count: Int { value.count }

    /// Resets the optimiser state of element `i`.
    @inline(__always)
    func resetState(_ i: Int) {
        m.data[i] = 0
        v.data[i] = 0
    }
}
