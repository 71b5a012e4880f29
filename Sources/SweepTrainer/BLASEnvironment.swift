internal import Foundation

/// The OpenBLAS settings that `sweep-train` needs before OpenBLAS loads. OpenBLAS reads them once,
/// when the process starts, so `sweep-train` re-executes itself with whatever is missing:
/// - a thread count (`OPENBLAS_NUM_THREADS`: `OMP_NUM_THREADS`, else 1), or OpenBLAS would start a
///   worker per core;
/// - a short thread timeout (`OPENBLAS_THREAD_TIMEOUT`), so idle workers sleep rather than spin;
/// - on AMD Zen 4, OpenBLAS's AVX2 kernels (`OPENBLAS_CORETYPE=Haswell`). OpenBLAS 0.3.21 picks its
///   Intel AVX-512 kernels there ("Cooperlake"), which Zen 4 runs as two 256-bit halves; its AVX2
///   kernels multiply faster (sgemm 128×784·784×512 on one thread: 106 against 95–99 GFLOP/s here,
///   see benchmarks/RESULTS.md). A kernel the user names is kept.
public enum BLASEnvironment {
    /// What the settings depend on: the processor.
    public struct CPU: Sendable, Equatable {
        /// `vendor_id` in /proc/cpuinfo (`AuthenticAMD`, `GenuineIntel`).
        public var vendor: String
        /// `cpu family` (25 for AMD's Zen 3 and Zen 4).
        public var family: Int
        /// Whether the flags include `avx512f`.
        public var hasAVX512: Bool

        /// A processor described by its vendor, family and AVX-512 support.
        public init(vendor: String, family: Int, hasAVX512: Bool) {
            self.vendor = vendor
            self.family = family
            self.hasAVX512 = hasAVX512
        }

        /// The first processor in /proc/cpuinfo's text; nil when a field is missing.
        public init?(cpuinfo: String) {
            var fields: [String: String] = [:]
            for line in cpuinfo.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else { continue }
                fields[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(in: .whitespaces)
            }
            guard let vendor = fields["vendor_id"], let family = fields["cpu family"].flatMap({ Int($0) }),
                let flags = fields["flags"]
            else { return nil }
            self.init(vendor: vendor, family: family, hasAVX512: flags.split(separator: " ").contains("avx512f"))
        }

        /// This machine's processor (nil where /proc/cpuinfo cannot be read).
        public static var current: CPU? {
            (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)).flatMap { CPU(cpuinfo: $0) }
        }

        /// AMD Zen 4: family 25 with AVX-512 (Zen 3, the same family, has none).
        var isZen4: Bool { vendor == "AuthenticAMD" && family == 25 && hasAVX512 }
    }

    /// The variables `environment` lacks, with the values to give them (empty: nothing to do).
    public static func missing(in environment: [String: String], cpu: CPU?) -> [String: String] {
        var add: [String: String] = [:]
        if environment["OPENBLAS_NUM_THREADS"] == nil {
            add["OPENBLAS_NUM_THREADS"] = environment["OMP_NUM_THREADS"] ?? "1"
        }
        if environment["OPENBLAS_THREAD_TIMEOUT"] == nil { add["OPENBLAS_THREAD_TIMEOUT"] = "4" }
        if environment["OPENBLAS_CORETYPE"] == nil, cpu?.isZen4 == true { add["OPENBLAS_CORETYPE"] = "Haswell" }
        return add
    }
}
