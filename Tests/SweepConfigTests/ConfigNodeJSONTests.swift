import Testing

@testable import SweepConfig

/// `ConfigNode.jsonText` / `jsonBytes`: what `sweep compose --json` prints.
@Suite struct ConfigNodeJSONTests {
    static let node = ConfigNode(
        .mapping([
            "ints": ConfigNode(
                .sequence([0, 7, -7, 10, Int.max, Int.min].map { ConfigNode(.int($0)) })),
            "floats": ConfigNode(
                .sequence([0.001, 1e-5, -2.5, 1e16, .nan, .infinity, -.infinity].map { ConfigNode(.float($0)) })),
            "text": ConfigNode(.string("tab\there \"quoted\" back\\slash \u{1} é")),
            "other": ConfigNode(.sequence([ConfigNode(.null), ConfigNode(.bool(true)), ConfigNode(.missing)])),
            "empty": ConfigNode(.mapping([:])),
        ]))

    @Test func oneLine() {
        #expect(
            Self.node.jsonText(indent: 0)
                == #"{"ints":[0,7,-7,10,9223372036854775807,-9223372036854775808],"#
                + #""floats":[0.001,1e-05,-2.5,1e+16,NaN,Infinity,-Infinity],"#
                + #""text":"tab\there \"quoted\" back\\slash \u0001 é","other":[null,true,"???"],"empty":{}}"#)
    }

    @Test func indented() {
        #expect(
            ConfigNode(.mapping(["a": ConfigNode(.sequence([ConfigNode(.int(-12))])), "b": ConfigNode(.int(3))]))
                .jsonText() == """
                    {
                      "a": [
                        -12
                      ],
                      "b": 3
                    }
                    """)
    }

    @Test func bytesAreTheText() {
        #expect(String(decoding: Self.node.jsonBytes(indent: 2), as: UTF8.self) == Self.node.jsonText(indent: 2))
    }
}
