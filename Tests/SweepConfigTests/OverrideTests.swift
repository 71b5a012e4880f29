import Testing

@testable import SweepConfig

/// Parsing overrides: kinds, keys, packages, values, columns and Hydra's re-rendering.
@Suite("Override")
struct OverrideTests {
    @Test func kindsKeysAndPackages() throws {
        let add = try Override.parse("+server/db@backup=mysql")
        #expect(add.kind == .add)
        #expect(add.key == "server/db")
        #expect(add.package == "backup")
        #expect(add.value == .string("mysql"))
        #expect(add.keyElement == "+server/db@backup")
        #expect(try Override.parse("++a.b=1").kind == .forceAdd)
        let delete = try Override.parse("~optim.lr")
        #expect(delete.kind == .delete)
        #expect(delete.value == nil)
        #expect(delete.hydraText == "~optim.lr=null")
        #expect(try Override.parse("db@=x").package == "")
        #expect(try Override.parse("a=1").package == nil)
    }

    @Test func valueColumnPointsAtTheValue() throws {
        #expect(try Override.parse("optim.lr=1e-3").valueColumn == 10)
        #expect(try Override.parse("a=  5").valueColumn == 5)
        #expect(try Override.parse("~a").valueColumn == 3)
        #expect(try Override.parse("x='é'").valueColumn == 3)
        #expect(try Override.parse("k=v").origin == .override(text: "k=v", column: 3))
    }

    @Test func typedValues() throws {
        func value(_ text: String) throws -> OverrideValue? { try Override.parse("k=" + text).value }
        #expect(try value("10_0") == .int(100))
        #expect(try value("+5") == .int(5))
        #expect(try value("1e-3") == .float(0.001))
        #expect(try value("-INF") == .float(-.infinity))
        #expect(try value("NaN") == .float(.nan))
        #expect(try value("TrUe") == .bool(true))
        #expect(try value("NULL") == .null)
        for text in ["yes", "010", "0x10", "1:30", "${a.b}", "a b"] {
            #expect(try value(text) == .string(text))
        }
        #expect(try value("a\\ b\\,c") == .string("a b,c"))
        #expect(try value("'it\\'s'") == .quoted("it's", .single))
        #expect(try value("\"a\\\\\"") == .quoted("a\\", .double))
        #expect(try value("") == .string(""))
        #expect(
            try value("{a: 1, b: [2, x]}")
                == .dict([OverrideValue.Entry("a", .int(1)), OverrideValue.Entry("b", .list([.int(2), .string("x")]))]))
    }

    @Test func hydraRendering() throws {
        func render(_ text: String) throws -> String { try Override.parse(text).hydraText }
        #expect(try render("lr=1e-3") == "lr=0.001")
        #expect(try render("lr=1e-5") == "lr=1e-05")
        #expect(try render("n=+5") == "n=5")
        #expect(try render("n=10_0") == "n=100")
        #expect(try render("l=[0, 1]") == "l=[0,1]")
        #expect(try render("s='a b'") == "s='a b'")
        #expect(try render("s=a\\ b") == "s=a\\ b")
        #expect(try render("b=true") == "b=True")
        #expect(try render("d={a: 1, b: 'x'}") == "d={a:1,b:'x'}")
        #expect(try render("q='it\\'s'") == "q='it\\'s'")
        #expect(try render("q='a\\\\'") == "q='a\\\\'")
        #expect(try render("~a=1") == "~a=1")
    }

    @Test func pythonFloatRepr() {
        // Python: repr(v) for each v.
        let cases: [(Double, String)] = [
            (1e-3, "0.001"), (1e-5, "1e-05"), (1e16, "1e+16"), (9.5e15, "9500000000000000.0"),
            (123456789.125, "123456789.125"),
            (0.1 + 0.2, "0.30000000000000004"), (1.0 / 3, "0.3333333333333333"), (2.5e-5, "2.5e-05"), (1e22, "1e+22"),
            (.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
            (-0.0001, "-0.0001"),
            (100, "100.0"),
            (1e15, "1000000000000000.0"), (12345678901234567.0, "1.2345678901234568e+16"), (-0.0, "-0.0"),
            (.nan, "nan"),
            (-.infinity, "-inf"),
        ]
        for (value, expected) in cases {
            #expect(PythonFloat.repr(value) == expected)
        }
    }

    @Test func configNodes() throws {
        let o = try Override.parse("m={a: [1, 'x'], b: null}")
        let node = try #require(o.value).configNode(origin: o.origin)
        #expect(node.origin == .override(text: "m={a: [1, 'x'], b: null}", column: 3))
        guard case .mapping(let mapping) = node.value else {
            Issue.record("expected a mapping, got \(node)")
            return
        }
        #expect(Array(mapping.keys) == ["a", "b"])
        #expect(mapping["a"] == ConfigNode(.sequence([ConfigNode(.int(1)), ConfigNode(.string("x"))])))
        #expect(mapping["b"] == ConfigNode(.null))
    }

    @Test func sweepsAreRecognised() throws {
        #expect(try Override.parse("a=1,2").isSweep)
        #expect(try Override.parse("a=choice(1)").isSweep)
        #expect(try !Override.parse("a=[1,2]").isSweep)
        #expect(try !Override.parse("a=sort([2,1])").isSweep)
        #expect(try Override.parse("a=sort([2,1])").value == .list([.int(1), .int(2)]))
        #expect(try Override.parse("db=mysql,postgresql").hydraLines() == ["db=mysql", "db=postgresql"])
        #expect(try Override.parse("s='a b',c").hydraLines() == ["s='a b'", "s=c"])
        #expect(try Override.parse("s=choice('a b',c)").hydraLines() == ["s=a\\ b", "s=c"])
    }
}
