import Foundation
import Testing

@testable import SweepTrainer

@Suite("IDX files")
struct IDXFileTests {
    @Test("gzip and raw files read back what was written", arguments: [true, false])
    func roundTrip(_ gzip: Bool) throws {
        let dir = try TestData.makeRunDirectory()
        defer { TestData.remove(dir) }
        let data = try TestData.writeSet(in: dir, count: 12, testCount: 5, gzip: gzip)
        let (train, test) = try Dataset.load(directory: data)
        #expect(train.count == 12 && test.count == 5)
        #expect(train.images.rows == 8 && train.images.columns == 8)
        #expect(train.labels == (0..<12).map { UInt8($0 % 4) })
        let limited = try Dataset.load(directory: data, trainLimit: 7, testLimit: 2)
        #expect(limited.train.count == 7 && limited.train.images.pixels.count == 7 * 64)
        #expect(Array(limited.train.images.pixels) == Array(train.images.pixels.prefix(7 * 64)))
    }

    @Test("a missing file names `make data`")
    func missing() throws {
        let dir = try TestData.makeRunDirectory()
        defer { TestData.remove(dir) }
        #expect(throws: TrainerError.missingFile(path: dir + "/train-images-idx3-ubyte")) {
            try Dataset.load(directory: dir)
        }
        let message = TrainerError.missingFile(path: "data/mnist/train-images-idx3-ubyte").description
        #expect(
            message
                == "error: data file 'data/mnist/train-images-idx3-ubyte' not found (also tried 'data/mnist/train-images-idx3-ubyte.gz'); run `make data` to fetch MNIST and Fashion-MNIST"
        )
    }

    @Test("a wrong magic number")
    func wrongMagic() throws {
        let dir = try TestData.makeRunDirectory()
        defer { TestData.remove(dir) }
        let path = dir + "/labels"
        try IDXFile.write(IDXFile.encode(labels: [1, 2, 3]), to: path, gzip: false)
        do {
            _ = try IDXFile.readImages(path)
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description
                    == "error: '\(path)' is not an IDX file of this kind: magic number 0x00000801, expected 0x00000803")
        }
    }

    @Test("a truncated file")
    func truncated() throws {
        let dir = try TestData.makeRunDirectory()
        defer { TestData.remove(dir) }
        let path = dir + "/images.gz"
        let bytes = IDXFile.encode(
            IDXFile.Images(count: 3, rows: 2, columns: 2, pixels: Array(repeating: 7, count: 12)))
        try IDXFile.write(Array(bytes.dropLast(5)), to: path, gzip: true)
        do {
            _ = try IDXFile.readImages(path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "error: '\(path)' is truncated: expected 28 bytes, found 23")
        }
        let short = dir + "/short"
        try IDXFile.write([0, 0, 8], to: short, gzip: false)
        #expect(throws: TrainerError.truncated(path: short, expectedBytes: 8, foundBytes: 3)) {
            try IDXFile.readLabels(short)
        }
    }

    @Test("images and labels that disagree on the count")
    func countMismatch() throws {
        let dir = try TestData.makeRunDirectory()
        defer { TestData.remove(dir) }
        let images = dir + "/i", labels = dir + "/l"
        try IDXFile.write(
            IDXFile.encode(IDXFile.Images(count: 2, rows: 1, columns: 1, pixels: [1, 2])), to: images, gzip: false)
        try IDXFile.write(IDXFile.encode(labels: [1, 2, 3]), to: labels, gzip: false)
        do {
            _ = try Dataset.load(images: images, labels: labels)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "error: '\(images)' holds 2 images but '\(labels)' holds 3 labels")
        }
    }

    @Test("a corrupt gzip stream")
    func corrupt() throws {
        let dir = try TestData.makeRunDirectory()
        defer { TestData.remove(dir) }
        let path = dir + "/bad.gz"
        var gz = [UInt8](repeating: 0, count: 0)
        gz += [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3] + Array(repeating: 0xFF, count: 40)
        try IDXFile.write(gz, to: path, gzip: false)
        #expect(throws: TrainerError.self) { try IDXFile.readLabels(path) }
    }

    @Test("a header whose sizes overflow, or far exceed the file, is a truncated file, not a trap")
    func absurdHeader() throws {
        let dir = try TestData.makeRunDirectory()
        defer { TestData.remove(dir) }
        let huge = dir + "/huge"
        try IDXFile.write([0, 0, 8, 3] + Array(repeating: 0xFF, count: 12) + [1, 2, 3, 4], to: huge, gzip: false)
        #expect(throws: TrainerError.truncated(path: huge, expectedBytes: Int.max, foundBytes: 20)) {
            try IDXFile.readImages(huge)
        }
        let billion = dir + "/billion.gz"
        try IDXFile.write([0, 0, 8, 1, 0x3B, 0x9A, 0xCA, 0x00, 9, 9], to: billion, gzip: true)
        #expect(throws: TrainerError.truncated(path: billion, expectedBytes: 1_000_000_008, foundBytes: 10)) {
            try IDXFile.readLabels(billion)
        }
    }

    @Test("a gzip file of several members reads whole (its trailer gives only the last member's size)")
    func multiMember() throws {
        let dir = try TestData.makeRunDirectory()
        defer { TestData.remove(dir) }
        let labels = (0..<3000).map { UInt8($0 % 10) }
        let bytes = IDXFile.encode(labels: labels)
        try IDXFile.write(Array(bytes.prefix(2500)), to: dir + "/a.gz", gzip: true)
        try IDXFile.write(Array(bytes.dropFirst(2500)), to: dir + "/b.gz", gzip: true)
        let joined =
            try Data(contentsOf: URL(fileURLWithPath: dir + "/a.gz"))
            + Data(contentsOf: URL(fileURLWithPath: dir + "/b.gz"))
        try joined.write(to: URL(fileURLWithPath: dir + "/labels.gz"))
        #expect(try IDXFile.readLabels(dir + "/labels.gz") == labels)
    }
}
