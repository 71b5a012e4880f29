internal import CZlib
internal import Foundation

/// Reads IDX files (the MNIST format), gzip-compressed or raw: zlib's gzread reads both.
public enum IDXFile {
    /// Magic number of an unsigned-byte 3-D array (images).
    public static let imagesMagic: UInt32 = 0x0000_0803
    /// Magic number of an unsigned-byte 1-D array (labels).
    public static let labelsMagic: UInt32 = 0x0000_0801

    /// Finds `name` or `name.gz` in `directory`, preferring the uncompressed file.
    public static func locate(_ name: String, in directory: String) throws(TrainerError) -> String {
        let base = directory.hasSuffix("/") ? directory + name : directory + "/" + name
        for candidate in [base, base + ".gz"] where FileManager.default.fileExists(atPath: candidate) {
            return candidate
        }
        throw .missingFile(path: base)
    }

    /// Reads an images file (magic 0x00000803, three dimensions).
    public static func readImages(_ path: String) throws(TrainerError) -> Images {
        let bytes = try readAll(path)
        let header = try parseHeader(bytes, path: path, magic: imagesMagic, headerBytes: 16)
        let count = Int(header[0])
        let rows = Int(header[1])
        let columns = Int(header[2])
        let expected = 16 + count * rows * columns
        if bytes.count < expected { throw .truncated(path: path, expectedBytes: expected, foundBytes: bytes.count) }
        return Images(count: count, rows: rows, columns: columns, pixels: Array(bytes[16..<expected]))
    }

    /// Reads a labels file (magic 0x00000801, one dimension).
    public static func readLabels(_ path: String) throws(TrainerError) -> [UInt8] {
        let bytes = try readAll(path)
        let header = try parseHeader(bytes, path: path, magic: labelsMagic, headerBytes: 8)
        let expected = 8 + Int(header[0])
        if bytes.count < expected { throw .truncated(path: path, expectedBytes: expected, foundBytes: bytes.count) }
        return Array(bytes[8..<expected])
    }

    /// Encodes images as an (uncompressed) IDX file's bytes.
    public static func encode(_ images: Images) -> [UInt8] {
        var out = bigEndian(imagesMagic) + bigEndian(UInt32(images.count))
        out += bigEndian(UInt32(images.rows)) + bigEndian(UInt32(images.columns))
        return out + images.pixels
    }

    /// Encodes labels as an (uncompressed) IDX file's bytes.
    public static func encode(labels: [UInt8]) -> [UInt8] {
        bigEndian(labelsMagic) + bigEndian(UInt32(labels.count)) + labels
    }

    /// Writes `bytes` to `path`, gzip-compressed when `gzip` is true.
    public static func write(_ bytes: [UInt8], to path: String, gzip: Bool) throws(TrainerError) {
        if !gzip {
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                throw .io(path: path, message: "cannot write")
            }
            return
        }
        guard let f = gzopen(path, "wb") else { throw .io(path: path, message: "cannot write") }
        let written = bytes.withUnsafeBytes { gzwrite(f, $0.baseAddress, UInt32($0.count)) }
        let closed = gzclose(f)
        if Int(written) != bytes.count || closed != Z_OK { throw .io(path: path, message: "cannot write") }
    }

    private static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }

    /// The header's dimension fields after checking the magic number.
    private static func parseHeader(_ bytes: [UInt8], path: String, magic: UInt32, headerBytes: Int)
        throws(TrainerError)
        -> [UInt32]
    {
        func word(_ i: Int) -> UInt32 {
            UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
        }
        if bytes.count < 4 { throw .truncated(path: path, expectedBytes: headerBytes, foundBytes: bytes.count) }
        let found = word(0)
        if found != magic { throw .wrongMagic(path: path, expected: magic, found: found) }
        if bytes.count < headerBytes {
            throw .truncated(path: path, expectedBytes: headerBytes, foundBytes: bytes.count)
        }
        return stride(from: 4, to: headerBytes, by: 4).map { word($0) }
    }

    /// The whole (decompressed) content of `path`.
    static func readAll(_ path: String) throws(TrainerError) -> [UInt8] {
        if !FileManager.default.fileExists(atPath: path) {
            throw .missingFile(path: path.hasSuffix(".gz") ? String(path.dropLast(3)) : path)
        }
        guard let f = gzopen(path, "rb") else { throw .io(path: path, message: "cannot open") }
        defer { gzclose(f) }
        _ = gzbuffer(f, 1 << 17)
        var out: [UInt8] = []
        let chunk = 1 << 22
        while true {
            var failed = false
            let piece = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, initialized in
                let n = buffer.baseAddress.map { gzread(f, $0, UInt32(chunk)) } ?? -1
                failed = n < 0
                initialized = max(0, Int(n))
            }
            if failed {
                var code: Int32 = 0
                let text = gzerror(f, &code).map { String(cString: $0) } ?? "read error"
                throw .io(path: path, message: "cannot decompress: \(text)")
            }
            out.append(contentsOf: piece)
            if piece.count < chunk { break }
        }
        // gzread stops quietly at a truncated gzip stream; gzerror tells.
        var code: Int32 = 0
        let text = gzerror(f, &code).map { String(cString: $0) } ?? ""
        if code != Z_OK && code != Z_STREAM_END {
            throw .io(path: path, message: "cannot decompress: \(text)")
        }
        return out
    }
}
