internal import CKernels

/// A trainable tensor with its gradient and optimiser state (first and second moments).
final class Parameter {
    /// The values as stored; readers use `value`, which first takes a deferred Adam step.
    private let storedValue: Matrix
    /// The gradient as stored; readers use `grad`, which first unpacks a pending packed gradient.
    private let storedGrad: Matrix
    /// Adam's m or SGD's momentum buffer, as stored (read through `m`).
    private let storedM: Matrix
    /// Adam's v, as stored (read through `v`).
    private let storedV: Matrix
    /// A weight gradient that `Dense.backward` left packed to the batch's active units or inputs:
    /// unpacked into the gradient when `grad` is read, or consumed packed by Adam.
    private(set) var packedGrad: PackedGradient?
    /// An Adam step on `packedGrad` that `adam(_:deferring:)` deferred to the layer's next forward
    /// pass, which takes it while it repacks the weights (`Dense.forward`); any other reader of the
    /// values, moments or gradient takes it first.
    private(set) var deferredStep: sweep_adam_step?
    /// Whether L1/L2 penalties apply (weights yes, biases no).
    let penalised: Bool
    /// Whether `grad` holds zeros: true at first and after an optimiser step consumed it (the
    /// optimiser clears it as it reads it), so that the next backward can accumulate into it
    /// (GEMM with β = 1) instead of OpenBLAS clearing it in a pass of its own (β = 0).
    var gradIsZero = true
    /// Whether an Adam step on a packed gradient may be deferred to the next forward pass (set by a
    /// layer that repacks these weights there).
    var stepsMayBeDeferred = false

    init(rows: Int, columns: Int, penalised: Bool) {
        storedValue = Matrix(rows: rows, columns: columns)
        storedGrad = Matrix(rows: rows, columns: columns)
        storedM = Matrix(rows: rows, columns: columns)
        storedV = Matrix(rows: rows, columns: columns)
        self.penalised = penalised
    }

    var count: Int { storedValue.count }

    /// The values (after a deferred step, if one is pending).
    var value: Matrix {
        takeDeferredStep()
        return storedValue
    }

    /// Adam's m or SGD's momentum buffer (after a deferred step, if one is pending).
    var m: Matrix {
        takeDeferredStep()
        return storedM
    }

    /// Adam's v (after a deferred step, if one is pending).
    var v: Matrix {
        takeDeferredStep()
        return storedV
    }

    /// The gradient (unpacked first if `Dense.backward` left it packed).
    var grad: Matrix {
        takeDeferredStep()
        if let packed = packedGrad {
            packed.unpack(into: storedGrad.data)
            packedGrad = nil
            gradIsZero = false
        }
        return storedGrad
    }

    /// Unpacks a pending packed gradient now, before the packing it refers to changes (a forward
    /// pass repacks a layer's inputs). A deferred step is taken instead.
    func settlePackedGradient() {
        if packedGrad != nil { _ = grad }
    }

    /// Records that this step's gradient is `packed.data`, to be unpacked on demand.
    func leavePacked(_ packed: PackedGradient) { packedGrad = packed }

    /// Forgets a pending packed gradient (a new gradient is about to overwrite it).
    func dropPacked() { packedGrad = nil }

    /// One Adam/AdamW step from this step's gradient, packed or stored; leaves the gradient
    /// cleared (`gradIsZero`). With `deferring`, a step on a packed gradient of weights that allow
    /// it is left for the next forward pass (`deferredStep`).
    func adam(_ step: sweep_adam_step, deferring: Bool = false) {
        if let packed = packedGrad, deferring && stepsMayBeDeferred {
            packed.recordColumns()
            deferredStep = step
        } else if packedGrad != nil {
            adamOnPacked(step, gathering: nil)
        } else {
            sweep_adam(storedValue.data, storedGrad.data, storedM.data, storedV.data, count, step)
            gradIsZero = true
        }
    }

    /// Takes the deferred Adam step, if any, also writing the updated values' columns that
    /// `gather` selects into its packed copy of the weights (the copy the forward pass needs).
    func takeDeferredStep(gathering gather: ActiveColumns? = nil) {
        guard let step = deferredStep else { return }
        deferredStep = nil
        adamOnPacked(step, gathering: gather)
    }

    /// One Adam step from the packed gradient, which it consumes.
    private func adamOnPacked(_ step: sweep_adam_step, gathering gather: ActiveColumns?) {
        guard let packed = packedGrad else { return }
        packedGrad = nil
        packed.adam(w: storedValue.data, m: storedM.data, v: storedV.data, step: step, gathering: gather)
        // A stored gradient that the packed one replaced (two backward passes without a step).
        if !gradIsZero { storedGrad.zero() }
        gradIsZero = true
    }

    /// Resets the optimiser state of element `i`.
    @inline(__always)
    func resetState(_ i: Int) {
        takeDeferredStep()
        storedM.data[i] = 0
        storedV.data[i] = 0
    }
}
