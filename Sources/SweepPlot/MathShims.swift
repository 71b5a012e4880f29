#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Base-10 logarithm from the C library.
@inline(__always) func Foundation_log10(_ x: Double) -> Double { log10(x) }
/// Natural exponential from the C library.
@inline(__always) func cExp(_ x: Double) -> Double { exp(x) }
/// Square root from the C library.
@inline(__always) func cSqrt(_ x: Double) -> Double { x.squareRoot() }
/// `10^x` from the C library.
@inline(__always) func cPow10(_ x: Double) -> Double { pow(10, x) }
/// The error function from the C library.
@inline(__always) func cErf(_ x: Double) -> Double { erf(x) }
