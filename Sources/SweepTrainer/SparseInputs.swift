internal import CKernels

/// The inputs of a first layer image by image, as their nonzero values only: an MNIST digit lights
/// about 150 of its 784 pixels, so x·Wᵀ and dzᵀ·x over each image's own nonzero pixels do a fifth
/// of the dense work (packing the batch to the pixels nonzero in some image of it leaves two
/// thirds). The layer stores its weights input-major by tiles of 64 units (`Layout`), which is
/// what both products read and write. Images that are not sparse (`suits`), and runs on more than
/// one thread (the sparse products take one), keep the plain layer; a batch too dense to gain (more
/// than `maximumDensity` of its values nonzero) takes OpenBLAS tile by tile.
final class SparseInputs {
    /// Where unit `u`'s weight on input `p` lives in a layer's weights and gradient.
    struct Layout {
        /// Inputs of the layer.
        let inputs: Int
        /// Units of the layer.
        let outputs: Int

        /// Units per tile (the last tile may be narrower).
        static let tile = Int(SWEEP_INPUT_TILE)

        /// The offset of unit `u`'s weight on input `p`.
        @inline(__always)
        func index(unit u: Int, input p: Int) -> Int {
            let start = u - u % Self.tile
            return start * inputs + p * width(ofTileAt: start) + u - start
        }

        /// The units in the tile that starts at unit `start`.
        @inline(__always)
        func width(ofTileAt start: Int) -> Int { min(Self.tile, outputs - start) }

        /// The first unit of each tile.
        var tileStarts: StrideTo<Int> { stride(from: 0, to: outputs, by: Self.tile) }
    }

    /// A batch that gains: at most this share of its values nonzero. The products over nonzero
    /// values run at about 45 % of OpenBLAS's rate on this layer's shapes.
    static let maximumDensity = 0.4

    /// Images that gain: at most this share of their pixels nonzero. MNIST digits light 19 %;
    /// Fashion-MNIST's clothes 50 %, which takes OpenBLAS over the pixels nonzero in the batch.
    static let maximumImageDensity = 0.3

    /// Whether a first layer over `images` should take them as their nonzero pixels, on `threads`
    /// threads: on one (the sparse products take one; with more, OpenBLAS's threaded ones are
    /// faster), if at most `maximumImageDensity` of the pixels of up to 10,000 images, spread over
    /// the set, are nonzero.
    static func suits(_ images: IDXFile.Images, threads: Int) -> Bool {
        let size = images.size
        guard threads == 1, images.count > 0, size > 0, images.pixels.count >= images.count * size else {
            return false
        }
        let step = max(1, images.count / 10_000)
        var nonzero = 0, seen = 0
        images.pixels.withUnsafeBufferPointer { pixels in
            for image in stride(from: 0, to: images.count, by: step) {
                for byte in pixels[(image * size)..<((image + 1) * size)] where byte != 0 { nonzero += 1 }
                seen += size
            }
        }
        return Double(nonzero) <= maximumImageDensity * Double(seen)
    }

    let layout: Layout
    /// Row r's nonzero values are entries start[r] ..< start[r + 1] of `index` and `value`.
    private let start: Buffer<Int32>
    private let index: Buffer<Int32>
    private let value: Matrix
    /// The same values input by input, for the weight gradient.
    private let columnStart: Buffer<Int32>
    private let row: Buffer<Int32>
    private let columnValue: Matrix
    private let cursor: Buffer<Int32>
    /// One tile's columns of dz.
    private let scratch: Matrix
    /// Rows of the current batch.
    private var rows = 0
    /// Nonzero values in the current batch.
    private(set) var count = 0
    /// Whether the current batch is sparse enough for the products over its nonzero values.
    private(set) var gains = false

    /// Buffers for batches of up to `capacity` rows.
    init(inputs: Int, outputs: Int, capacity: Int) {
        layout = Layout(inputs: inputs, outputs: outputs)
        start = Buffer(count: capacity + 1)
        index = Buffer(count: capacity * inputs)
        value = Matrix(rows: capacity, columns: inputs)
        columnStart = Buffer(count: inputs + 1)
        row = Buffer(count: capacity * inputs)
        columnValue = Matrix(rows: capacity, columns: inputs)
        cursor = Buffer(count: inputs)
        scratch = Matrix(rows: capacity, columns: Layout.tile)
    }

    /// Finds the nonzero values of `x` (rows × inputs, at most `capacity` rows), the batch of the
    /// layer's forward pass and of the backward pass that follows it, and returns whether the batch
    /// is sparse enough for the products over them.
    func select(_ x: UnsafePointer<Float>, rows: Int) -> Bool {
        count = sweep_sparse_rows(x, rows, layout.inputs, start.data, index.data, value.data)
        self.rows = rows
        gains = Double(count) <= Self.maximumDensity * Double(rows * layout.inputs)
        return gains
    }

    /// z (rows × outputs) += x·Wᵀ over the selected batch's nonzero values, W stored by `layout`.
    func forward(weights: UnsafePointer<Float>, into z: UnsafeMutablePointer<Float>, log: ProductLog?) {
        let product = {
            sweep_sparse_forward(
                self.start.data, self.index.data, self.value.data, self.rows, weights, self.layout.inputs,
                self.layout.outputs, z)
        }
        if let log { log.record(flop: flop, product) } else { product() }
    }

    /// The weight gradient dzᵀ·x (stored by `layout`, every element written) for the selected
    /// batch, dz being rows × outputs.
    func weightGradient(dz: UnsafePointer<Float>, into gradient: UnsafeMutablePointer<Float>, log: ProductLog?) {
        sweep_sparse_columns(
            start.data, index.data, value.data, rows, layout.inputs, columnStart.data, row.data, columnValue.data,
            cursor.data)
        let product = {
            sweep_sparse_weight_gradient(
                self.columnStart.data, self.row.data, self.columnValue.data, self.layout.inputs, dz, self.rows,
                self.layout.outputs, gradient, self.scratch.data)
        }
        if let log { log.record(flop: flop, product) } else { product() }
    }

    /// The multiply-adds of one product over the batch's nonzero values, as operations.
    private var flop: Double { 2 * Double(count) * Double(layout.outputs) }
}
