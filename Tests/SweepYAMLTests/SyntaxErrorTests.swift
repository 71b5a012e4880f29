import Testing

@testable import SweepYAML

/// libyaml's syntax errors, as plain-English compiler-style diagnostics.
@Suite struct SyntaxErrorTests {
    @Test func tabIndentation() {
        #expect(
            Support.error("model:\n\tlr: 0.1\n") == """
                t.yaml:2:1: error: tabs are not allowed for indentation in YAML; use spaces
                    \tlr: 0.1
                    ^
                help: replace the tab with spaces (for example two or four, like the lines around it)
                """)
    }

    @Test func tabIndentationAfterAValue() {
        #expect(
            Support.error("a: 1\n\tb: 2\n") == """
                t.yaml:2:1: error: tabs are not allowed for indentation in YAML; use spaces
                    \tb: 2
                    ^
                help: replace the tab with spaces (for example two or four, like the lines around it)
                """)
    }

    @Test func unclosedBracket() {
        #expect(
            Support.error("layers: [784, 10\nact: relu\n") == """
                t.yaml:1:9: error: this '[' is never closed
                    layers: [784, 10
                            ^
                help: add the matching ']' after the last item of the list
                """)
    }

    @Test func unclosedBraceAtTheEndOfTheFile() {
        #expect(
            Support.error("optim: {name: adam, lr: 0.1") == """
                t.yaml:1:8: error: this '{' is never closed
                    optim: {name: adam, lr: 0.1
                           ^
                help: add the matching '}' after the last entry of the mapping
                """)
    }

    @Test func innermostUnclosedBracket() {
        #expect(
            Support.error("a: {x: 1, y: [2\n") == """
                t.yaml:1:14: error: this '[' is never closed
                    a: {x: 1, y: [2
                                 ^
                help: add the matching ']' after the last item of the list
                """)
    }

    @Test func bracketClosedByTheWrongBracket() {
        #expect(
            Support.error("a: [1, {b: 2]\n") == """
                t.yaml:1:8: error: this '{' is never closed
                    a: [1, {b: 2]
                           ^
                note: a ']' comes before its '}'
                help: add the matching '}' after the last entry of the mapping
                """)
    }

    @Test func missingCommaInAClosedList() {
        #expect(
            Support.error("a: [1, 'x' 'y']\n") == """
                t.yaml:1:12: error: expected ',' or ']' in this flow list, found "'"
                    a: [1, 'x' 'y']
                               ^
                note: the list starts at t.yaml:1:4
                    a: [1, 'x' 'y']
                       ^
                help: separate the items with ', '
                """)
    }

    @Test func unknownEscape() {
        #expect(
            Support.error("path: \"C:\\data\\mnist\"\n") == #"""
                t.yaml:1:10: error: unknown escape '\d' in a double-quoted string
                    path: "C:\data\mnist"
                             ^
                help: valid escapes are \\ \" \/ \0 \a \b \t \n \v \f \r \e \N \_ \L \P, '\' before a space or a line break, \xXX, \uXXXX and \UXXXXXXXX
                help: write '\\' for a backslash (for example in a Windows path)
                help: to keep backslashes as they are, use single quotes instead: 'C:\data\mnist'
                """#)
    }

    @Test func badHexEscape() {
        #expect(
            Support.error("a: \"x\\u12\"\n") == #"""
                t.yaml:1:6: error: invalid escape '\u12' in a double-quoted string: '\u' must be followed by 4 hexadecimal digits
                    a: "x\u12"
                         ^
                help: to keep backslashes as they are, use single quotes instead: 'x\u12'
                """#)
    }

    @Test func surrogateEscape() {
        #expect(
            Support.error("a: \"\\uD800\"\n") == #"""
                t.yaml:1:5: error: invalid escape '\uD800': it is not a Unicode character (surrogates D800-DFFF and values above 10FFFF are not allowed)
                    a: "\uD800"
                        ^
                """#)
    }

    @Test func unterminatedDoubleQuote() {
        #expect(
            Support.error("name: \"mnist\nepochs: 1\n") == """
                t.yaml:1:7: error: this double-quoted string is never closed
                    name: "mnist
                          ^
                note: the file ends before the closing "
                help: add the closing " where the string should end
                """)
    }

    @Test func unterminatedSingleQuoteEndedByADocumentMarker() {
        #expect(
            Support.error("a: 'abc\n---\nb: 1'\n") == """
                t.yaml:1:4: error: this single-quoted string is never closed
                    a: 'abc
                       ^
                note: a document marker line ends the text first at t.yaml:2:1
                    ---
                    ^
                help: add the closing ' where the string should end
                """)
    }

    @Test func colonInsideAValue() {
        #expect(
            Support.error("note: time: 10\n") == """
                t.yaml:1:11: error: unexpected ':' here: a mapping value cannot start in the middle of a value
                    note: time: 10
                              ^
                help: if ':' is part of the value, put the value in quotes: note: "time: 10"
                """)
    }

    @Test func missingSpaceAfterColon() {
        #expect(
            Support.error("lr:0.1\nbatch: 32\n") == """
                t.yaml:2:6: error: unexpected ':' here: a mapping value cannot start in the middle of a value
                    batch: 32
                         ^
                help: line 1 has no space after its ':'; write 'key: value' (or quote the whole text if ':' belongs to it)
                """)
    }

    @Test func keyIndentedUnderAValue() {
        #expect(
            Support.error("a: b\n  c: d\n") == """
                t.yaml:2:4: error: unexpected ':' here: a mapping value cannot start in the middle of a value
                      c: d
                       ^
                help: this line is indented more than line 1, which already has its value; indent it like the keys above, or quote the value if ':' belongs to it
                """)
    }

    @Test func keyOutdentedBetweenTwoLevels() {
        #expect(
            Support.error("a:\n    b: 1\n  c: 2\n") == """
                t.yaml:3:3: error: bad indentation: this line does not line up with the keys of its mapping
                      c: 2
                      ^
                note: the mapping starts at t.yaml:1:1
                    a:
                    ^
                help: the keys of one mapping must start in the same column (column 1 here); use spaces consistently
                """)
    }

    @Test func listItemAmongKeys() {
        #expect(
            Support.error("a: 1\n- b\n") == """
                t.yaml:2:1: error: a list item '-' cannot appear among the keys of a mapping
                    - b
                    ^
                note: the mapping starts at t.yaml:1:1
                    a: 1
                    ^
                help: to give a key a list, put the items on the lines below the key, indented
                """)
    }

    @Test func keyAmongListItems() {
        #expect(
            Support.error("a:\n  - 1\n  b: 2\n") == """
                t.yaml:3:3: error: bad indentation: expected another list item '- ' at this indentation, found 'b'
                      b: 2
                      ^
                note: the list starts at t.yaml:2:3
                      - 1
                      ^
                help: to end the list and go on with the mapping, indent the list items more than their key, or give this line the indentation of the keys above
                """)
    }

    @Test func textAfterAQuotedValue() {
        #expect(
            Support.error("a: 'x' y\n") == """
                t.yaml:1:8: error: unexpected text after the value
                    a: 'x' y
                           ^
                help: a quoted string or a [...] / {...} must be the whole value; to include more text, quote all of it
                """)
    }

    @Test func listItemOnTheKeyLine() {
        #expect(
            Support.error("a: - b\n") == """
                t.yaml:1:4: error: a list item '- ' cannot start on the same line as its key
                    a: - b
                       ^
                help: put each item on its own line below the key, indented, or write a flow list such as 'key: [a, b]'
                """)
    }

    @Test func reservedCharacter() {
        #expect(
            Support.error("user: @me\n") == """
                t.yaml:1:7: error: '@' is reserved in YAML and cannot start a plain value
                    user: @me
                          ^
                help: put the value in quotes: "@me"
                """)
    }

    @Test func strayClosingBracket() {
        #expect(
            Support.error("a: }\n") == """
                t.yaml:1:4: error: unexpected '}': no '{' is open here
                    a: }
                       ^
                help: remove it, or quote the value if it belongs to the text
                """)
    }

    @Test func contentAfterTheDocument() {
        #expect(
            Support.error("  a: 1\nb: 2\n") == """
                t.yaml:2:1: error: unexpected 'b' after the end of the document
                    b: 2
                    ^
                help: the first line is indented; start the top-level keys in column 1
                """)
    }

    @Test func controlCharacter() {
        #expect(
            Support.error("a: 1\u{1}\n") == #"""
                t.yaml:1:5: error: control character U+0001 is not allowed in YAML text
                    a: 1?
                        ^
                help: remove it, or write it as an escape inside double quotes, such as "\u0001"
                """#)
    }

    @Test func textAfterABlockScalarIndicator() {
        #expect(
            Support.error("a: | x\n") == """
                t.yaml:1:6: error: unexpected text after the block scalar indicator
                    a: | x
                         ^
                note: the block scalar starts at t.yaml:1:4
                    a: | x
                       ^
                help: '|' and '>' end their line; start the text on the next line, indented
                """)
    }

    @Test func badExplicitTag() {
        #expect(
            Support.error("a: !!int abc\n") == """
                t.yaml:1:4: error: 'abc' is not an integer (or it does not fit in 64 bits), as its tag '!!int' requires
                    a: !!int abc
                       ^
                """)
    }

    @Test func lineWithoutColonBetweenKeys() {
        #expect(
            Support.error("a: 1\nb\nc: 2\n") == """
                t.yaml:2:1: error: expected ':' after this key
                    b
                    ^
                help: a line of a mapping is 'key: value'; if this line continues the value above, indent it more than that key, or quote the value
                """)
    }

    @Test func textLineRunningIntoAKey() {
        #expect(
            Support.error("key with no colon\nother: 1\n") == """
                t.yaml:2:6: error: unexpected ':' here: a mapping value cannot start in the middle of a value
                    other: 1
                         ^
                help: line 1 has no ':', so it runs on into this line; a line of a mapping is 'key: value'
                """)
    }

    @Test func anchorWithoutAName() {
        #expect(
            Support.error("a: & x\n") == """
                t.yaml:1:4: error: an anchor '&' needs a name right after it (letters, digits, '-' or '_')
                    a: & x
                       ^
                help: if '&' is part of the text, put the value in quotes
                """)
    }

    @Test func colonInsideAnIndentedValue() {
        #expect(
            Support.error("cfg:\n  note: time: 10\n") == """
                t.yaml:2:13: error: unexpected ':' here: a mapping value cannot start in the middle of a value
                      note: time: 10
                                ^
                help: if ':' is part of the value, put the value in quotes: note: "time: 10"
                """)
    }
}
