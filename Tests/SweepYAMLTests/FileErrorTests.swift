import Foundation
import Testing

@testable import SweepYAML

/// Reading files: missing files, directories, text that is not UTF-8, binary files.
@Suite struct FileErrorTests {
    static func error(readingBytes bytes: [UInt8], name: String = "c.yaml") throws -> (path: String, message: String) {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            let node = try YAML.parse(contentsOf: path)
            Issue.record("expected an error, parsed \(String(describing: node))")
            return (path, "")
        } catch {
            return (path, error.description)
        }
    }

    @Test func missingFile() {
        #expect(throws: YAMLError.self) { try YAML.parse(contentsOf: "/nonexistent/sweep/c.yaml") }
        do {
            _ = try YAML.parse(contentsOf: "/nonexistent/sweep/c.yaml")
        } catch {
            #expect(error.description == "error: cannot read '/nonexistent/sweep/c.yaml': no such file")
        }
    }

    @Test func directory() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try YAML.parse(contentsOf: dir.path)
            Issue.record("a directory parsed")
        } catch {
            #expect(error.description == "error: cannot read '\(dir.path)': it is a directory, not a YAML file")
        }
    }

    @Test func latin1File() throws {
        let (path, message) = try Self.error(
            readingBytes: Array("name: mnist\nnote: caf".utf8) + [0xE9] + Array(" au lait\n".utf8))
        #expect(
            message == """
                \(path):2:10: error: the file is not valid UTF-8: byte 0xE9 cannot appear here
                    note: caf\u{FFFD} au lait
                             ^
                help: YAML files must be UTF-8; re-save it as UTF-8 (it may be Latin-1 or UTF-16)
                """)
    }

    @Test func truncatedUTF8Sequence() throws {
        let (path, message) = try Self.error(readingBytes: Array("a: 日".utf8).dropLast())
        #expect(message.hasPrefix("\(path):1:4: error: the file is not valid UTF-8: byte 0xE6 cannot appear here"))
    }

    @Test func binaryFile() throws {
        let (path, message) = try Self.error(readingBytes: [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13,
        ])
        // The PNG signature holds "\r\n" and "\n": the NUL is the first byte of line 3.
        #expect(message == "\(path):3:1: error: this is a binary file, not YAML text (it contains a NUL byte)")
    }

    @Test func validFileWithABOMAndCRLF() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ok.yaml").path
        try Data([0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: [x]\r\n".utf8)).write(to: URL(fileURLWithPath: path))
        let root = try YAML.parse(contentsOf: path)
        #expect(root == Support.mapping([("a", Support.scalar("1")), ("b", Support.sequence([Support.scalar("x")]))]))
        #expect(Support.child(root, "a")?.mark == Mark(file: path, line: 1, column: 4))
        #expect(Support.child(root, "b")?.mark == Mark(file: path, line: 2, column: 4))
        #expect(try YAML.parse("\u{FEFF}a: 1\nb: 2\n", file: "t.yaml").map(Support.keys) == ["a", "b"])
    }

    @Test func syntaxErrorInAFileNamesThePath() throws {
        let (path, message) = try Self.error(readingBytes: Array("a:\n\t- 1\n".utf8))
        #expect(
            message == """
                \(path):2:1: error: tabs are not allowed for indentation in YAML; use spaces
                    \t- 1
                    ^
                help: replace the tab with spaces (for example two or four, like the lines around it)
                """)
    }
}

/// Documents: an empty file or one of comments is no document; a file holds at most one.
@Suite struct DocumentTests {
    @Test func emptyAndCommentOnlyTextsHaveNoDocument() throws {
        #expect(try Support.parse("") == nil)
        #expect(try Support.parse("# just a comment\n\n") == nil)
        #expect(try Support.parse("---\n") == nil)
        #expect(try Support.parse("--- # c\n...\n") == nil)
    }

    @Test func scalarAndQuotedEmptyDocuments() throws {
        #expect(try Support.parse("hello") == Support.scalar("hello"))
        #expect(try Support.parse("''") == Support.scalar("", .singleQuoted))
        #expect(try Support.parse("--- !!null") == Support.scalar("", tag: "tag:yaml.org,2002:null"))
    }

    @Test func explicitDocumentMarkers() throws {
        #expect(try Support.parse("---\na: 1\n...\n") == Support.mapping([("a", Support.scalar("1"))]))
    }

    @Test func secondDocumentIsAnError() {
        #expect(
            Support.error("a: 1\n---\nb: 2\n") == """
                t.yaml:2:1: error: more than one YAML document in this file; a config file holds exactly one
                    ---
                    ^
                help: remove this '---' line and what follows, or split it into its own file
                """)
    }
}
