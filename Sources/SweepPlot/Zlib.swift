internal import CZlib

/// Thin wrappers over zlib (compress2, uncompress, crc32).
enum Zlib {
    /// zlib-format (RFC 1950) compression of `bytes` at `level` (0–9).
    static func compress(_ bytes: [UInt8], level: Int32 = 9) throws(PlotError) -> [UInt8] {
        var capacity = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(capacity))
        let status = out.withUnsafeMutableBufferPointer { destination in
            bytes.withUnsafeBufferPointer { source in
                compress2(destination.baseAddress, &capacity, source.baseAddress, uLong(source.count), level)
            }
        }
        guard status == Z_OK else { throw .compression(code: Int(status)) }
        out.removeLast(out.count - Int(capacity))
        return out
    }

    /// Inflates zlib-format `bytes` that are known to expand to exactly `size` bytes.
    static func uncompress(_ bytes: [UInt8], size: Int) throws(PlotError) -> [UInt8] {
        var length = uLong(size)
        var out = [UInt8](repeating: 0, count: max(size, 1))
        let status = out.withUnsafeMutableBufferPointer { destination in
            bytes.withUnsafeBufferPointer { source in
                CZlib.uncompress(destination.baseAddress, &length, source.baseAddress, uLong(source.count))
            }
        }
        guard status == Z_OK else { throw .compression(code: Int(status)) }
        return Array(out.prefix(Int(length)))
    }

    /// The CRC-32 (as used by PNG) of `bytes`, continuing from `crc`.
    static func crc(_ bytes: ArraySlice<UInt8>, continuing crc: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: CZlib.crc32(uLong(crc), buffer.baseAddress, uInt(buffer.count)))
        }
    }
}
