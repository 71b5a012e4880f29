/// An 8-bit raster image: rows top to bottom, pixels interleaved.
public struct RasterImage: Hashable, Sendable {
    /// The channel layout of a pixel.
    public enum Format: Int, Sendable {
        /// One grey byte per pixel.
        case grey = 1
        /// Red, green, blue.
        case rgb = 3
        /// Red, green, blue, alpha (not premultiplied).
        case rgba = 4

        /// Bytes per pixel.
        public var channels: Int { rawValue }
    }

    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// The pixel layout.
    public let format: Format
    /// `width × height × channels` bytes, row-major.
    public var pixels: [UInt8]

    /// Creates an image; throws when `pixels` does not have `width × height × channels` bytes.
    public init(width: Int, height: Int, format: Format, pixels: [UInt8]) throws(PlotError) {
        guard width > 0, height > 0 else {
            throw .invalidParameter(name: "image size", reason: "\(width)×\(height) is empty")
        }
        let expected = width * height * format.channels
        guard pixels.count == expected else {
            throw .lengthMismatch(what: "image pixels", expected: expected, actual: pixels.count)
        }
        self.width = width
        self.height = height
        self.format = format
        self.pixels = pixels
    }

    /// Renders a `width × height` grid of values (row-major) through a colour map.
    public static func mapping(
        _ values: [Double], width: Int, height: Int, colorMap: ColorMap, normalization: ColorNormalization
    ) throws(PlotError) -> RasterImage {
        guard values.count == width * height else {
            throw .lengthMismatch(what: "image values", expected: width * height, actual: values.count)
        }
        var pixels = [UInt8]()
        pixels.reserveCapacity(values.count * 3)
        for value in values {
            let color = colorMap.color(at: normalization(value))
            pixels += [color.red, color.green, color.blue]
        }
        return try RasterImage(width: width, height: height, format: .rgb, pixels: pixels)
    }

    /// The image enlarged `factor` times by pixel replication (sharp in viewers that smooth images).
    public func upscaled(by factor: Int) -> RasterImage {
        guard factor > 1 else { return self }
        let channels = format.channels
        let newWidth = width * factor
        var out = [UInt8](repeating: 0, count: newWidth * height * factor * channels)
        for row in 0..<height {
            for column in 0..<width {
                let source = (row * width + column) * channels
                for dy in 0..<factor {
                    for dx in 0..<factor {
                        let target = ((row * factor + dy) * newWidth + column * factor + dx) * channels
                        for c in 0..<channels { out[target + c] = pixels[source + c] }
                    }
                }
            }
        }
        // Sizes are positive and the byte count matches by construction.
        return (try? RasterImage(width: newWidth, height: height * factor, format: format, pixels: out)) ?? self
    }

    /// The image encoded as PNG.
    public func png() throws(PlotError) -> [UInt8] {
        try PNGEncoder.encode(self)
    }
}
