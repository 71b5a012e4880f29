import Foundation

/// Text written in pieces (a large tree's two halves, written on two threads), to be joined or
/// written out in order: the JSON and YAML writers share these.
extension [[UInt8]] {
    /// The pieces in one buffer, allocated once.
    var joinedBytes: [UInt8] {
        guard count > 1 else { return first ?? [] }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(reduce(0) { $0 + $1.count })
        for piece in self { bytes.append(contentsOf: piece) }
        return bytes
    }

    /// Writes the pieces to `handle` one after the other, never joined.
    func write(to handle: FileHandle) throws {
        for piece in self { try handle.write(contentsOf: piece) }
    }
}
