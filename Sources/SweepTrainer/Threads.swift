internal import COpenBLAS
internal import Foundation

/// Sets OpenBLAS's thread count from OPENBLAS_NUM_THREADS, else OMP_NUM_THREADS, else 1.
public enum Threads {
    /// The thread count the environment asks for (default 1).
    public static func requested(environment: [String: String]) -> Int {
        for key in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"] {
            if let v = environment[key], let n = Int(v.trimmingCharacters(in: .whitespaces)), n >= 1 { return n }
        }
        return 1
    }

    /// Applies `count` to OpenBLAS.
    public static func apply(_ count: Int) {
        openblas_set_num_threads(Int32(count))
    }

    /// The threads OpenBLAS's products use.
    static var current: Int { Int(openblas_get_num_threads()) }
}
