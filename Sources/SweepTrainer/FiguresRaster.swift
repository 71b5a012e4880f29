internal import CZlib
internal import Foundation

/// An RGB image drawn pixel by pixel and encoded as PNG (zlib, no external tools).
struct FiguresRaster {
    let width: Int
    let height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, background: (UInt8, UInt8, UInt8) = (255, 255, 255)) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 3)
        for i in 0..<(width * height) {
            pixels[3 * i] = background.0
            pixels[3 * i + 1] = background.1
            pixels[3 * i + 2] = background.2
        }
    }

    mutating func set(_ x: Int, _ y: Int, _ c: (Double, Double, Double), alpha: Double = 1) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = 3 * (y * width + x)
        let a = max(0, min(1, alpha))
        @inline(__always) func blend(_ old: UInt8, _ v: Double) -> UInt8 {
            UInt8(max(0, min(255, (Double(old) * (1 - a) + v * 255 * a).rounded())))
        }
        pixels[i] = blend(pixels[i], c.0)
        pixels[i + 1] = blend(pixels[i + 1], c.1)
        pixels[i + 2] = blend(pixels[i + 2], c.2)
    }

    /// A filled disc of radius `r` pixels.
    mutating func dot(_ cx: Double, _ cy: Double, r: Double, _ c: (Double, Double, Double), alpha: Double) {
        let x0 = Int((cx - r).rounded(.down)), x1 = Int((cx + r).rounded(.up))
        let y0 = Int((cy - r).rounded(.down)), y1 = Int((cy + r).rounded(.up))
        for y in y0...y1 {
            for x in x0...x1 {
                let dx = Double(x) + 0.5 - cx, dy = Double(y) + 0.5 - cy
                if dx * dx + dy * dy <= r * r { set(x, y, c, alpha: alpha) }
            }
        }
    }

    /// The PNG file's bytes (8-bit RGB, no filtering).
    func png() -> [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity((width * 3 + 1) * height)
        for y in 0..<height {
            raw.append(0)
            raw += pixels[(y * width * 3)..<((y + 1) * width * 3)]
        }
        var destLen = compressBound(uLong(raw.count))
        var compressed = [UInt8](repeating: 0, count: Int(destLen))
        let status = compressed.withUnsafeMutableBufferPointer { dst in
            raw.withUnsafeBufferPointer { src in
                compress2(dst.baseAddress, &destLen, src.baseAddress, uLong(raw.count), 6)
            }
        }
        if status != Z_OK { return [] }
        compressed.removeLast(compressed.count - Int(destLen))
        func be(_ v: Int) -> [UInt8] { [UInt8((v >> 24) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
        func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
            let typed = Array(type.utf8) + body
            let crc = typed.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
            return be(body.count) + typed + be(Int(crc))
        }
        let header = be(width) + be(height) + [8, 2, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", compressed)
            + chunk("IEND", [])
    }

    /// The PNG as a data URI for an SVG <image>.
    func dataURI() -> String {
        "data:image/png;base64," + Data(png()).base64EncodedString()
    }
}
