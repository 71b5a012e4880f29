extension IDXFile {
    /// Images as bytes, row-major, `count × rows × columns`.
    public struct Images: Sendable, Hashable {
        /// Number of images.
        public var count: Int
        /// Pixel rows per image.
        public var rows: Int
        /// Pixel columns per image.
        public var columns: Int
        /// The pixels, one byte each.
        public var pixels: [UInt8]
        /// Pixels per image.
        public var size: Int { rows * columns }

        /// Creates an image set; `pixels` holds `count × rows × columns` bytes.
        public init(count: Int, rows: Int, columns: Int, pixels: [UInt8]) {
            self.count = count
            self.rows = rows
            self.columns = columns
            self.pixels = pixels
        }
    }
}
