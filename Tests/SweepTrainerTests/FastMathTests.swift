import Foundation
import Testing

@testable import SweepTrainer

@Suite("Fast math")
struct FastMathTests {
    @Test("eight-lane exp and log match libm on their ranges")
    func accuracy() {
        var worstExp = 0.0, worstLog = 0.0
        for i in 0..<2000 {
            let x = -Float(i) * 0.05
            let v = FastMath.expNonPositive(SIMD8(repeating: x))[3]
            if x > -80 { worstExp = max(worstExp, abs(Double(v) / exp(Double(x)) - 1)) }
            let y = 1 + Float(i) / 1999
            let l = FastMath.logOneToTwo(SIMD8(repeating: y))[5]
            worstLog = max(worstLog, abs(Double(l) - log(Double(y))))
        }
        #expect(worstExp < 1e-6)
        #expect(worstLog < 1e-6)
        #expect(FastMath.expNonPositive(SIMD8(repeating: -200))[0] >= 0)
    }
}
