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
        let (header, pixels) = try readArray(path, magic: imagesMagic, dimensions: 3)
        return Images(count: Int(header[0]), rows: Int(header[1]), columns: Int(header[2]), pixels: pixels)
    }

    /// Reads a labels file (magic 0x00000801, one dimension).
    public static func readLabels(_ path: String) throws(TrainerError) -> [UInt8] {
        try readArray(path, magic: labelsMagic, dimensions: 1).values
    }

    /// Reads an unsigned-byte array: its dimensions and its values, the values straight into
    /// their own array (a 47 MB training set is read once, not copied).
    static func readArray(_ path: String, magic: UInt32, dimensions: Int) throws(TrainerError) -> (
        header: [UInt32], values: [UInt8]
    ) {
        let (file, descriptor) = try open(path)
        defer { gzclose(file) }
        let headerBytes = 4 + 4 * dimensions
        let head = try read(file, upTo: headerBytes, path: path)
        let header = try parseHeader(head, path: path, magic: magic, headerBytes: headerBytes)
        var count = 1
        for dimension in header {
            let (product, overflow) = count.multipliedReportingOverflow(by: Int(dimension))
            count = overflow ? Int.max - headerBytes : product
        }
        let expected = headerBytes + count
        // Allocated by what the file holds, not by what the header claims (a corrupt header
        // must not ask for terabytes): the size on disk, or the gzip trailer's.
        let hint = contentSize(descriptor, file).map { max(0, $0 - headerBytes) } ?? 1 << 20
        let values = try read(file, upTo: count, capacity: hint, path: path)
        if values.count < count {
            throw .truncated(path: path, expectedBytes: expected, foundBytes: headerBytes + values.count)
        }
        return (header, values)
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

    /// Opens `path` for reading through zlib (gzip-compressed or raw).
    static func open(_ path: String) throws(TrainerError) -> (file: gzFile, descriptor: Int32) {
        let descriptor = Foundation.open(path, O_RDONLY)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw .missingFile(path: path.hasSuffix(".gz") ? String(path.dropLast(3)) : path) }
            throw .io(path: path, message: "cannot open")
        }
        // zlib owns the descriptor from here (gzclose closes it).
        guard let file = gzdopen(descriptor, "rb") else {
            close(descriptor)
            throw .io(path: path, message: "cannot open")
        }
        _ = gzbuffer(file, 1 << 17)
        return (file, descriptor)
    }

    /// Up to `count` more (decompressed) bytes, fewer at the end of the file; `capacity` is the
    /// first allocation (the array grows past it while the file has more).
    static func read(_ file: gzFile, upTo count: Int, capacity: Int? = nil, path: String) throws(TrainerError)
        -> [UInt8]
    {
        var failed = false
        var wanted = min(count, capacity ?? count)
        var bytes = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
            initialized = fill(buffer, from: file, failed: &failed)
        }
        while !failed, bytes.count == wanted, wanted < count {
            let more = min(count - wanted, max(wanted, 1 << 20))
            let piece = [UInt8](unsafeUninitializedCapacity: more) { buffer, initialized in
                initialized = fill(buffer, from: file, failed: &failed)
            }
            bytes.append(contentsOf: piece)
            wanted += more
        }
        try checkStream(file, path: path, failed: failed)
        return bytes
    }

    /// Reads into `buffer` until it is full or the file ends; how many bytes it read.
    private static func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from file: gzFile, failed: inout Bool)
        -> Int
    {
        var total = 0
        while total < buffer.count, let base = buffer.baseAddress {
            let n = gzread(file, base + total, UInt32(min(buffer.count - total, 1 << 30)))
            if n < 0 { failed = true }
            if n <= 0 { break }
            total += Int(n)
        }
        return total
    }

    /// Throws zlib's error, if any: a failed read, or a gzip stream cut short (gzread stops
    /// quietly there; gzerror tells).
    static func checkStream(_ file: gzFile, path: String, failed: Bool) throws(TrainerError) {
        var code: Int32 = 0
        let text = gzerror(file, &code).map { String(cString: $0) } ?? "read error"
        if failed || (code != Z_OK && code != Z_STREAM_END) {
            throw .io(path: path, message: "cannot decompress: \(text)")
        }
    }

    /// The size of the content of the file open as `descriptor` and `file` (its header read), as
    /// a hint for allocating: the file's size, or for a gzip file the size its trailer records
    /// (only the last member's, modulo 2³², at most deflate's ratio allows); nil when unknown.
    /// `pread` leaves the offset zlib reads from where it is.
    static func contentSize(_ descriptor: Int32, _ file: gzFile) -> Int? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        if gzdirect(file) == 1 { return Int(info.st_size) }
        var trailer = [UInt8](repeating: 0, count: 4)
        guard info.st_size >= 4, pread(descriptor, &trailer, 4, info.st_size - 4) == 4 else { return nil }
        // A corrupt trailer cannot claim more than deflate's best ratio (about 1032:1).
        return min(trailer.reversed().reduce(0) { $0 << 8 | Int($1) }, 1032 * Int(info.st_size))
    }
}
