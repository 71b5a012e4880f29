import SweepTrainer
import Testing

@Suite("OpenBLAS environment (what sweep-train re-executes itself with)")
struct BLASEnvironmentTests {
    static let zen4 = BLASEnvironment.CPU(vendor: "AuthenticAMD", family: 25, hasAVX512: true)

    @Test("from an empty environment: one thread, a short timeout, and on Zen 4 the AVX2 kernels")
    func empty() {
        #expect(
            BLASEnvironment.missing(in: [:], cpu: Self.zen4) == [
                "OPENBLAS_NUM_THREADS": "1", "OPENBLAS_THREAD_TIMEOUT": "4", "OPENBLAS_CORETYPE": "Haswell",
            ])
        #expect(
            BLASEnvironment.missing(in: ["OMP_NUM_THREADS": "2"], cpu: nil) == [
                "OPENBLAS_NUM_THREADS": "2", "OPENBLAS_THREAD_TIMEOUT": "4",
            ])
    }

    @Test("what the launcher or the user set is kept; nothing missing, nothing to do")
    func kept() {
        let set = ["OPENBLAS_NUM_THREADS": "1", "OPENBLAS_THREAD_TIMEOUT": "4"]
        #expect(BLASEnvironment.missing(in: set, cpu: Self.zen4) == ["OPENBLAS_CORETYPE": "Haswell"])
        var named = set
        named["OPENBLAS_CORETYPE"] = "SkylakeX"
        #expect(BLASEnvironment.missing(in: named, cpu: Self.zen4).isEmpty)
    }

    @Test("only Zen 4 gets the AVX2 kernels: not Zen 3 (no AVX-512), Zen 5 or Intel")
    func otherProcessors() {
        let set = ["OPENBLAS_NUM_THREADS": "1", "OPENBLAS_THREAD_TIMEOUT": "4"]
        for cpu in [
            BLASEnvironment.CPU(vendor: "AuthenticAMD", family: 25, hasAVX512: false),
            BLASEnvironment.CPU(vendor: "AuthenticAMD", family: 26, hasAVX512: true),
            BLASEnvironment.CPU(vendor: "GenuineIntel", family: 6, hasAVX512: true),
        ] {
            #expect(BLASEnvironment.missing(in: set, cpu: cpu).isEmpty, "\(cpu)")
        }
    }

    @Test("the processor is read from /proc/cpuinfo's first entry")
    func cpuinfo() {
        let text = """
            processor\t: 0
            vendor_id\t: AuthenticAMD
            cpu family\t: 25
            model\t\t: 17
            flags\t\t: fpu vme avx2 avx512f avx512bw

            processor\t: 1
            vendor_id\t: GenuineIntel
            """
        #expect(BLASEnvironment.CPU(cpuinfo: text) == Self.zen4)
        #expect(
            BLASEnvironment.CPU(cpuinfo: text.replacingOccurrences(of: " avx512f", with: ""))
                == BLASEnvironment.CPU(vendor: "AuthenticAMD", family: 25, hasAVX512: false))
        #expect(BLASEnvironment.CPU(cpuinfo: "processor\t: 0\nvendor_id\t: AuthenticAMD\n") == nil)
    }
}
