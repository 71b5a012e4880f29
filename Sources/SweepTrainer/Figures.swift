internal import Foundation

/// The figures of a run (SVG with embedded PNG rasters) and the raw data beside them (CSV).
extension Session {
    /// Class names for the legend.
    var classNames: [String] {
        if config.data.name == .fashionMnist {
            return ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
        }
        return (0..<10).map { "\($0)" }
    }

    /// Writes every figure this model has; returns their paths relative to the run directory.
    func writeFigures() throws(TrainerError) -> [String] {
        let dir = directory + "/figures"
        try Files.makeDirectory(dir)
        var files: [String] = []
        func save(_ name: String, _ text: String) throws(TrainerError) {
            try Files.writeAtomically(text, to: dir + "/" + name)
            files.append("figures/" + name)
        }
        switch model {
        case .classifier(let c):
            if c.network.layers.count == 1 {
                let layer = c.network.layers[0]
                let w = layer.weight.value.array
                var csv = "class," + (0..<layer.inputs).map { "w\($0)" }.joined(separator: ",") + "\n"
                for k in 0..<layer.outputs {
                    csv += "\(k)," + w[(k * layer.inputs)..<((k + 1) * layer.inputs)].map { "\($0)" }.joined(separator: ",") + "\n"
                }
                try save("linear_weights.csv", csv)
                if layer.inputs == train.images.size {
                    try save("linear_weights.svg", linearWeightsSVG(w, classes: layer.outputs))
                }
            }
            if !projections.isEmpty {
                let width = projections[0].width
                var csv = "epoch,index,label," + (1...width).map { "h\($0)" }.joined(separator: ",") + "\n"
                for p in projections {
                    for i in 0..<(p.values.count / width) {
                        let row = p.values[(i * width)..<((i + 1) * width)].map { "\($0)" }.joined(separator: ",")
                        csv += "\(p.epoch),\(i),\(test.labels[i]),\(row)\n"
                    }
                }
                try save("hidden_layer.csv", csv)
                if width >= 2 { try save("hidden_layer.svg", hiddenLayerSVG()) }
            }
        case .vae(let v):
            if let post = posterior {
                let L = v.latent
                var csv = "index,label," + (1...L).map { "mu\($0)" }.joined(separator: ",") + ","
                    + (1...L).map { "sigma\($0)" }.joined(separator: ",") + "\n"
                for i in 0..<(post.mu.count / L) {
                    let mu = post.mu[(i * L)..<((i + 1) * L)].map { "\($0)" }.joined(separator: ",")
                    let sd = post.sigma[(i * L)..<((i + 1) * L)].map { "\($0)" }.joined(separator: ",")
                    csv += "\(i),\(test.labels[i]),\(mu),\(sd)\n"
                }
                try save("latent.csv", csv)
                if L >= 2 { try save("latent_density.svg", latentSVG(mu: post.mu, sigma: post.sigma, latent: L)) }
            }
        }
        return files
    }

    /// Robust range of `values`: 0.5 % and 99.5 % quantiles, widened by 10 %.
    private func range(_ values: [Float]) -> (Double, Double) {
        let sorted = values.filter(\.isFinite).sorted()
        guard let first = sorted.first, let last = sorted.last else { return (-1, 1) }
        let lo = Double(sorted[Int(Double(sorted.count - 1) * 0.005)])
        let hi = Double(sorted[Int(Double(sorted.count - 1) * 0.995)])
        let span = max(hi - lo, 1e-6, Double(last - first) * 1e-3)
        return (lo - 0.1 * span, hi + 0.1 * span)
    }

    /// The aggregate posterior per class: Σ_i N(μ_i, σ_i²) over the test images of that class,
    /// each class's density normalised to its peak and shaded in the class colour.
    func latentSVG(mu: [Float], sigma: [Float], latent L: Int) -> String {
        let n = mu.count / L
        let xs = (0..<n).map { mu[$0 * L] }, ys = (0..<n).map { mu[$0 * L + 1] }
        let xr = range(xs), yr = range(ys)
        let G = 200
        let classes = min(10, Int(test.labels.prefix(n).max() ?? 0) + 1)
        var density = [[Double]](repeating: [Double](repeating: 0, count: G * G), count: classes)
        var perClass = [Int](repeating: 0, count: classes)
        var gx = [Double](repeating: 0, count: G), gy = [Double](repeating: 0, count: G)
        for i in 0..<n {
            let k = Int(test.labels[i])
            guard k < classes, perClass[k] < 600 else { continue }
            perClass[k] += 1
            let m1 = Double(mu[i * L]), m2 = Double(mu[i * L + 1])
            let s1 = max(Double(sigma[i * L]), 1e-4), s2 = max(Double(sigma[i * L + 1]), 1e-4)
            for a in 0..<G {
                let x = xr.0 + (xr.1 - xr.0) * (Double(a) + 0.5) / Double(G)
                let u = (x - m1) / s1
                gx[a] = exp(-0.5 * u * u) / s1
                let y = yr.1 - (yr.1 - yr.0) * (Double(a) + 0.5) / Double(G)
                let t = (y - m2) / s2
                gy[a] = exp(-0.5 * t * t) / s2
            }
            density[k].withUnsafeMutableBufferPointer { d in
                for r in 0..<G where gy[r] > 1e-12 {
                    let base = r * G
                    let g = gy[r]
                    for c in 0..<G { d[base + c] += g * gx[c] }
                }
            }
        }
        var raster = FiguresRaster(width: G, height: G)
        let peaks = density.map { $0.max() ?? 1 }
        for p in 0..<(G * G) {
            var wsum = 0.0, r = 0.0, g = 0.0, b = 0.0, top = 0.0
            for k in 0..<classes where peaks[k] > 0 {
                let w = density[k][p] / peaks[k]
                let c = FiguresSVG.classColor(k)
                r += w * c.0
                g += w * c.1
                b += w * c.2
                wsum += w
                top = max(top, w)
            }
            if wsum > 0 { raster.set(p % G, p / G, (r / wsum, g / wsum, b / wsum), alpha: pow(top, 0.7)) }
        }
        var svg = FiguresSVG(width: 560, height: 500)
        let title = "Latent space: aggregate posterior per class (β = \(config.beta), epoch \(config.epochs))"
        svg.text(title, x: 260, y: 22, size: 14, weight: "bold")
        svg.image(raster, x: 50, y: 40, w: 420, h: 420)
        svg.axes(x: 50, y: 40, w: 420, h: 420, xRange: xr, yRange: yr, xLabel: "z₁", yLabel: "z₂")
        svg.legend(Array(classNames.prefix(classes)), x: 485, y: 50)
        return svg.document
    }

    /// The narrow hidden layer on the test images, one row per epoch, one panel per pair of units.
    func hiddenLayerSVG() -> String {
        let width = projections[0].width
        let pairs = width == 2 ? [(0, 1)] : [(0, 1), (0, 2), (1, 2)]
        let panel = 170.0, gap = 45.0
        let svgWidth = 60 + Double(pairs.count) * (panel + gap) + 110
        let svgHeight = 50 + Double(projections.count) * (panel + gap)
        var svg = FiguresSVG(width: svgWidth, height: svgHeight)
        svg.text("Hidden layer of \(width) units on the test images, per epoch", x: svgWidth / 2 - 50, y: 22, size: 14, weight: "bold")
        for (row, p) in projections.enumerated() {
            let n = p.values.count / width
            let y0 = 40 + Double(row) * (panel + gap)
            svg.text("epoch \(p.epoch)", x: 8, y: y0 + panel / 2, size: 12, anchor: "start")
            for (col, pair) in pairs.enumerated() {
                let a = (0..<n).map { p.values[$0 * width + pair.0] }, b = (0..<n).map { p.values[$0 * width + pair.1] }
                let xr = range(a), yr = range(b)
                let R = 170
                var raster = FiguresRaster(width: R, height: R)
                for i in 0..<n {
                    let px = (Double(a[i]) - xr.0) / (xr.1 - xr.0) * Double(R)
                    let py = (1 - (Double(b[i]) - yr.0) / (yr.1 - yr.0)) * Double(R)
                    raster.dot(px, py, r: 1.3, FiguresSVG.classColor(Int(test.labels[i])), alpha: 0.35)
                }
                let x0 = 95 + Double(col) * (panel + gap)
                svg.image(raster, x: x0, y: y0, w: panel, h: panel)
                svg.axes(x: x0, y: y0, w: panel, h: panel, xRange: xr, yRange: yr, xLabel: "h\(pair.0 + 1)", yLabel: "h\(pair.1 + 1)")
            }
        }
        svg.legend(Array(classNames.prefix(10)), x: svgWidth - 100, y: 50)
        return svg.document
    }

    /// Each class's weights as an image on a diverging scale (blue < 0 < red), shared symmetric range.
    func linearWeightsSVG(_ w: [Float], classes: Int) -> String {
        let rows = train.images.rows, cols = train.images.columns, size = rows * cols
        let maxAbs = Double(w.map { abs($0) }.max() ?? 1)
        func diverging(_ v: Double) -> (Double, Double, Double) {
            let t = max(-1, min(1, v / maxAbs))
            let blue = (0.230, 0.299, 0.754), red = (0.706, 0.016, 0.150)
            let c = t < 0 ? blue : red
            let a = abs(t)
            return (1 + (c.0 - 1) * a, 1 + (c.1 - 1) * a, 1 + (c.2 - 1) * a)
        }
        let perRow = 5, cell = 100.0, gap = 18.0
        let gridRows = (classes + perRow - 1) / perRow
        var svg = FiguresSVG(width: 40 + Double(perRow) * (cell + gap) + 70, height: 60 + Double(gridRows) * (cell + gap + 10))
        svg.text("Linear classifier weights per class (\(rows)×\(cols))", x: svg.width / 2, y: 22, size: 14, weight: "bold")
        for k in 0..<classes {
            var raster = FiguresRaster(width: cols, height: rows)
            for p in 0..<size { raster.set(p % cols, p / cols, diverging(Double(w[k * size + p]))) }
            let x = 20 + Double(k % perRow) * (cell + gap), y = 45 + Double(k / perRow) * (cell + gap + 10)
            svg.image(raster, x: x, y: y, w: cell, h: cell, smooth: false)
            svg.rect(x: x, y: y, w: cell, h: cell, fill: "none", stroke: "#999")
            svg.text(k < classNames.count ? classNames[k] : "\(k)", x: x + cell / 2, y: y + cell + 13, size: 11)
        }
        var bar = FiguresRaster(width: 1, height: 101)
        for i in 0...100 { bar.set(0, i, diverging(maxAbs * (1 - Double(i) / 50))) }
        let bx = svg.width - 50
        svg.image(bar, x: bx, y: 45, w: 14, h: 200, smooth: false)
        svg.rect(x: bx, y: 45, w: 14, h: 200, fill: "none", stroke: "#999")
        svg.text(String(format: "%+.3g", maxAbs), x: bx + 17, y: 54, size: 10, anchor: "start")
        svg.text("0", x: bx + 17, y: 149, size: 10, anchor: "start")
        svg.text(String(format: "%+.3g", -maxAbs), x: bx + 17, y: 245, size: 10, anchor: "start")
        return svg.document
    }
}
