internal import CKernels

/// A trainable tensor with its gradient and optimiser state (first and second moments).
final class Parameter {
    let value: Matrix
    /// The gradient as stored; readers use `grad`, which first unpacks a pending packed gradient.
    private let storedGrad: Matrix
    /// A weight gradient that `Dense.backward` left packed to the batch's active units or inputs:
    /// unpacked into the gradient when `grad` is read, or consumed packed by Adam.
    private(set) var packedGrad: PackedGradient?
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
        storedGrad = Matrix(rows: rows, columns: columns)
        m = Matrix(rows: rows, columns: columns)
        v = Matrix(rows: rows, columns: columns)
        self.penalised = penalised
    }

    var count: Int { value.count }

    /// The gradient (unpacked first if `Dense.backward` left it packed).
    var grad: Matrix {
        if let packed = packedGrad {
            packed.unpack(into: storedGrad.data)
            packedGrad = nil
            gradIsZero = false
        }
        return storedGrad
    }

    /// Unpacks a pending packed gradient now, before the packing it refers to changes (a forward
    /// pass repacks a layer's inputs).
    func settlePackedGradient() {
        if packedGrad != nil { _ = grad }
    }

    /// Records that this step's gradient is `packed.data`, to be unpacked on demand.
    func leavePacked(_ packed: PackedGradient) { packedGrad = packed }

    /// Forgets a pending packed gradient (a new gradient is about to overwrite it).
    func dropPacked() { packedGrad = nil }

    /// One Adam/AdamW step from this step's gradient, packed or stored; leaves the gradient
    /// cleared (`gradIsZero`).
    func adam(_ step: sweep_adam_step) {
        if let packed = packedGrad {
            packedGrad = nil
            packed.adam(self, step: step)
            // A stored gradient that the packed one replaced (two backward passes without a step).
            if !gradIsZero { storedGrad.zero() }
        } else {
            sweep_adam(value.data, storedGrad.data, m.data, v.data, count, step)
        }
        gradIsZero = true
    }

    /// Resets the optimiser state of element `i`.
    @inline(__always)
    func resetState(_ i: Int) {
        m.data[i] = 0
        v.data[i] = 0
    }
}
