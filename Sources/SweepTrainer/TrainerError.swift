public import SweepYAML

/// Why the trainer stopped: each case prints as one line (`error: …`).
public enum TrainerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A data file is absent.
    case missingFile(path: String)
    /// A file does not start with the expected IDX magic number.
    case wrongMagic(path: String, expected: UInt32, found: UInt32)
    /// A file ends before its header says it should.
    case truncated(path: String, expectedBytes: Int, foundBytes: Int)
    /// An IDX file's dimensions are not what the trainer expects.
    case badShape(path: String, message: String)
    /// Images and labels disagree on the number of items.
    case countMismatch(images: String, imageCount: Int, labels: String, labelCount: Int)
    /// A label is not below the number of classes the model has.
    case labelOutOfRange(path: String, label: Int, classes: Int)
    /// A file could not be read or written.
    case io(path: String, message: String)
    /// A config value is out of range.
    case invalidConfig(key: String, message: String)
    /// The data and the model disagree (e.g. image size vs input width).
    case mismatch(message: String)
    /// Training produced a NaN or infinite loss.
    case diverged(step: Int)

    /// The one-line message, without the `error: ` prefix.
    public var message: String {
        switch self {
        case .missingFile(let path):
            return
                "data file '\(path)' not found (also tried '\(path).gz'); run `make data` to fetch MNIST and Fashion-MNIST"
        case .wrongMagic(let path, let expected, let found):
            return
                "'\(path)' is not an IDX file of this kind: magic number \(Self.hex(found)), expected \(Self.hex(expected))"
        case .truncated(let path, let expected, let found):
            return "'\(path)' is truncated: expected \(expected) bytes, found \(found)"
        case .badShape(let path, let message):
            return "'\(path)': \(message)"
        case .countMismatch(let images, let imageCount, let labels, let labelCount):
            return "'\(images)' holds \(imageCount) images but '\(labels)' holds \(labelCount) labels"
        case .labelOutOfRange(let path, let label, let classes):
            return "'\(path)' has label \(label), but the model has \(classes) classes"
        case .io(let path, let message):
            return "'\(path)': \(message)"
        case .invalidConfig(let key, let message):
            return "\(key): \(message)"
        case .mismatch(let message):
            return message
        case .diverged(let step):
            return "training diverged: the loss is not finite at step \(step) (try a smaller lr)"
        }
    }

    /// The diagnostic to print.
    public var diagnostic: Diagnostic { Diagnostic(message) }

    /// `error: <message>`.
    public var description: String { diagnostic.description }

    private static func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - s.count)) + s
    }
}
