/// Encodes `RasterImage`s as PNG (8-bit grey, RGB or RGBA; zlib deflate; filter chosen per row).
public enum PNGEncoder {
    /// The eight-byte PNG signature.
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The PNG file bytes for `image`.
    public static func encode(_ image: RasterImage) throws(PlotError) -> [UInt8] {
        var out = signature
        var header = [UInt8]()
        header += bigEndian(UInt32(image.width))
        header += bigEndian(UInt32(image.height))
        let colorType: UInt8
        switch image.format {
        case .grey: colorType = 0
        case .rgb: colorType = 2
        case .rgba: colorType = 6
        }
        header += [8, colorType, 0, 0, 0]  // bit depth, colour type, compression, filter, interlace
        appendChunk("IHDR", header, to: &out)
        appendChunk("IDAT", try Zlib.compress(filtered(image)), to: &out)
        appendChunk("IEND", [], to: &out)
        return out
    }

    /// Scanlines each prefixed with a filter byte: None for the first row, Up for the others
    /// when it gives a smaller sum of absolute residuals (a cheap, deterministic heuristic).
    static func filtered(_ image: RasterImage) -> [UInt8] {
        let stride = image.width * image.format.channels
        var out = [UInt8]()
        out.reserveCapacity((stride + 1) * image.height)
        let pixels = image.pixels
        for row in 0..<image.height {
            let start = row * stride
            var useUp = false
            if row > 0 {
                var plain = 0
                var up = 0
                for i in 0..<stride {
                    let value = pixels[start + i]
                    let residual = value &- pixels[start - stride + i]
                    plain += Int(min(value, 0 &- value))
                    up += Int(min(residual, 0 &- residual))
                }
                useUp = up < plain
            }
            if useUp {
                out.append(2)
                for i in 0..<stride { out.append(pixels[start + i] &- pixels[start - stride + i]) }
            } else {
                out.append(0)
                out += pixels[start..<(start + stride)]
            }
        }
        return out
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to out: inout [UInt8]) {
        out += bigEndian(UInt32(data.count))
        let typeBytes = Array(type.utf8)
        let crc = Zlib.crc(ArraySlice(data), continuing: Zlib.crc(ArraySlice(typeBytes)))
        out += typeBytes
        out += data
        out += bigEndian(crc)
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [
            UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16),
            UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value),
        ]
    }
}
