import SweepConfig
import Testing

/// A `String` enum that is not `CaseIterable`: its valid values cannot be listed.
enum Mode: String, Decodable {
    case train, eval
}

/// An `Int` enum that is `CaseIterable`.
enum Width: Int, Decodable, CaseIterable {
    case small = 64
    case large = 512
}

@Suite("ConfigDecoder: numbers")
struct ConfigDecoderNumberTests {
    private let decoder = ConfigDecoder()

    @Test("integers come from integers and from integral floats")
    func integers() throws {
        #expect(try decoder.decode(Int.self, from: int(-3)) == -3)
        #expect(try decoder.decode(Int.self, from: float(2.0)) == 2)
        #expect(try decoder.decode(UInt8.self, from: int(255)) == 255)
        #expect(try decoder.decode(Int64.self, from: float(-1e15)) == -1_000_000_000_000_000)
        #expect(try decoder.decode(UInt64.self, from: int(Int.max)) == UInt64(Int.max))
    }

    @Test("a fraction, a non-finite number or a value out of range is an error, not a trap")
    func integerErrors() {
        #expect(decodeError(Int.self, float(1.5), path: "x") == "error: x: expected an integer, found the number 1.5")
        #expect(decodeError(Int.self, float(.infinity), path: "x") == "error: x: expected an integer, found the number inf")
        #expect(decodeError(Int.self, float(.nan), path: "x") == "error: x: expected an integer, found the number nan")
        #expect(
            decodeError(Int8.self, int(300), path: "x") == "error: x: expected an integer from -128 to 127, found the integer 300")
        #expect(
            decodeError(UInt.self, int(-1), path: "x")
                == "error: x: expected an integer from 0 to 18446744073709551615, found the integer -1")
        #expect(
            decodeError(UInt8.self, float(2e3), path: "x") == "error: x: expected an integer from 0 to 255, found the number 2000.0")
        #expect(
            decodeError(Int.self, float(1e30), path: "x")
                == "error: x: expected an integer from -9223372036854775808 to 9223372036854775807, found the number 1e+30")
        #expect(decodeError(Int.self, bool(true), path: "x") == "error: x: expected an integer, found the boolean true")
        #expect(
            decodeError(Int.self, str("12"), path: "x") == """
                error: x: expected an integer, found the string '12'
                help: '12' is a string here; remove the quotes to make it a number
                """)
    }

    @Test("floating-point numbers come from floats and integers")
    func floatingPoint() throws {
        #expect(try decoder.decode(Double.self, from: int(3)) == 3.0)
        #expect(try decoder.decode(Double.self, from: float(1e-3)) == 1e-3)
        #expect(try decoder.decode(Float.self, from: float(0.5)) == 0.5)
        #expect(try decoder.decode(Float.self, from: int(-7)) == -7)
        #expect(try decoder.decode(Double.self, from: float(.infinity)) == .infinity)
        #expect(
            decodeError(Float.self, float(1e39), path: "x")
                == "error: x: expected a floating-point number from -3.4028235e+38 to 3.4028235e+38, found the number 1e+39")
        #expect(decodeError(Double.self, null(), path: "x") == "error: x: expected a floating-point number, found null")
        #expect(
            decodeError(Double.self, bool(false), path: "x") == "error: x: expected a floating-point number, found the boolean false")
    }

    @Test("booleans come from booleans only")
    func booleans() throws {
        #expect(try decoder.decode(Bool.self, from: bool(true)))
        #expect(decodeError(Bool.self, int(1), path: "b") == "error: b: expected a boolean (true or false), found the integer 1")
        #expect(
            decodeError(Bool.self, str("True"), path: "b") == """
                error: b: expected a boolean (true or false), found the string 'True'
                help: 'True' is a string here; remove the quotes to make it a boolean
                """)
        #expect(
            decodeError(Bool.self, str("yes"), path: "b") == "error: b: expected a boolean (true or false), found the string 'yes'")
    }

    @Test("strings come from strings and decimal integers; floats and booleans must be quoted")
    func strings() throws {
        #expect(try decoder.decode(String.self, from: str("vae")) == "vae")
        #expect(try decoder.decode(String.self, from: int(123)) == "123")
        #expect(try decoder.decode(String.self, from: int(-5)) == "-5")
        #expect(
            decodeError(String.self, float(1.1), path: "name") == """
                error: name: expected a string, found the number 1.1
                help: quote the value to keep its text exactly as written
                """)
        #expect(
            decodeError(String.self, bool(true), path: "name") == """
                error: name: expected a string, found the boolean true
                help: quote the value to keep its text exactly as written
                """)
        #expect(decodeError(String.self, map([:]), path: "name") == "error: name: expected a string, found a mapping")
    }

    @Test("a long string is shortened in messages")
    func longString() {
        let long = String(repeating: "a", count: 80)
        #expect(
            decodeError(Int.self, str(long), path: "x")
                == "error: x: expected an integer, found the string '\(String(repeating: "a", count: 57))...'")
    }
}

@Suite("ConfigDecoder: enums")
struct ConfigDecoderEnumTests {
    @Test("a valid case decodes")
    func validCases() throws {
        #expect(try ConfigDecoder().decode(Activation.self, from: str("softplus")) == .softplus)
        #expect(try ConfigDecoder().decode([Activation].self, from: seq([str("relu"), str("swish")])) == [.relu, .swish])
        #expect(try ConfigDecoder().decode(Width.self, from: int(512)) == .large)
        #expect(try ConfigDecoder().decode(Mode.self, from: str("eval")) == .eval)
    }

    @Test("an invalid value lists the valid ones with a did-you-mean")
    func invalidStringCase() {
        #expect(
            decodeError(Activation.self, str("swsh", .override(text: "model.activation=swsh", column: 18)), path: "model.activation")
                == """
                override 'model.activation=swsh': error: model.activation: expected one of 'relu', 'swish', 'softplus', found the string 'swsh'
                    model.activation=swsh
                                     ^
                help: did you mean 'swish'?
                """)
        #expect(
            decodeError(Activation.self, str("ReLU"), path: "a") == """
                error: a: expected one of 'relu', 'swish', 'softplus', found the string 'ReLU'
                help: did you mean 'relu'?
                """)
        #expect(
            decodeError(Activation.self, str("tanh"), path: "a")
                == "error: a: expected one of 'relu', 'swish', 'softplus', found the string 'tanh'")
        #expect(
            decodeError(Activation.self, int(3), path: "a") == "error: a: expected one of 'relu', 'swish', 'softplus', found the integer 3")
    }

    @Test("integer enums list their values")
    func invalidIntCase() {
        #expect(decodeError(Width.self, int(100), path: "width") == "error: width: expected one of 64, 512, found the integer 100")
    }

    @Test("an enum that is not CaseIterable still names the key and the value")
    func nonIterableEnum() {
        #expect(decodeError(Mode.self, str("test"), path: "mode") == "error: mode: expected a valid Mode, found the string 'test'")
        #expect(decodeError(Mode.self, int(1), path: "mode") == "error: mode: expected a valid Mode, found the integer 1")
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
        #expect(try ConfigDecoder().decode(Opt.self, from: map(["a": null()])) == Opt(a: nil, b: nil))
        #expect(try ConfigDecoder().decode(Opt.self, from: map(["b": str("x")])) == Opt(a: nil, b: "x"))
        #expect(try ConfigDecoder().decode(Int?.self, from: null()) == nil)
        #expect(try ConfigDecoder().decode(Int?.self, from: int(4)) == 4)
        #expect(try ConfigDecoder().decode([Int?].self, from: seq([int(1), null(), int(3)])) == [1, nil, 3])
        #expect(try ConfigDecoder().decode(Activation?.self, from: null()) == nil)
    }

    @Test("null for a value that is not optional is an error")
    func nullForRequired() {
        #expect(
            decodeError(LatentOnly.self, map(["latent": null(.override(text: "latent=null", column: 8))])) == """
                override 'latent=null': error: latent: expected an integer, found null
                    latent=null
                           ^
                """)
        #expect(decodeError(Opt.self, map(["a": str("x")]), path: "o") == "error: o.a: expected an integer, found the string 'x'")
    }
}
