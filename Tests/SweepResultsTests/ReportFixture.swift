import Foundation
import SweepPlot

@testable import SweepResults

/// A sweep for the report: beta ∈ {1, 10} × lr ∈ {0.1, 0.01} × seed ∈ {0, 1}, each done cell
/// with three metric lines and figures/latent.svg (and figures/mask.png for beta=1); the cell
/// beta=10 lr=0.01 seed=1 failed (exit code 3, two stderr lines) and beta=10 lr=0.1 seed=1 is
/// still running (one metric line, no figures).
enum ReportFixture {
    static let failedIndex = 7
    static let runningIndex = 5

    static func make() throws -> SweepFixture {
        var specs: [SweepFixture.CellSpec] = []
        for beta in ["1", "10"] {
            for lr in ["0.1", "0.01"] {
                for seed in 0..<2 {
                    let index = specs.count
                    let b = Double(beta) ?? 1
                    let l = Double(lr) ?? 0.1
                    let lines = (1...3).map { step in
                        let loss = 100 * b / Double(step) * (1 + Double(seed) / 10) * (l == 0.1 ? 1 : 1.5)
                        return "{\"step\": \(step * 100), \"epoch\": \(step), \"train/loss\": \(loss), "
                            + "\"test/elbo\": \(-loss), \"time/epoch_s\": 1.5}\n"
                    }
                    let state = index == failedIndex ? "failed" : index == runningIndex ? "running" : "done"
                    let metrics = state == "done" ? lines.joined() : index == runningIndex ? lines[0] : nil
                    specs.append(
                        .init(overrides: ["beta=\(beta)", "lr=\(lr)", "seed=\(seed)"], state: state, metrics: metrics))
                }
            }
        }
        let manifest = """
            argv: [/usr/local/bin/sweep, run, sweeps/vae_beta.yaml, "lr=0.1,0.01", "seed=0,1", "note=a b"]
            config: configs/vae.yaml
            started_at: "2026-11-28T09:29:49.000Z"
            host: testhost
            git:
              commit: 0123456789abcdef0123456789abcdef01234567
              dirty: true
            planner:
              metric: test/elbo
              mode: max

            """
        let fixture = try SweepFixture(specs, manifest: manifest)
        for (index, spec) in specs.enumerated() {
            let cell = fixture.path + "/" + String(format: "%04d", index) + "_" + spec.overrides.joined(separator: ",")
            let started = String(format: "2026-11-28T09:30:%02d.000Z", index)
            let ended = String(format: "2026-11-28T09:31:%02d.500Z", index)
            switch spec.state {
            case "failed":
                try SweepFixture.write(
                    """
                    {"index": \(index), "id": "c\(index)", "state": "failed", "attempts": 2, "exit_code": 3,
                     "started_at": "\(started)", "ended_at": "\(ended)", "duration_seconds": 1.5,
                     "stderr_tail": ["Traceback (most recent call last):", "ValueError: lr <0.01> & beta=10"]}
                    """, to: cell + "/status.json")
            case "running":
                try SweepFixture.write(
                    "{\"index\": \(index), \"state\": \"running\", \"attempts\": 1, \"started_at\": \"\(started)\"}",
                    to: cell + "/status.json")
            default:
                try SweepFixture.write(
                    "{\"index\": \(index), \"state\": \"done\", \"attempts\": 1, \"exit_code\": 0, "
                        + "\"started_at\": \"\(started)\", \"ended_at\": \"\(ended)\", \"duration_seconds\": 60.5}",
                    to: cell + "/status.json")
                try FileManager.default.createDirectory(atPath: cell + "/figures", withIntermediateDirectories: true)
                try SweepFixture.write(
                    """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" viewBox="0 0 120 80">
                      <defs><clipPath id="clip1"><rect width="120" height="80"/></clipPath></defs>
                      <rect width="120" height="80" fill="#56b4e9" clip-path="url(#clip1)"/>
                      <text x="10" y="40">\(spec.overrides.joined(separator: " &amp; "))</text>
                    </svg>

                    """, to: cell + "/figures/latent.svg")
                try SweepFixture.write("a,b\n1,2\n", to: cell + "/figures/latent.csv")
                if spec.overrides[0] == "beta=1" {
                    let image = try RasterImage(
                        width: 4, height: 4, format: .grey, pixels: (0..<16).map { UInt8($0 * 16) })
                    try Data(try PNGEncoder.encode(image)).write(to: URL(fileURLWithPath: cell + "/figures/mask.png"))
                }
            }
        }
        return fixture
    }
}
