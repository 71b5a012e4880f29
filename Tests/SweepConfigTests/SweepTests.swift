import Testing

@testable import SweepConfig

/// Sweep expansion: ranges, decimal arithmetic, seeded shuffles, globs, casts, our log spaces.
@Suite("Sweep")
struct SweepTests {
    static func sweep(_ text: String) throws -> Sweep {
        try #require(try Override.parse(text).sweep)
    }

    static func lines(_ text: String, options: [String] = []) throws -> [String] {
        try Override.parse(text).hydraLines(groupOptions: options)
    }

    @Test func intRangesCountLikePython() throws {
        #expect(try Self.sweep("a=range(5)").values() == [0, 1, 2, 3, 4].map(OverrideValue.int))
        #expect(try Self.sweep("a=range(10,0,-4)").values() == [10, 6, 2].map(OverrideValue.int))
        #expect(try Self.sweep("a=range(-3,3,2)").values() == [-3, -1, 1].map(OverrideValue.int))
        // Near the ends of Int, without overflow.
        let top = Int.max
        #expect(
            try Sweep(.range(start: .int(top - 2), stop: .int(top), step: .int(5))).values() == [.int(top - 2)])
        #expect(throws: ConfigError.self) {
            try Sweep(.range(start: .int(.min), stop: .int(.max), step: .int(1))).values()
        }
    }

    @Test func floatRangesAreSummedInDecimal() throws {
        // Hydra sums Decimal(0.1) exactly (to 28 digits): 0.7000000000000001 appears, 0.30000000000000004 does not.
        #expect(
            try Self.lines("lr=range(0,1,0.1)") == [
                "lr=0.0", "lr=0.1", "lr=0.2", "lr=0.3", "lr=0.4", "lr=0.5", "lr=0.6", "lr=0.7000000000000001", "lr=0.8",
                "lr=0.9",
            ])
        #expect(try Self.lines("x=range(1,2,0.25)") == ["x=1.0", "x=1.25", "x=1.5", "x=1.75"])
    }

    @Test func decimalArithmeticMatchesPython() {
        // Python: Decimal(0.1), Decimal(1) + Decimal(0.1), Decimal(0.1) + Decimal(0.2), Decimal(1e300) + Decimal(1e-300).
        #expect(SweepDecimal(0.1).description == "1000000000000000055511151231257827021181583404541015625E-55")
        #expect((SweepDecimal(1) + SweepDecimal(0.1)).description == "1100000000000000005551115123E-27")
        let sum = SweepDecimal(0.1) + SweepDecimal(0.2)
        #expect(sum.description == "3000000000000000166533453694E-28")
        #expect(sum.doubleValue == 0.30000000000000004)
        #expect((SweepDecimal(1e300) + SweepDecimal(1e-300)).description == "1000000000000000052504760255E+273")
        #expect((SweepDecimal(-5) + SweepDecimal(5)).isZero)
        #expect(SweepDecimal(-0.5) < SweepDecimal(0.25))
        #expect(!(SweepDecimal(0.25) < SweepDecimal(0.25)))
        // Rounding half to even at the 28th digit, with a carry.
        let nines = SweepDecimal(9_999_999_999_999_999) + SweepDecimal(0.99999999999999999)
        #expect(nines.digits.count <= 28)
    }

    @Test func seededShuffleMatchesPython() throws {
        // Python: random.seed(0); [random.getrandbits(32) for _ in range(3)]
        var random = SweepRandom(seed: 0)
        #expect([random.next32(), random.next32(), random.next32()] == [3_626_764_237, 1_654_615_998, 3_255_389_356])
        // A seed wider than 64 bits is not representable; 2**40+3 and negatives are covered by the fixture.
        // Python: l = list(range(100)); random.seed(12345); random.shuffle(l)
        let expected = [
            63, 19, 83, 87, 88, 28, 8, 76, 46, 59, 39, 90, 29, 60, 84, 30, 12, 25, 54, 17, 62, 35, 27, 56, 81, 5, 97, 4,
            98, 40, 50,
            16, 79, 13, 31, 7, 48, 2, 73, 96, 86, 14, 69, 51, 36, 75, 99, 65, 77, 6, 92, 82, 37, 49, 10, 42, 57, 0, 85,
            89, 44, 32,
            61, 66, 68, 58, 3, 41, 43, 94, 9, 26, 18, 21, 64, 74, 52, 67, 11, 45, 23, 70, 78, 22, 80, 71, 33, 91, 15,
            95, 20, 55,
            72, 34, 24, 47, 38, 1, 93, 53,
        ]
        #expect(try Self.sweep("seed=shuffle(range(100),seed=12345)").values() == expected.map(OverrideValue.int))
        // The same seed gives the same order every time; without a seed the values are a permutation.
        let unseeded = try Self.sweep("a=shuffle(range(50))")
        #expect(unseeded.seed == nil)
        #expect(
            try unseeded.values().sorted {
                $0.hydraText.count == $1.hydraText.count
                    ? $0.hydraText < $1.hydraText : $0.hydraText.count < $1.hydraText.count
            } == (0..<50).map(OverrideValue.int))
    }

    @Test func globUsesFnmatch() {
        // Python: fnmatch.fnmatchcase(name, pattern) for each pair.
        let cases: [(String, String, Bool)] = [
            ("a*", "abc", true), ("a?c", "abc", true), ("[ab]c", "bc", true), ("[!ab]c", "bc", false),
            ("[a-c]x", "bx", true),
            ("[z-a]x", "zx", false), ("a[", "a[", true), ("*.yaml", "x.yaml", true), ("[]]", "]", true),
            ("[!]]", "a", true),
            ("*a*b", "xaxb", true), ("a-b", "a-b", true), ("[a-]", "-", true), ("\\x", "\\x", true),
        ]
        for (pattern, name, expected) in cases {
            #expect(SweepGlob(pattern).matches(name) == expected, "\(pattern) ~ \(name)")
        }
    }

    @Test func globSelectsGroupOptions() throws {
        let options = ["adam", "adamw", "sgd", "sgd_momentum"]
        #expect(try Self.lines("optim=glob(*,exclude=sgd*)", options: options) == ["optim=adam", "optim=adamw"])
        #expect(try Self.lines("optim=glob(nothing*)", options: options) == [])
        #expect(try Self.lines("+optim@o=glob(sgd)", options: options) == ["+optim@o=sgd"])
    }

    @Test func sortedRangeSortsItsValues() throws {
        // Hydra would give 7,4,1,-2 here (it rewrites the range's bounds); we sort the values.
        #expect(try Self.lines("a=sort(range(0,10,3),reverse=true)") == ["a=9", "a=6", "a=3", "a=0"])
        #expect(try Self.lines("a=sort(range(5,0,-2))") == ["a=1", "a=3", "a=5"])
        #expect(try Self.lines("a=sort(c,a,B)") == ["a=B", "a=a", "a=c"])
    }

    @Test func tagsAndCastsApplyToSweeps() throws {
        let tagged = try Self.sweep("lr=tag(log,interval(1e-4,1e-1))")
        #expect(tagged.tags == ["log"])
        #expect(tagged.kind == .interval(start: .float(1e-4), end: .float(0.1)))
        #expect(!tagged.isDiscrete)
        #expect(try Self.sweep("n=int(interval(1,10))").kind == .interval(start: .int(1), end: .int(10)))
        #expect(try Self.lines("n=int(range(0.0,3.0))") == ["n=0", "n=1", "n=2"])
        #expect(try Self.lines("x=str(1,true,1.5)") == ["x=1", "x=true", "x=1.5"])
        #expect(try Self.lines("x=float(choice(1,2))") == ["x=1.0", "x=2.0"])
    }

    @Test func logSpacesPrintAsWritten() throws {
        // logspace takes the end values (like numpy's geomspace), not exponents.
        #expect(try Self.lines("lr=logspace(1e-4,1e-1,4)") == ["lr=0.0001", "lr=0.001", "lr=0.01", "lr=0.1"])
        #expect(
            try Self.lines("lr=geomspace(1e-5,1e-1,5)") == ["lr=1e-05", "lr=0.0001", "lr=0.001", "lr=0.01", "lr=0.1"])
        #expect(try Self.lines("bs=int(geomspace(16,256,5))") == ["bs=16", "bs=32", "bs=64", "bs=128", "bs=256"])
        #expect(try Self.lines("w=geomspace(-1,-100,3)") == ["w=-1.0", "w=-10.0", "w=-100.0"])
        #expect(
            try Self.lines("w=shuffle(geomspace(1,1000,4),seed=0)").sorted() == [
                "w=1.0", "w=10.0", "w=100.0", "w=1000.0",
            ])
    }

    @Test func descriptionWritesTheSweepBack() throws {
        #expect(try Self.sweep("a=1,2").description == "1,2")
        #expect(try Self.sweep("a=choice(x,'y z')").description == "choice(x,y\\ z)")
        #expect(try Self.sweep("a=shuffle(range(0,5),seed=3)").description == "shuffle(range(0,5,1),seed=3)")
        #expect(try Self.sweep("a=sort(range(0,5),reverse=true)").description == "sort(range(0,5,1),reverse=true)")
        #expect(try Self.sweep("a=tag(b,a,interval(0,1))").description == "tag(a,b,interval(0.0,1.0))")
        #expect(try Self.sweep("a=glob([x*,y],exclude=z)").description == "glob([x*,y],exclude=z)")
    }
}
