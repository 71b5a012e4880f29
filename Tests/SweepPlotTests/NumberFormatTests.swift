import Testing

@testable import SweepPlot

@Suite("Number formatting")
struct NumberFormatTests {
    @Test(arguments: [
        (0.1 + 0.2, 2, "0.3"), (12.0, 2, "12"), (-1.25, 2, "-1.25"), (-0.001, 2, "0"), (2.675, 1, "2.7"),
        (1e20, 2, "1e+20"), (Double.nan, 2, "0"), (0.5, 0, "1"), (-0.5, 0, "-1"), (1234.5678, 3, "1234.568"),
    ])
    func fixed(value: Double, decimals: Int, expected: String) {
        #expect(NumberFormat.fixed(value, decimals: decimals) == expected)
    }

    @Test func fixedKeepsZerosWhenAsked() {
        #expect(NumberFormat.fixed(1.5, decimals: 3, trimZeros: false) == "1.500")
    }

    @Test(arguments: [
        (0.30000000000000004, "0.3"), (123456.0, "123456"), (1.5e-7, "1.5e-7"), (2.5e9, "2.5e9"),
        (1.23456e-5, "1.235e-5"),
        (0.012345, "0.01235"), (0.0, "0"), (-42.0, "-42"),
    ])
    func compact(value: Double, expected: String) {
        #expect(NumberFormat.compact(value) == expected)
    }

    @Test func log10FloorIsExactAtPowersOfTen() {
        for exponent in -12...12 {
            #expect(NumberFormat.log10Floor(NumberFormat.pow10(exponent)) == exponent)
            #expect(NumberFormat.log10Floor(NumberFormat.pow10(exponent) * 0.999) == exponent - 1)
        }
    }
}
