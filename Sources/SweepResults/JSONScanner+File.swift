extension JSONScanner {
    /// The JSON document in the file at `path`, or nil when it is missing or not JSON.
    static func parseFile(_ path: String) -> JSONValue? {
        guard let bytes = FileSystem.read(path) else { return nil }
        return try? bytes.withUnsafeBufferPointer { buffer throws(Failure) in
            var scanner = JSONScanner(buffer, start: 0, end: buffer.count - 1)
            return try scanner.parseDocument()
        }
    }
}
