internal import Foundation

/// Appends JSON lines to `metrics.jsonl` (one object per call, keys in the given order).
final class MetricsLog {
    /// A JSON number (or null for non-finite doubles).
    enum Value {
        case int(Int)
        case double(Double)

        var json: String {
            switch self {
            case .int(let v): return String(v)
            case .double(let v): return v.isFinite ? "\(v)" : "null"
            }
        }
    }

    let path: String
    private let handle: FileHandle
    /// The last value written under each key.
    private(set) var last: [String: Value] = [:]
    /// Keys in first-written order.
    private(set) var order: [String] = []

    init(path: String) throws(TrainerError) {
        self.path = path
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw .io(path: path, message: "cannot create")
            }
        }
        guard let h = FileHandle(forWritingAtPath: path) else {
            throw .io(path: path, message: "cannot open for writing")
        }
        handle = h
        handle.seekToEndOfFile()
    }

    deinit { try? handle.close() }

    /// Writes one line.
    func write(_ fields: [(String, Value)]) throws(TrainerError) {
        let body = fields.map { "\(Self.quote($0.0)): \($0.1.json)" }.joined(separator: ", ")
        for (k, v) in fields {
            if last[k] == nil { order.append(k) }
            last[k] = v
        }
        do {
            try handle.write(contentsOf: Data(("{" + body + "}\n").utf8))
        } catch {
            throw .io(path: path, message: "cannot write: \(error.localizedDescription)")
        }
    }

    /// The last value of every key as one JSON object (summary.json).
    func summaryJSON(extra: [(String, Value)]) -> String {
        var fields = order.compactMap { k in last[k].map { (k, $0) } }
        for (k, v) in extra {
            if let i = fields.firstIndex(where: { $0.0 == k }) { fields[i].1 = v } else { fields.append((k, v)) }
        }
        return "{\n" + fields.map { "  \(Self.quote($0.0)): \($0.1.json)" }.joined(separator: ",\n") + "\n}\n"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if c.value < 0x20 {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}

extension MetricsLog.Value: Equatable {}
