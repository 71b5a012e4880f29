import Testing

@testable import SweepPlot

@Suite("Ticks and scales")
struct TicksTests {
    @Test func unitIntervalInFiveSteps() {
        let ticks = Ticks.linear(0, 1, count: 5)
        #expect(ticks.map(\.label) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
        #expect(ticks.map(\.value) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test func decimalStepsHaveExactLabels() {
        let ticks = Ticks.linear(0, 0.3, count: 3)
        #expect(ticks.map(\.label) == ["0", "0.1", "0.2", "0.3"])
        #expect(ticks[3].value == 0.3)
    }

    @Test func negativeAndReversedBounds() {
        #expect(Ticks.linear(5, -5, count: 4).map(\.label) == ["-4", "-2", "0", "2", "4"])
    }

    @Test func largeSpansUseRoundSteps() {
        #expect(Ticks.linear(0, 5000, count: 5).map(\.label) == ["0", "1000", "2000", "3000", "4000", "5000"])
        #expect(Ticks.linear(3, 97, count: 4).map(\.label) == ["20", "40", "60", "80"])
    }

    @Test func tinyAndHugeMagnitudesUseExponents() {
        #expect(Ticks.linear(0, 3e-7, count: 3).map(\.label) == ["0", "1e-7", "2e-7", "3e-7"])
        #expect(Ticks.linear(1e7, 2.5e7, count: 3).map(\.label) == ["1.0e7", "1.5e7", "2.0e7", "2.5e7"])
    }

    @Test func degenerateRangeGivesOneTick() {
        #expect(Ticks.linear(2, 2) == [Tick(value: 2, label: "2")])
        #expect(Ticks.linear(.nan, 1).isEmpty)
    }

    @Test func niceDomainExtendsToStepMultiples() {
        let domain = Ticks.niceDomain(0.13, 0.97, count: 5)
        #expect(domain.lower == 0 && domain.upper == 1)
        let point = Ticks.niceDomain(3, 3)
        #expect(point.lower < 3 && point.upper > 3)
    }

    @Test func logTicksArePowersOfTen() {
        #expect(Ticks.log(1e-4, 1, count: 5).map(\.label) == ["0.0001", "0.001", "0.01", "0.1", "1"])
        #expect(Ticks.log(1e-9, 1e3, count: 4).map(\.label) == ["1e-9", "1e-6", "0.001", "1", "1000"])
        #expect(Ticks.log(0, 10).isEmpty)
    }

    @Test func logTicksWithinADecadeUseOneTwoFive() {
        #expect(Ticks.log(0.15, 0.9).map(\.label) == ["0.2", "0.5"])
        #expect(Ticks.log(1, 30).map(\.label) == ["1", "2", "5", "10", "20"])
    }

    @Test func linearScaleMapsDomainToRange() {
        let scale = Scale.linear(domain: (0, 10), range: (100, 0))
        #expect(scale(0) == 100)
        #expect(scale(10) == 0)
        #expect(scale(2.5) == 75)
    }

    @Test func logScaleMapsDecadesEvenly() {
        let scale = Scale.log(domain: (1, 1000), range: (0, 300))
        #expect(abs(scale(10) - 100) < 1e-9)
        #expect(abs(scale(100) - 200) < 1e-9)
        #expect(scale(-5) == 0)
    }

    @Test func degenerateDomainsAreWidened() {
        let flat = Scale.linear(domain: (4, 4), range: (0, 10))
        #expect(abs(flat(4) - 5) < 1e-9)
        let log = Scale.log(domain: (-1, 0), range: (0, 1))
        #expect(log.domainLower > 0 && log.domainUpper > log.domainLower)
    }

    @Test func nicedScales() {
        let linear = Scale.linear(domain: (0.13, 0.97), range: (0, 1)).niced()
        #expect(linear.domainLower == 0 && linear.domainUpper == 1)
        let log = Scale.log(domain: (0.003, 0.2), range: (0, 1)).niced()
        #expect(log.domainLower == 0.001 && log.domainUpper == 1)
    }

    @Test func labelThinningAvoidsOverlap() {
        let keep = Axes.thinning(positions: [0, 10, 20, 30, 40], extents: [12, 12, 12, 12, 12], gap: 2)
        #expect(keep == [0, 2, 4])
        #expect(Axes.thinning(positions: [0, 100], extents: [10, 10]) == [0, 1])
    }

    @Test func hugeMagnitudeWithTinySpanDoesNotTrap() {
        #expect(Ticks.linear(1e300, 1e300 * (1 + 1e-15)).count == 1)
        let domain = Ticks.niceDomain(1e18, 1e18 + 1)
        #expect(domain.lower <= 1e18 && domain.upper >= 1e18)
        #expect(Ticks.linear(-.infinity, 1).isEmpty)
        let scale = Scale.linear(domain: (.nan, .infinity), range: (0, 1))
        #expect(scale.ticks().map(\.label) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
    }
}
