public import Foundation

extension ConfigNode {
    /// The node as JSON, keys in order, indented by `indent` spaces (0: one line, no spaces);
    /// floats as Python writes them, non-finite floats as `NaN`, `Infinity`, `-Infinity` (what
    /// Python's `json` module writes), `???` as the string `"???"`.
    public func jsonText(indent: Int = 2) -> String {
        String(decoding: jsonBytes(indent: indent), as: UTF8.self)
    }

    /// The node as JSON in UTF-8 bytes, as ``jsonText(indent:)`` writes it.
    public func jsonBytes(indent: Int = 2) -> [UInt8] {
        jsonBytes(indent: indent, parallelAbove: Parallel.minimumNodes)
    }

    /// Writes the node as JSON (as ``jsonText(indent:)``) and a final newline to `handle`. A large
    /// tree's two halves, written on two threads, go out one after the other, never joined.
    public func writeJSON(to handle: FileHandle, indent: Int = 2) throws {
        var pieces = jsonPieces(indent: indent, parallelAbove: Parallel.minimumNodes)
        pieces[pieces.count - 1].append(UInt8(ascii: "\n"))
        try pieces.write(to: handle)
    }

    /// The JSON bytes, written in two halves on two threads for a tree of at least `parallelAbove` nodes.
    func jsonBytes(indent: Int, parallelAbove: Int) -> [UInt8] {
        jsonPieces(indent: indent, parallelAbove: parallelAbove).joinedBytes
    }

    /// The JSON text in pieces to be written in order: one piece, or for a tree of at least
    /// `parallelAbove` nodes, the two halves of its top-level entries (written on two threads)
    /// between the braces.
    private func jsonPieces(indent: Int, parallelAbove: Int) -> [[UInt8]] {
        guard
            let (_, first, second) = Parallel.overHalves(
                of: self, atLeast: parallelAbove,
                { mapping, range in JSONWriter.entries(of: mapping, in: range, indent: indent) })
        else {
            var writer = JSONWriter(indent: indent)
            writer.write(self, level: 0)
            return [writer.bytes]
        }
        var end = JSONWriter(indent: indent)
        end.newline(0)
        end.bytes.append(UInt8(ascii: "}"))
        return [Array("{".utf8), first, Array(",".utf8), second, end.bytes]
    }
}

/// Writes JSON into a byte buffer.
private struct JSONWriter {
    let indent: Int
    var bytes: [UInt8] = []

    init(indent: Int) {
        self.indent = indent
        bytes.reserveCapacity(1 << 16)
    }

    mutating func ascii(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func newline(_ level: Int) {
        guard indent > 0 else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    mutating func write(_ node: ConfigNode, level: Int) {
        switch node.value {
        case .null: ascii("null")
        case .missing: ascii("\"???\"")
        case .bool(let b): b ? ascii("true") : ascii("false")
        case .int(let i): bytes.append(contentsOf: String(i).utf8)
        case .float(let d):
            if d.isNaN {
                ascii("NaN")
            } else if d.isInfinite {
                d < 0 ? ascii("-Infinity") : ascii("Infinity")
            } else {
                bytes.append(contentsOf: PythonFloat.repr(d).utf8)
            }
        case .string(let s): string(s)
        case .sequence(let items):
            if items.isEmpty { return ascii("[]") }
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(level + 1)
                write(item, level: level + 1)
            }
            newline(level)
            bytes.append(UInt8(ascii: "]"))
        case .mapping(let mapping):
            if mapping.isEmpty { return ascii("{}") }
            bytes.append(UInt8(ascii: "{"))
            write(entriesOf: mapping, in: 0..<mapping.count, level: level)
            newline(level)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// The entries of a mapping at `level` in `range`, separated by commas (none before the first).
    mutating func write(entriesOf mapping: OrderedMapping, in range: Range<Int>, level: Int) {
        for index in range {
            if index > range.lowerBound { bytes.append(UInt8(ascii: ",")) }
            newline(level + 1)
            string(mapping.keys[index])
            indent > 0 ? ascii(": ") : ascii(":")
            write(mapping.values[index], level: level + 1)
        }
    }

    /// The bytes of a top-level mapping's entries in `range`.
    static func entries(of mapping: OrderedMapping, in range: Range<Int>, indent: Int) -> [UInt8] {
        var writer = JSONWriter(indent: indent)
        writer.write(entriesOf: mapping, in: range, level: 0)
        return writer.bytes
    }

    mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escape: copy them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: s.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): ascii("\\\"")
            case UInt8(ascii: "\\"): ascii("\\\\")
            case 0x0A: ascii("\\n")
            case 0x0D: ascii("\\r")
            case 0x09: ascii("\\t")
            case 0x08: ascii("\\b")
            case 0x0C: ascii("\\f")
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                ascii("\\u00")
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
