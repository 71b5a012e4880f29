import Testing

@testable import SweepPlot

@Suite("Colour scales")
struct ColorTests {
    @Test func viridisEndpointsAndMiddle() {
        #expect(ColorMap.viridis.color(at: 0).hex == "#440154")
        #expect(ColorMap.viridis.color(at: 1).hex == "#fde725")
        #expect(ColorMap.viridis.color(at: 0.5).hex == "#21918c")
        #expect(ColorMap.viridis.color(at: -3).hex == "#440154")
        #expect(ColorMap.viridis.color(at: .nan).hex == "#440154")
        #expect(ColorMap.viridis.color(at: 7).hex == "#fde725")
    }

    @Test func divergingIsWhiteAtZeroAndBlueRedAtEnds() {
        let norm = ColorNormalization.symmetric([-0.5, 0.25, 2])
        #expect(norm.lower == -2 && norm.upper == 2)
        #expect(ColorMap.blueWhiteRed.color(at: norm(0)).hex == "#ffffff")
        let low = ColorMap.blueWhiteRed.color(at: norm(-2))
        let high = ColorMap.blueWhiteRed.color(at: norm(2))
        #expect(low.hex == "#053061" && low.blue > low.red)
        #expect(high.hex == "#67001f" && high.red > high.blue)
    }

    @Test func greysGoFromWhiteToBlack() {
        #expect(ColorMap.greys.color(at: 0) == .white)
        #expect(ColorMap.greys.color(at: 1) == .black)
        #expect(ColorMap.greys.color(at: 0.5).hex == "#808080")
    }

    @Test func normalizationHandlesDegenerateInput() {
        #expect(ColorNormalization.symmetric([0, .nan]).upper == 1)
        #expect(ColorNormalization(lower: 3, upper: 3)(3) == 0.5)
        #expect(ColorNormalization.extent([]).lower == 0)
        #expect(ColorNormalization(lower: 0, upper: 10)(15) == 1)
    }

    @Test func palettesCycle() {
        #expect(Palette.okabeIto.colors.count == 8)
        #expect(Palette.tableau10.colors.count == 10)
        #expect(Palette.tableau10.color(0).hex == "#4e79a7")
        #expect(Palette.tableau10.color(10) == Palette.tableau10.color(0))
        #expect(Palette.tableau10.color(-1) == Palette.tableau10.color(9))
        #expect(Palette.categorical(count: 3) == .okabeIto)
        #expect(Palette.categorical(count: 10) == .tableau10)
        #expect(Set(Palette.tableau10.colors).count == 10)
    }

    @Test func hexAndMixing() {
        #expect(Color(hex: 0x0A0B0C).hex == "#0a0b0c")
        #expect(Color.black.mixed(with: .white, 0.5).hex == "#808080")
        #expect(Color.black.mixed(with: .white, 2) == .white)
    }
}
