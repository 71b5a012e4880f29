/// Run-directory names: `NNNN_k=v,k=v`, readable and safe to use in a path and a shell.
public enum RunDirName {
    /// The longest name, in bytes; longer names are cut and end with a hash of the full name.
    public static let maximumLength = 96

    /// The name of cell `index` of a plan of `count` cells whose varying overrides are `lines`.
    ///
    /// The index is zero-padded to at least four digits (more for larger plans). Only ASCII
    /// letters, digits and `. _ - = , + @ %` are kept; every other character (`/`, spaces,
    /// quotes, brackets, `*`, `$`, `;`, `~`, control and non-ASCII characters) becomes `_`, and
    /// `..` becomes `._`, so that the name is one path component with no traversal, and it
    /// can be pasted into a shell unquoted.
    public static func name(index: Int, count: Int, lines: [String]) -> String {
        let width = max(4, String(max(0, count - 1)).count)
        let digits = String(index)
        let number = String(repeating: "0", count: max(0, width - digits.count)) + digits
        if lines.isEmpty { return number }
        let full = lines.map(displayed).joined(separator: ",")
        var safe = sanitized(full)
        let prefix = number + "_"
        if prefix.utf8.count + safe.utf8.count > maximumLength {
            let hash = String(SHA256.hex(full).prefix(8))
            let keep = maximumLength - prefix.utf8.count - hash.utf8.count - 1
            safe = String(safe.prefix(max(0, keep)))
            while safe.hasSuffix(".") { safe.removeLast() }
            safe += "-" + hash
        }
        return prefix + safe
    }

    /// An override line as shown in a name: without the `+`/`++` prefix.
    static func displayed(_ line: String) -> String {
        var text = Substring(line)
        while text.hasPrefix("+") { text = text.dropFirst() }
        return String(text)
    }

    /// The text with unsafe characters replaced by `_` and no `..`.
    static func sanitized(_ text: String) -> String {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let safe =
                (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
                || ".-_=,+@%".unicodeScalars.contains(scalar)
            let byte = safe ? UInt8(v) : UInt8(ascii: "_")
            if byte == UInt8(ascii: "."), bytes.last == UInt8(ascii: ".") {
                bytes.append(UInt8(ascii: "_"))
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
