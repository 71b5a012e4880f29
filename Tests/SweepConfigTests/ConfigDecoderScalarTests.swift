import SweepConfig
import Testing

/// A `String` enum that is not `CaseIterable`: its valid values cannot be listed.
enum FixMode: String, Decodable {
    case train, eval
}

/// An `Int` enum that is `CaseIterable`.
enum FixWidth: Int, Decodable, CaseIterable {
    case small = 64
    case large = 512
}

@Suite("ConfigDecoder: numbers")
struct ConfigDecoderNumberTests {
    private let decoder = ConfigDecoder()

    @Test("integers come from integers and from integral floats")
    func integers() throws {
        #expect(try decoder.decode(Int.self, from: nint(-3)) == -3)
        #expect(try decoder.decode(Int.self, from: nfloat(2.0)) == 2)
        #expect(try decoder.decode(UInt8.self, from: nint(255)) == 255)
        #expect(try decoder.decode(Int64.self, from: nfloat(-1e15)) == -1_000_000_000_000_000)
        #expect(try decoder.decode(UInt64.self, from: nint(Int.max)) == UInt64(Int.max))
        #expect(try decoder.decode(Int.self, from: nstr("-12")) == -12)
        #expect(try decoder.decode(Int.self, from: nstr("3e2")) == 300)
    }

    @Test("a fraction, a non-finite number or a value out of range is an error, not a trap")
    func integerErrors() {
        #expect(decoderError(Int.self, nfloat(1.5), path: "x") == "error: x: expected an integer, found the number 1.5")
        #expect(
            decoderError(Int.self, nfloat(.infinity), path: "x")
                == "error: x: expected an integer, found the number inf")
        #expect(
            decoderError(Int.self, nfloat(.nan), path: "x") == "error: x: expected an integer, found the number nan")
        #expect(
            decoderError(Int8.self, nint(300), path: "x")
                == "error: x: expected an integer from -128 to 127, found the integer 300")
        #expect(
            decoderError(UInt.self, nint(-1), path: "x")
                == "error: x: expected an integer from 0 to 18446744073709551615, found the integer -1")
        #expect(
            decoderError(UInt8.self, nfloat(2e3), path: "x")
                == "error: x: expected an integer from 0 to 255, found the number 2000.0")
        #expect(
            decoderError(Int.self, nfloat(1e30), path: "x")
                == "error: x: expected an integer from -9223372036854775808 to 9223372036854775807, found the number 1e+30"
        )
        #expect(
            decoderError(Int.self, nbool(true), path: "x") == "error: x: expected an integer, found the boolean true")
        #expect(
            decoderError(Int.self, nstr("1_000"), path: "x")
                == "error: x: expected an integer, found the string '1_000'")
        #expect(
            decoderError(UInt8.self, nstr("256"), path: "x")
                == "error: x: expected an integer from 0 to 255, found the string '256'")
    }

    @Test("floating-point numbers come from floats and integers")
    func floatingPoint() throws {
        #expect(try decoder.decode(Double.self, from: nint(3)) == 3.0)
        #expect(try decoder.decode(Double.self, from: nfloat(1e-3)) == 1e-3)
        #expect(try decoder.decode(Float.self, from: nfloat(0.5)) == 0.5)
        #expect(try decoder.decode(Double.self, from: nstr("1e-3")) == 1e-3)
        #expect(try decoder.decode(Double.self, from: nstr("7")) == 7)
        #expect(
            decoderError(Double.self, nstr("abc"), path: "model.lr")
                == "error: model.lr: expected a floating-point number, found the string 'abc'")
        #expect(try decoder.decode(Float.self, from: nint(-7)) == -7)
        #expect(try decoder.decode(Double.self, from: nfloat(.infinity)) == .infinity)
        #expect(
            decoderError(Float.self, nfloat(1e39), path: "x")
                == "error: x: expected a floating-point number from -3.4028235e+38 to 3.4028235e+38, found the number 1e+39"
        )
        #expect(
            decoderError(Double.self, nnull(), path: "x") == "error: x: expected a floating-point number, found null")
        #expect(
            decoderError(Double.self, nbool(false), path: "x")
                == "error: x: expected a floating-point number, found the boolean false")
    }

    @Test("booleans come from booleans only")
    func booleans() throws {
        #expect(try decoder.decode(Bool.self, from: nbool(true)))
        #expect(
            decoderError(Bool.self, nint(1), path: "b")
                == "error: b: expected a boolean (true or false), found the integer 1")
        #expect(
            decoderError(Bool.self, nstr("True"), path: "b") == """
                error: b: expected a boolean (true or false), found the string 'True'
                help: 'True' is a string here; remove the quotes to make it a boolean
                """)
        #expect(
            decoderError(Bool.self, nstr("yes"), path: "b")
                == "error: b: expected a boolean (true or false), found the string 'yes'")
    }

    @Test("strings come from strings and decimal integers; floats and booleans must be quoted")
    func strings() throws {
        #expect(try decoder.decode(String.self, from: nstr("vae")) == "vae")
        #expect(try decoder.decode(String.self, from: nint(123)) == "123")
        #expect(try decoder.decode(String.self, from: nint(-5)) == "-5")
        #expect(
            decoderError(String.self, nfloat(1.1), path: "name") == """
                error: name: expected a string, found the number 1.1
                help: quote the value to keep its text exactly as written
                """)
        #expect(
            decoderError(String.self, nbool(true), path: "name") == """
                error: name: expected a string, found the boolean true
                help: quote the value to keep its text exactly as written
                """)
        #expect(decoderError(String.self, nmap([:]), path: "name") == "error: name: expected a string, found a mapping")
    }

    @Test("a long string is shortened in messages")
    func longString() {
        let long = String(repeating: "a", count: 80)
        #expect(
            decoderError(Int.self, nstr(long), path: "x")
                == "error: x: expected an integer, found the string '\(String(repeating: "a", count: 57))...'")
    }
}

@Suite("ConfigDecoder: enums")
struct ConfigDecoderEnumTests {
    @Test("a valid case decodes")
    func validCases() throws {
        #expect(try ConfigDecoder().decode(FixActivation.self, from: nstr("softplus")) == .softplus)
        #expect(
            try ConfigDecoder().decode([FixActivation].self, from: nseq([nstr("relu"), nstr("swish")])) == [
                .relu, .swish,
            ])
        #expect(try ConfigDecoder().decode(FixWidth.self, from: nint(512)) == .large)
        #expect(try ConfigDecoder().decode(FixWidth.self, from: nstr("64")) == .small)
        #expect(try ConfigDecoder().decode(FixMode.self, from: nstr("eval")) == .eval)
    }

    @Test("an invalid value lists the valid ones with a did-you-mean")
    func invalidStringCase() {
        #expect(
            decoderError(
                FixActivation.self, nstr("swsh", .override(text: "model.activation=swsh", column: 18)),
                path: "model.activation")
                    == """
                    override 'model.activation=swsh': error: model.activation: expected one of 'relu', 'swish', 'softplus', found the string 'swsh'
                        model.activation=swsh
                                         ^
                    help: did you mean 'swish'?
                    """)
        #expect(
            decoderError(FixActivation.self, nstr("ReLU"), path: "a") == """
                error: a: expected one of 'relu', 'swish', 'softplus', found the string 'ReLU'
                help: did you mean 'relu'?
                """)
        #expect(
            decoderError(FixActivation.self, nstr("tanh"), path: "a")
                == "error: a: expected one of 'relu', 'swish', 'softplus', found the string 'tanh'")
        #expect(
            decoderError(FixActivation.self, nint(3), path: "a")
                == "error: a: expected one of 'relu', 'swish', 'softplus', found the integer 3")
    }

    @Test("integer enums list their values")
    func invalidIntCase() {
        #expect(
            decoderError(FixWidth.self, nint(100), path: "width")
                == "error: width: expected one of 64, 512, found the integer 100")
    }

    @Test("an enum that is not CaseIterable still names the key and the value")
    func nonIterableEnum() {
        #expect(
            decoderError(FixMode.self, nstr("test"), path: "mode")
                == "error: mode: expected a valid FixMode, found the string 'test'")
        #expect(
            decoderError(FixMode.self, nint(1), path: "mode")
                == "error: mode: expected a valid FixMode, found the integer 1")
    }
}

@Suite("ConfigDecoder: optionals and null")
struct ConfigDecoderOptionalTests {
    struct Opt: Decodable, Equatable {
        var a: Int?
        var b: String?
    }

    @Test("null and an absent key decode to nil")
    func nilValues() throws {
        #expect(try ConfigDecoder().decode(Opt.self, from: nmap(["a": nnull()])) == Opt(a: nil, b: nil))
        #expect(try ConfigDecoder().decode(Opt.self, from: nmap(["b": nstr("x")])) == Opt(a: nil, b: "x"))
        #expect(try ConfigDecoder().decode(Int?.self, from: nnull()) == nil)
        #expect(try ConfigDecoder().decode(Int?.self, from: nint(4)) == 4)
        #expect(try ConfigDecoder().decode([Int?].self, from: nseq([nint(1), nnull(), nint(3)])) == [1, nil, 3])
        #expect(try ConfigDecoder().decode(FixActivation?.self, from: nnull()) == nil)
    }

    @Test("null for a value that is not optional is an error")
    func nullForRequired() {
        #expect(
            decoderError(FixLatent.self, nmap(["latent": nnull(.override(text: "latent=null", column: 8))])) == """
                override 'latent=null': error: latent: expected an integer, found null
                    latent=null
                           ^
                """)
        #expect(
            decoderError(Opt.self, nmap(["a": nstr("x")]), path: "o")
                == "error: o.a: expected an integer, found the string 'x'")
    }
}
