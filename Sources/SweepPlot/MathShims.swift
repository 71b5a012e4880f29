#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Musl)
    internal import Musl
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Base-10 logarithm from the C library.
@inline(__always) func cLog10(_ x: Double) -> Double { log10(x) }
/// Natural exponential from the C library.
@inline(__always) func cExp(_ x: Double) -> Double { exp(x) }
/// `10^x` from the C library.
@inline(__always) func cPow10(_ x: Double) -> Double { pow(10, x) }
/// The error function from the C library.
@inline(__always) func cErf(_ x: Double) -> Double { erf(x) }
