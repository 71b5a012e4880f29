import Foundation
import SweepConfig
import SweepYAML
import Testing

// Helpers shared by the ConfigDecoder suites: hand-built config nodes and real temp files, so
// that file origins quote their source line.

/// A mapping node.
func nmap(_ pairs: KeyValuePairs<String, ConfigNode>, _ origin: Origin = .none) -> ConfigNode {
    var mapping = ConfigNode.emptyMapping(origin: origin)
    for (key, value) in pairs {
        if case .mapping(var m) = mapping.value {
            m[key] = value
            mapping.value = .mapping(m)
        }
    }
    return mapping
}

/// A sequence node.
func nseq(_ elements: [ConfigNode], _ origin: Origin = .none) -> ConfigNode {
    ConfigNode(.sequence(elements), origin: origin)
}

/// An integer node.
func nint(_ value: Int, _ origin: Origin = .none) -> ConfigNode { ConfigNode(.int(value), origin: origin) }
/// A float node.
func nfloat(_ value: Double, _ origin: Origin = .none) -> ConfigNode { ConfigNode(.float(value), origin: origin) }
/// A string node.
func nstr(_ value: String, _ origin: Origin = .none) -> ConfigNode { ConfigNode(.string(value), origin: origin) }
/// A boolean node.
func nbool(_ value: Bool, _ origin: Origin = .none) -> ConfigNode { ConfigNode(.bool(value), origin: origin) }
/// A null node.
func nnull(_ origin: Origin = .none) -> ConfigNode { ConfigNode(.null, origin: origin) }
/// A `???` node.
func nmissing(_ origin: Origin = .none) -> ConfigNode { ConfigNode(.missing, origin: origin) }

/// Decodes and returns the error text, or nil when decoding succeeds.
func decoderError<T: Decodable>(_ type: T.Type, _ node: ConfigNode, path: String = "") -> String? {
    do {
        _ = try ConfigDecoder().decode(type, from: node, path: path)
        return nil
    } catch {
        return error.description
    }
}

/// A YAML file written to a fresh temp directory, with a way to find marks in it.
struct DecoderTempFile {
    /// The file's path.
    let path: String
    /// The file's text.
    let text: String

    /// Writes `text` to a new temp file.
    init(_ text: String, name: String = "config.yaml") throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-decoder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        self.path = dir.appendingPathComponent(name).path
        self.text = text
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The origin of the `occurrence`-th (1-based) appearance of `needle`, at its first character.
    func at(_ needle: String, occurrence: Int = 1) -> Origin {
        var seen = 0
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let range = rest.range(of: needle) {
                seen += 1
                if seen == occurrence {
                    let column = line[..<range.lowerBound].unicodeScalars.count
                    return .file(Mark(file: path, line: lineIndex + 1, column: column + 1))
                }
                rest = rest[range.upperBound...]
            }
        }
        return .file(Mark(file: path, line: 0, column: 0))
    }

    /// The origin of the value written after the `occurrence`-th `key: `.
    func value(_ key: String, occurrence: Int = 1) -> Origin {
        guard case .file(var mark) = at(key + ": ", occurrence: occurrence) else { return .none }
        mark.column += key.unicodeScalars.count + 2
        return .file(mark)
    }

    /// Deletes the file and its directory.
    func remove() {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
}

@Suite("ConfigDecoder test support")
struct ConfigDecoderSupportTests {
    @Test("marks point at the needle, 1-based")
    func marks() throws {
        let file = try DecoderTempFile("a: 1\nmodel:\n  lr: abc\n  lr: x\n")
        defer { file.remove() }
        #expect(file.at("abc") == .file(Mark(file: file.path, line: 3, column: 7)))
        #expect(file.at("lr", occurrence: 2) == .file(Mark(file: file.path, line: 4, column: 3)))
        #expect(file.value("lr", occurrence: 2) == .file(Mark(file: file.path, line: 4, column: 7)))
        #expect(file.at("nowhere") == .file(Mark(file: file.path, line: 0, column: 0)))
        #expect(Diagnostic.sourceLine(of: Mark(file: file.path, line: 3, column: 7)) == "  lr: abc")
    }
}
