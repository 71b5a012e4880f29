import Foundation
import Testing

@testable import SweepYAML

/// Parse speed on a generated 10 MB config-like file. Off by default: `SWEEP_BENCH=1`
/// (benchmarks/yaml/run.sh runs it in a release build).
@Suite(.tags(.benchmark), .enabled(if: ProcessInfo.processInfo.environment["SWEEP_BENCH"] == "1"))
struct ParseBenchmarkTests {
    /// Nested mappings and lists as configs have them, `count` experiments long.
    static func document(experiments count: Int) -> String {
        var text = "# generated benchmark input\n"
        text.reserveCapacity(count * 420)
        for i in 0..<count {
            text += """
                experiment_\(i):
                  name: "run \(i)"
                  seed: \(i % 97)
                  model:
                    layers: [784, \(64 + i % 512), 256, 10]
                    activation: \(["relu", "swish", "softplus"][i % 3])
                    dropout: 0.\(i % 10)5
                  optim:
                    name: adam
                    lr: 1.0e-\(1 + i % 5)
                    betas: [0.9, 0.999]
                  data:
                    path: /data/mnist/\(i)
                    batch_size: \(32 << (i % 4))
                    augment:
                      - flip
                      - crop
                  tags: {owner: me, priority: \(i % 5), done: no}
                  note: 'plain text, with: colon and # hash'

                """
        }
        return text
    }

    /// Parses `text` `repeats` times; the fastest run, in seconds.
    static func time(_ text: String, repeats: Int) throws -> Double {
        var best = Double.infinity
        for _ in 0..<repeats {
            let clock = ContinuousClock()
            let start = clock.now
            let node = try YAML.parse(text, file: "bench.yaml")
            let elapsed = clock.now - start
            #expect(node != nil)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            best = min(best, seconds)
        }
        return best
    }

    @Test func parseTenMegabytes() throws {
        let small = Self.document(experiments: 2_700)
        let big = Self.document(experiments: 27_000)
        let smallTime = try Self.time(small, repeats: 3)
        let bigTime = try Self.time(big, repeats: 3)
        let mb = Double(big.utf8.count) / 1_000_000
        print(
            String(
                format: "YAML parse: %.2f MB in %.3f s (%.1f MB/s); %.2f MB in %.3f s; 10x input took %.1fx time",
                mb, bigTime, mb / bigTime, Double(small.utf8.count) / 1_000_000, smallTime, bigTime / smallTime))
        // Linear: ten times the input may not take much more than ten times as long.
        #expect(bigTime / smallTime < 20)
    }
}
