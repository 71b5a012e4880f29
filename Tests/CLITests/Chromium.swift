import Foundation

@testable import SweepPlot

/// Headless Chromium for the browser tests (`make test` installs Debian's `chromium`).
enum Chromium {
    /// The browser's path, or nil when it is not installed.
    static let path: String? = {
        let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Why the browser tests cannot run, shown when they are skipped.
    static let missing = "chromium is not installed (make test installs it: apt-get install chromium)"

    /// Runs the browser headless on `url` with `arguments`; returns (stdout, stderr, status).
    static func run(_ arguments: [String], url: String) throws -> (stdout: String, stderr: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path ?? "chromium")
        let home = NSTemporaryDirectory() + "sweep-chromium-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: home) }
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--user-data-dir=" + home, "--enable-logging=stderr", "--v=0",
            ] + arguments + [url]
        let result = try CLI.capture(process)
        return (result.stdout, result.stderr, result.status)
    }

    /// The console messages of the page that are errors (uncaught exceptions, failed loads).
    static func pageErrors(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter { line in
            line.contains("CONSOLE") && (line.contains("Uncaught") || line.contains("Error") || line.contains("ERR_"))
        }
    }
}

/// The pixels of an 8-bit, non-interlaced PNG (grey, RGB or RGBA), as a screenshot holds them.
struct PNGPixels {
    var width = 0
    var height = 0
    var channels = 0
    var pixels: [UInt8] = []

    init(_ bytes: [UInt8]) throws {
        struct Bad: Error { var what: String }
        guard bytes.count > 8, Array(bytes[0..<8]) == PNGEncoder.signature else { throw Bad(what: "not a PNG") }
        func uint32(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        var offset = 8
        var idat: [UInt8] = []
        while offset + 8 <= bytes.count {
            let length = uint32(offset)
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let data = Array(bytes[(offset + 8)..<(offset + 8 + length)])
            if type == "IHDR" {
                width = uint32(offset + 8)
                height = uint32(offset + 12)
                guard data[8] == 8, data[12] == 0 else { throw Bad(what: "not 8-bit non-interlaced") }
                channels = [0: 1, 2: 3, 6: 4][Int(data[9])] ?? 0
            } else if type == "IDAT" {
                idat += data
            }
            offset += 12 + length
        }
        guard channels > 0 else { throw Bad(what: "unsupported colour type") }
        let stride = width * channels
        let raw = try Zlib.uncompress(idat, size: (stride + 1) * height)
        var previous = [UInt8](repeating: 0, count: stride)
        pixels.reserveCapacity(stride * height)
        for row in 0..<height {
            let filter = raw[row * (stride + 1)]
            var line = Array(raw[(row * (stride + 1) + 1)..<((row + 1) * (stride + 1))])
            for i in 0..<stride {
                let left = i >= channels ? Int(line[i - channels]) : 0
                let up = Int(previous[i])
                let upLeft = i >= channels ? Int(previous[i - channels]) : 0
                let predictor: Int
                switch filter {
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                case 4:
                    let p = left + up - upLeft
                    let (pa, pb, pc) = (abs(p - left), abs(p - up), abs(p - upLeft))
                    predictor = pa <= pb && pa <= pc ? left : (pb <= pc ? up : upLeft)
                default: predictor = 0
                }
                line[i] &+= UInt8(truncatingIfNeeded: predictor)
            }
            pixels += line
            previous = line
        }
    }

    /// The fraction of pixels that are not white, and how many distinct colours there are.
    var ink: (fraction: Double, colors: Int) {
        var nonWhite = 0
        var colors = Set<UInt32>()
        let count = width * height
        for p in 0..<count {
            let base = p * channels
            var rgb: UInt32 = 0
            var white = true
            for c in 0..<min(channels, 3) {
                let v = pixels[base + c]
                if v < 250 { white = false }
                rgb = rgb << 8 | UInt32(v)
            }
            if !white { nonWhite += 1 }
            if colors.count < 4096 { colors.insert(rgb) }
        }
        return (Double(nonWhite) / Double(max(count, 1)), colors.count)
    }
}
