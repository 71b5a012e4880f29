internal import Foundation
import SweepTrainerConfig

/// A β-VAE: an MLP encoder to (μ, σ) of a Gaussian latent, one reparameterised sample, an MLP
/// decoder to Bernoulli logits over the pixels.
final class VAE {
    let encoder: Network
    let decoder: Network
    let latent: Int
    let variance: TrainerConfig.Model.Variance
    let beta: Float
    let mu: Matrix
    let sigma: Matrix
    let noise: Matrix
    let z: Matrix
    let dz: Matrix
    let dHead: Matrix
    let dLogits: Matrix

    init(encoder: Network, decoder: Network, latent: Int, variance: TrainerConfig.Model.Variance, beta: Double) {
        self.encoder = encoder
        self.decoder = decoder
        self.latent = latent
        self.variance = variance
        self.beta = Float(beta)
        let cap = encoder.capacity
        mu = Matrix(rows: cap, columns: latent)
        sigma = Matrix(rows: cap, columns: latent)
        noise = Matrix(rows: cap, columns: latent)
        z = Matrix(rows: cap, columns: latent)
        dz = Matrix(rows: cap, columns: latent)
        dHead = Matrix(rows: cap, columns: 2 * latent)
        dLogits = Matrix(rows: cap, columns: decoder.outputs)
    }

    var parameters: [Parameter] { encoder.parameters + decoder.parameters }

    /// σ from the encoder's second head.
    @inline(__always)
    func std(_ s: Float) -> Float {
        variance == .softplus ? Activation.softplus(s) + 1e-6 : expf(0.5 * s)
    }

    /// dσ/ds.
    @inline(__always)
    func dstd(_ s: Float, _ sigma: Float) -> Float {
        variance == .softplus ? Activation.sigmoid(s) : 0.5 * sigma
    }

    /// Forward (and, when `train`, backward) on `rows` images `x` in [0, 1]; returns the summed
    /// reconstruction NLL and KL. Noise is drawn from `rng`; `fixedNoise` (tests) overrides it.
    func run(
        _ x: UnsafePointer<Float>, rows: Int, train: Bool, rng: inout SplitMix64, fixedNoise: [Float]? = nil,
        onLayer: ((Dense) -> Void)? = nil
    ) -> (recon: Double, kl: Double) {
        let head = encoder.forward(x, rows: rows, training: train, rng: &rng)
        let L = latent
        let m = mu.data, sd = sigma.data, e = noise.data, zz = z.data
        for r in 0..<rows {
            for j in 0..<L {
                let i = r * L + j
                m[i] = head[r * 2 * L + j]
                sd[i] = std(head[r * 2 * L + L + j])
                e[i] = fixedNoise.map { $0[i] } ?? Float(rng.normal())
                zz[i] = m[i] + sd[i] * e[i]
            }
        }
        let logits = decoder.forward(zz, rows: rows, training: train, rng: &rng)
        let scale = 1 / Float(rows)
        let recon = Loss.bceWithLogits(
            logits: logits, targets: x, count: rows * decoder.outputs, scale: scale,
            gradient: train ? dLogits.data : nil)
        let kl = Loss.gaussianKL(mu: m, sigma: sd, count: rows * L)
        if train {
            decoder.backward(zz, rows: rows, dOut: dLogits.data, training: true, dInput: dz.data, onLayer: onLayer)
            let g = dz.data, dh = dHead.data
            let bs = beta * scale
            for r in 0..<rows {
                for j in 0..<L {
                    let i = r * L + j
                    dh[r * 2 * L + j] = g[i] + bs * m[i]
                    let dsigma = g[i] * e[i] + bs * (sd[i] - 1 / sd[i])
                    dh[r * 2 * L + L + j] = dsigma * dstd(head[r * 2 * L + L + j], sd[i])
                }
            }
            encoder.backward(x, rows: rows, dOut: dh, training: true, dInput: nil, onLayer: onLayer)
        }
        return (recon, kl)
    }
}
