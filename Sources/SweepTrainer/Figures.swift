internal import Foundation
internal import SweepPlot

/// The figures of a run (SVG, drawn with SweepPlot) and the raw data beside them (CSV).
extension Session {
    /// Class names for legends and captions.
    var classNames: [String] {
        if config.data.name == .fashionMnist {
            return [
                "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                "Ankle boot",
            ]
        }
        return (0..<10).map { "\($0)" }
    }

    /// Writes every figure this model has; returns their paths relative to the run directory.
    /// The CSV files are always written; a figure that cannot be drawn is reported on stderr and
    /// skipped (the run's metrics stay valid).
    func writeFigures() throws(TrainerError) -> [String] {
        let dir = directory + "/figures"
        try Files.makeDirectory(dir)
        var files: [String] = []
        func save(_ name: String, _ text: String) throws(TrainerError) {
            try Files.writeAtomically(text, to: dir + "/" + name)
            files.append("figures/" + name)
        }
        func draw(_ name: String, _ render: () throws(PlotError) -> String) throws(TrainerError) {
            do {
                try save(name, try render())
            } catch let error as PlotError {
                FileHandle.standardError.write(Data("sweep-train: warning: figures/\(name) not drawn: \(error)\n".utf8))
            } catch let error as TrainerError {
                throw error
            } catch {
                FileHandle.standardError.write(Data("sweep-train: warning: figures/\(name) not drawn: \(error)\n".utf8))
            }
        }
        switch model {
        case .classifier(let c):
            if c.network.layers.count == 1 {
                let layer = c.network.layers[0]
                let w = layer.weightsByUnit
                var csv = "class," + (0..<layer.inputs).map { "w\($0)" }.joined(separator: ",") + "\n"
                for k in 0..<layer.outputs {
                    csv +=
                        "\(k),"
                        + w[(k * layer.inputs)..<((k + 1) * layer.inputs)].map { "\($0)" }.joined(separator: ",") + "\n"
                }
                try save("linear_weights.csv", csv)
                if layer.inputs == train.images.size {
                    try draw("linear_weights.svg") { () throws(PlotError) -> String in
                        try linearWeightsPlot(w, classes: layer.outputs)
                    }
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
                if width >= 2 {
                    try draw("hidden_layer.svg") { () throws(PlotError) -> String in try hiddenLayerPlot() }
                }
            }
        case .vae(let v):
            if let post = posterior {
                let L = v.latent
                var csv =
                    "index,label," + (1...L).map { "mu\($0)" }.joined(separator: ",") + ","
                    + (1...L).map { "sigma\($0)" }.joined(separator: ",") + "\n"
                for i in 0..<(post.mu.count / L) {
                    let mu = post.mu[(i * L)..<((i + 1) * L)].map { "\($0)" }.joined(separator: ",")
                    let sd = post.sigma[(i * L)..<((i + 1) * L)].map { "\($0)" }.joined(separator: ",")
                    csv += "\(i),\(test.labels[i]),\(mu),\(sd)\n"
                }
                try save("latent.csv", csv)
                if L >= 2 {
                    try draw("latent_density.svg") { () throws(PlotError) -> String in
                        try latentPlot(mu: post.mu, sigma: post.sigma, latent: L, panels: .overlay)
                    }
                    try draw("latent_density_per_class.svg") { () throws(PlotError) -> String in
                        try latentPlot(mu: post.mu, sigma: post.sigma, latent: L, panels: .perClass(columns: 5))
                    }
                }
            }
        }
        return files
    }

    /// The aggregate posterior per class: Σ_i N(μ_i, σ_i²) over that class's test images (first two
    /// latent dimensions), shaded with highest-density contours.
    func latentPlot(mu: [Float], sigma: [Float], latent L: Int, panels: LatentDensityPlot.Panels) throws(PlotError)
        -> String
    {
        let n = mu.count / L
        let means = (0..<n).map { SIMD2(Double(mu[$0 * L]), Double(mu[$0 * L + 1])) }
        let variances = (0..<n).map { i -> SIMD2<Double> in
            let a = Double(sigma[i * L]), b = Double(sigma[i * L + 1])
            return SIMD2(a * a, b * b)
        }
        let labels = (0..<n).map { Int(test.labels[$0]) }
        let classes = try LatentDensityPlot.classes(
            means: means, variances: variances, labels: labels, names: classNames)
        var plot = LatentDensityPlot(
            classes: classes, title: "Aggregate posterior per class (β = \(config.beta), epoch \(config.epochs))")
        plot.panels = panels
        if case .perClass = panels {
            plot.panelSize = 180
            plot.resolution = 120
        }
        return try plot.render()
    }

    /// The narrow hidden layer on the test images before training and after every epoch, one row
    /// per snapshot, one panel per pair of units, coloured by class.
    func hiddenLayerPlot() throws(PlotError) -> String {
        let width = projections[0].width
        let snapshots = projections.map { p -> (title: String, points: [[Double]]) in
            let n = p.values.count / width
            let points = (0..<n).map { i in (0..<width).map { Double(p.values[i * width + $0]) } }
            return (p.epoch == 0 ? "initial" : "epoch \(p.epoch)", points)
        }
        let n = snapshots[0].points.count
        var plot = try ScatterPlot.pairs(
            snapshots: snapshots, labels: (0..<n).map { Int(test.labels[$0]) }, unitNames: (1...width).map { "h\($0)" })
        plot.classNames = classNames
        plot.title = "Hidden layer of \(width) units on the test images"
        return try plot.render()
    }

    /// Each class's weights as a 28×28 (image-sized) mask on a symmetric blue–white–red scale.
    func linearWeightsPlot(_ w: [Float], classes: Int) throws(PlotError) -> String {
        let rows = train.images.rows, cols = train.images.columns, size = rows * cols
        let images = (0..<classes).map { k in
            ImageGrid.Image(
                title: k < classNames.count ? classNames[k] : "\(k)", width: cols, height: rows,
                values: w[(k * size)..<((k + 1) * size)].map(Double.init))
        }
        var grid = ImageGrid(
            images: images, columns: 5, coloring: .diverging, title: "Linear classifier weights per class")
        grid.colorBarLabel = "weight"
        return try grid.render()
    }
}
