import Testing

@testable import SweepConfig

/// Whole error messages for bad overrides, pinned.
@Suite("Override errors")
struct OverrideErrorTests {
    /// The full diagnostic text for an override that must fail to parse or expand.
    static func message(_ text: String) -> String {
        do {
            let override = try Override.parse(text)
            _ = try override.hydraLines()
            return "<no error>"
        } catch {
            return error.description
        }
    }

    @Test func emptyKey() {
        #expect(
            Self.message("=5") == """
                override '=5': error: missing key before '=': expected key=value
                    =5
                    ^
                help: an override names a key (a.b.c) or a config group (db, server/db), e.g. db.port=5432
                """)
    }

    @Test func doubleDotInKey() {
        #expect(
            Self.message("a..b=1") == """
                override 'a..b=1': error: unexpected '.' in the key; expected a key such as a.b.c, a group such as db or server/db, or '='
                    a..b=1
                     ^
                help: a key path is names separated by single dots, e.g. a.b.c
                """)
    }

    @Test func missingEqual() {
        #expect(
            Self.message("lr") == """
                override 'lr': error: missing '=' after 'lr': expected lr=VALUE
                    lr
                      ^
                help: to delete the key, write ~lr
                """)
    }

    @Test func spaceInKey() {
        #expect(
            Self.message("a =1") == """
                override 'a =1': error: unexpected space in the key; expected a key such as a.b.c, a group such as db or server/db, or '='
                    a =1
                     ^
                help: a key cannot contain whitespace; quote the whole override in the shell: 'key=a value'
                """)
    }

    @Test func tooManyPluses() {
        #expect(
            Self.message("+++a=1") == """
                override '+++a=1': error: unexpected '+' before the key
                    +++a=1
                      ^
                help: write +key=value to add a key, ++key=value to add or change it, ~key to delete it
                """)
    }

    @Test func badGroupPath() {
        #expect(
            Self.message("a/b.c=1") == """
                override 'a/b.c=1': error: expected a group name after '/', found 'b.c'
                    a/b.c=1
                      ^
                help: a group path is names separated by '/', e.g. server/db
                """)
    }

    @Test func unbalancedBrackets() {
        #expect(
            Self.message("a=[1,2") == """
                override 'a=[1,2': error: unclosed '[': expected ']' before the end of the override
                    a=[1,2
                      ^
                """)
        #expect(
            Self.message("a={a:1") == """
                override 'a={a:1': error: unclosed '{': expected '}' before the end of the override
                    a={a:1
                      ^
                """)
        #expect(
            Self.message("a=choice(1,2") == """
                override 'a=choice(1,2': error: unclosed '(': expected ')' before the end of the override
                    a=choice(1,2
                            ^
                """)
        #expect(
            Self.message("a=1)") == """
                override 'a=1)': error: unmatched ')'
                    a=1)
                       ^
                """)
    }

    @Test func unterminatedQuote() {
        #expect(
            Self.message("a='abc") == """
                override 'a='abc': error: unterminated quoted string: expected a closing '
                    a='abc
                      ^
                help: inside quotes, write \\' for a literal '
                """)
    }

    @Test func trailingComma() {
        #expect(
            Self.message("lr=1e-3,") == """
                override 'lr=1e-3,': error: expected a value after ',', found the end of the override
                    lr=1e-3,
                            ^
                """)
        #expect(
            Self.message("a=[1,]") == """
                override 'a=[1,]': error: expected a value after ',', found ']'
                    a=[1,]
                         ^
                """)
    }

    @Test func equalSignInValue() {
        #expect(
            Self.message("a=b=c") == """
                override 'a=b=c': error: unexpected '=' in the value
                    a=b=c
                       ^
                help: quote the value ('a=b') or escape the sign (a\\=b)
                """)
    }

    @Test func unknownFunction() {
        #expect(
            Self.message("a=chioce(1,2)") == """
                override 'a=chioce(1,2)': error: unknown function 'chioce'
                    a=chioce(1,2)
                      ^
                help: did you mean 'choice'?
                note: the functions are bool, choice, float, geomspace, glob, int, interval, logspace, range, shuffle, sort, str, tag
                """)
    }

    @Test func zeroStep() {
        #expect(
            Self.message("a=range(0,10,0)") == """
                override 'a=range(0,10,0)': error: range(): the step must not be zero
                    a=range(0,10,0)
                                 ^
                """)
    }

    @Test func emptyRanges() {
        #expect(
            Self.message("a=range(10,0)") == """
                override 'a=range(10,0)': error: range(): the range is empty: counting up from 10 by 1 never reaches 0
                    a=range(10,0)
                      ^
                help: count down with a negative step, e.g. range(10,0,-1)
                """)
        #expect(
            Self.message("a=range(0,1,-0.1)") == """
                override 'a=range(0,1,-0.1)': error: range(): the range is empty: counting down from 0 by -0.1 never reaches 1
                    a=range(0,1,-0.1)
                      ^
                help: count up with a positive step, e.g. range(0,1,0.1)
                """)
    }

    @Test func badArguments() {
        #expect(
            Self.message("a=range(1,2,x=3)") == """
                override 'a=range(1,2,x=3)': error: range(): unexpected keyword argument 'x'
                    a=range(1,2,x=3)
                                ^
                """)
        #expect(
            Self.message("a=range(a,1)") == """
                override 'a=range(a,1)': error: range(): start must be a number, got a
                    a=range(a,1)
                            ^
                """)
        #expect(
            Self.message("a=f(x=1,2)") == """
                override 'a=f(x=1,2)': error: positional argument follows keyword argument
                    a=f(x=1,2)
                            ^
                """)
        #expect(
            Self.message("a=choice()") == """
                override 'a=choice()': error: choice(): an empty choice is not allowed: expected at least one value
                    a=choice()
                      ^
                """)
    }

    @Test func badCasts() {
        #expect(
            Self.message("a=bool(yes)") == """
                override 'a=bool(yes)': error: bool(): cannot cast 'yes' to bool
                    a=bool(yes)
                      ^
                help: expected true or false
                """)
        #expect(
            Self.message("a=str(null)") == """
                override 'a=str(null)': error: str(): cannot cast null to str
                    a=str(null)
                      ^
                """)
    }

    @Test func nestedSweep() {
        #expect(
            Self.message("a=[choice(1,2)]") == """
                override 'a=[choice(1,2)]': error: a sweep cannot be nested inside a list, a dict or another sweep
                    a=[choice(1,2)]
                      ^
                help: sweep the whole value instead, e.g. key=[1,2],[1,3]
                """)
    }

    @Test func hugeInteger() {
        #expect(
            Self.message("a=99999999999999999999") == """
                override 'a=99999999999999999999': error: integer 99999999999999999999 does not fit in 64 bits
                    a=99999999999999999999
                      ^
                help: quote it to keep it as a string, or write it as a float (99999999999999999999.0)
                """)
    }

    @Test func quotedDictKey() {
        #expect(
            Self.message("a={'a b': 1}") == """
                override 'a={'a b': 1}': error: expected a dict key, found the quoted string 'a b'
                    a={'a b': 1}
                       ^
                help: dict keys cannot be quoted; escape special characters instead, e.g. {a\\ b: 1}
                """)
    }

    @Test func badCharacterInValue() {
        #expect(
            Self.message("a=x!") == """
                override 'a=x!': error: unexpected '!' in the value
                    a=x!
                       ^
                help: quote the value to use it as a string, e.g. key='...'
                """)
    }

    @Test func controlCharacter() {
        #expect(
            Self.message("a=x\ny") == """
                override 'a=x\ny': error: unexpected control character U+000A in the value
                    a=x?y
                       ^
                help: quote the value to use it as a string, e.g. key='...'
                """)
    }

    @Test func intervalCannotBeEnumerated() {
        #expect(
            Self.message("lr=tag(log,interval(1e-4,1e-1))") == """
                override 'lr=tag(log,interval(1e-4,1e-1))': error: tag(log,interval(0.0001,0.1)) cannot be enumerated: interval() is a random-search distribution
                    lr=tag(log,interval(1e-4,1e-1))
                       ^
                help: use `sweep.sampler: random` to draw values from it, or a choice() or range() for a grid
                """)
    }

    @Test func badSpace() {
        #expect(
            Self.message("lr=geomspace(0,1,3)") == """
                override 'lr=geomspace(0,1,3)': error: geomspace(): start and stop must be finite, non-zero and of the same sign
                    lr=geomspace(0,1,3)
                       ^
                help: a log scale cannot include 0; start from a small value such as 1e-6
                """)
    }

    @Test func errorsAreNeverCrashes() {
        // Every prefix of some tricky overrides either parses or fails with a located error.
        let inputs = [
            "a.b=tag(t,choice([1,{x: '${y}'}],2))", "lr=sort(range(0,1,0.25),reverse=true)", "~db@pkg='a\\'b'",
            "x=sort(shuffle(range(5),seed=1),reverse=true)",
            "k={a\\ b: [1, \"q\\\"\"], c: null}",
        ]
        for input in inputs {
            let scalars = Array(input.unicodeScalars)
            for n in 0...scalars.count {
                let prefix = String(String.UnicodeScalarView(scalars[0..<n]))
                do {
                    _ = try Override.parse(prefix)
                } catch {
                    guard case .override(let text, let column) = error.diagnostics.first?.location else {
                        Issue.record("unlocated error for \(prefix)")
                        continue
                    }
                    #expect(text == prefix)
                    #expect(column >= 1 && column <= n + 1)
                }
            }
            #expect(throws: Never.self) { try Override.parse(input) }
        }
    }
}
