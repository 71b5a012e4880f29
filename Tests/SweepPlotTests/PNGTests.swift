import Testing

@testable import SweepPlot

/// A minimal PNG reader for tests: chunks, CRCs (computed independently of zlib), IHDR and pixels.
struct DecodedPNG {
    var width = 0
    var height = 0
    var bitDepth = 0
    var colorType = 0
    var interlace = 0
    var chunkTypes: [String] = []
    var pixels: [UInt8] = []

    /// The standard CRC-32 (polynomial 0xEDB88320), bit by bit.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func readUInt32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    init(_ bytes: [UInt8]) throws {
        try #require(bytes.count > 8)
        try #require(Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var offset = 8
        var idat: [UInt8] = []
        while offset < bytes.count {
            let length = Int(Self.readUInt32(bytes, offset))
            let typeAndData = Array(bytes[(offset + 4)..<(offset + 8 + length)])
            let type = String(decoding: typeAndData.prefix(4), as: UTF8.self)
            let data = Array(typeAndData.dropFirst(4))
            let crc = Self.readUInt32(bytes, offset + 8 + length)
            #expect(crc == Self.crc32(typeAndData), "CRC of chunk \(type)")
            chunkTypes.append(type)
            if type == "IHDR" {
                try #require(length == 13)
                width = Int(Self.readUInt32(data, 0))
                height = Int(Self.readUInt32(data, 4))
                bitDepth = Int(data[8])
                colorType = Int(data[9])
                #expect(data[10] == 0 && data[11] == 0)
                interlace = Int(data[12])
            } else if type == "IDAT" {
                idat += data
            }
            offset += 12 + length
        }
        #expect(offset == bytes.count)
        let channels = [0: 1, 2: 3, 6: 4][colorType] ?? 0
        try #require(channels > 0)
        let stride = width * channels
        let raw = try Zlib.uncompress(idat, size: (stride + 1) * height)
        try #require(raw.count == (stride + 1) * height)
        var previous = [UInt8](repeating: 0, count: stride)
        for row in 0..<height {
            let filter = raw[row * (stride + 1)]
            var line = Array(raw[(row * (stride + 1) + 1)..<((row + 1) * (stride + 1))])
            for i in 0..<stride {
                let left = i >= channels ? line[i - channels] : 0
                let up = previous[i]
                let upLeft = i >= channels ? previous[i - channels] : 0
                switch filter {
                case 0: break
                case 1: line[i] &+= left
                case 2: line[i] &+= up
                case 3: line[i] &+= UInt8((Int(left) + Int(up)) / 2)
                case 4:
                    let p = Int(left) + Int(up) - Int(upLeft)
                    let pa = abs(p - Int(left))
                    let pb = abs(p - Int(up))
                    let pc = abs(p - Int(upLeft))
                    line[i] &+= pa <= pb && pa <= pc ? left : (pb <= pc ? up : upLeft)
                default: Issue.record("unknown filter \(filter)")
                }
            }
            pixels += line
            previous = line
        }
    }
}

@Suite("PNG encoder")
struct PNGTests {
    func pattern(width: Int, height: Int, channels: Int) -> [UInt8] {
        (0..<(width * height * channels)).map { UInt8(truncatingIfNeeded: ($0 * 37) ^ ($0 / (width * channels)) * 11) }
    }

    @Test(arguments: [RasterImage.Format.grey, .rgb, .rgba])
    func roundTrip(format: RasterImage.Format) throws {
        let pixels = pattern(width: 7, height: 5, channels: format.channels)
        let image = try RasterImage(width: 7, height: 5, format: format, pixels: pixels)
        let png = try image.png()
        let decoded = try DecodedPNG(png)
        #expect(decoded.chunkTypes == ["IHDR", "IDAT", "IEND"])
        #expect(decoded.width == 7 && decoded.height == 5 && decoded.bitDepth == 8 && decoded.interlace == 0)
        #expect(decoded.colorType == [RasterImage.Format.grey: 0, .rgb: 2, .rgba: 6][format])
        #expect(decoded.pixels == pixels)
    }

    @Test func smoothImagesUseTheUpFilterAndStillRoundTrip() throws {
        // Identical rows: the Up filter makes every residual zero.
        let row = (0..<64).map { UInt8($0 * 3) }
        let image = try RasterImage(
            width: 64, height: 32, format: .grey, pixels: Array((0..<32).map { _ in row }.joined()))
        let filtered = PNGEncoder.filtered(image)
        #expect(filtered[0] == 0)
        #expect(filtered[65] == 2)
        #expect(try DecodedPNG(image.png()).pixels == image.pixels)
    }

    @Test func encodingIsDeterministic() throws {
        let image = try RasterImage(
            width: 3, height: 3, format: .rgb, pixels: pattern(width: 3, height: 3, channels: 3))
        #expect(try image.png() == image.png())
    }

    @Test func upscalingReplicatesPixels() throws {
        let image = try RasterImage(width: 2, height: 1, format: .rgb, pixels: [1, 2, 3, 4, 5, 6])
        let big = image.upscaled(by: 2)
        #expect(big.width == 4 && big.height == 2)
        #expect(big.pixels == [1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6, 1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6])
    }

    @Test func invalidImagesAreErrors() {
        #expect(throws: PlotError.lengthMismatch(what: "image pixels", expected: 6, actual: 5)) {
            try RasterImage(width: 2, height: 1, format: .rgb, pixels: [1, 2, 3, 4, 5])
        }
        #expect(throws: PlotError.invalidParameter(name: "image size", reason: "0×3 is empty")) {
            try RasterImage(width: 0, height: 3, format: .grey, pixels: [])
        }
        #expect(
            PlotError.lengthMismatch(what: "image pixels", expected: 6, actual: 5).description
                == "image pixels: expected 6 values, got 5")
    }

    @Test func colourMappedRaster() throws {
        let image = try RasterImage.mapping(
            [-1, 0, 1], width: 3, height: 1, colorMap: .blueWhiteRed, normalization: .symmetric([-1, 1]))
        #expect(image.pixels == [0x05, 0x30, 0x61, 0xFF, 0xFF, 0xFF, 0x67, 0x00, 0x1F])
        #expect(throws: PlotError.self) {
            try RasterImage.mapping([1], width: 2, height: 1, colorMap: .greys, normalization: .extent([1]))
        }
    }
}
