import SweepTrainerConfig

/// A fully connected layer y = x·Wᵀ + b, W stored `outputs × inputs` as in PyTorch.
final class Dense {
    let inputs: Int
    let outputs: Int
    let weight: Parameter
    let bias: Parameter

    init(inputs: Int, outputs: Int, initializer: Initializer, rng: inout SplitMix64) {
        self.inputs = inputs
        self.outputs = outputs
        weight = Parameter(rows: outputs, columns: inputs, penalised: true)
        bias = Parameter(rows: 1, columns: outputs, penalised: false)
        for i in 0..<weight.count {
            weight.value.data[i] = initializer.weight(fanIn: inputs, fanOut: outputs, rng: &rng)
        }
        for i in 0..<outputs {
            bias.value.data[i] = initializer.bias(fanIn: inputs, rng: &rng)
        }
    }

    /// z[0..<rows] = x·Wᵀ + b: the bias rows first, then the product accumulated onto them (β = 1;
    /// with β = 0 OpenBLAS would first clear z in a scalar pass of its own).
    func forward(_ x: UnsafePointer<Float>, rows: Int, into z: UnsafeMutablePointer<Float>) {
        fillBias(z, rows: rows)
        gemm(
            false, true, m: rows, n: outputs, k: inputs, x, lda: inputs, weight.value.data, ldb: inputs, beta: 1, z,
            ldc: outputs)
    }

    /// z[0..<rows] = x·Wᵀ + b over the active columns only (x and W packed by `packed`).
    func forward(packed: ActiveColumns, rows: Int, into z: UnsafeMutablePointer<Float>) {
        fillBias(z, rows: rows)
        let k = packed.count
        gemm(
            false, true, m: rows, n: outputs, k: k, packed.input.data, lda: k, packed.weight.data, ldb: k, beta: 1, z,
            ldc: outputs)
    }

    /// Writes b into each of the first `rows` rows of z.
    private func fillBias(_ z: UnsafeMutablePointer<Float>, rows: Int) {
        let b = bias.value.data
        for r in 0..<rows { (z + r * outputs).update(from: b, count: outputs) }
    }

    /// Gradients from dz (rows × outputs): dW = dzᵀ·x, db = Σ dz; dx = dz·W when asked. With
    /// `packed` (x's active columns, packed by the forward), dW is computed over those columns.
    func backward(
        _ x: UnsafePointer<Float>, dz: UnsafePointer<Float>, rows: Int, dx: UnsafeMutablePointer<Float>?,
        packed: ActiveColumns? = nil
    ) {
        // β = 1 into a cleared gradient gives the same bits as β = 0, without OpenBLAS's
        // separate pass that clears C first.
        if let packed {
            // The gradient stays packed: Adam consumes it so, anything else unpacks it on reading.
            let k = packed.count
            gemm(
                true, false, m: outputs, n: k, k: rows, dz, lda: outputs, packed.input.data, ldb: k,
                beta: packed.gradIsZero ? 1 : 0, packed.grad.data, ldc: k)
            packed.gradIsZero = false
            weight.leavePacked(packed)
        } else {
            weight.dropPacked()
            gemm(
                true, false, m: outputs, n: inputs, k: rows, dz, lda: outputs, x, ldb: inputs,
                beta: weight.gradIsZero ? 1 : 0, weight.grad.data, ldc: inputs)
            weight.gradIsZero = false
        }
        bias.gradIsZero = false
        let db = bias.grad.data
        db.update(repeating: 0, count: outputs)
        for r in 0..<rows {
            let row = dz + r * outputs
            for j in 0..<outputs { db[j] += row[j] }
        }
        if let dx {
            // Cleared here (a memset) and accumulated into: faster than OpenBLAS's β = 0 pass.
            dx.update(repeating: 0, count: rows * inputs)
            gemm(
                false, false, m: rows, n: inputs, k: outputs, dz, lda: outputs, weight.value.data, ldb: inputs, beta: 1,
                dx, ldc: inputs)
        }
    }

    var parameters: [Parameter] { [weight, bias] }
}
