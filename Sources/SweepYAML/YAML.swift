/// The YAML layer: parses text into `Node` trees and emits them back, over the system libyaml.
public enum YAML {
    /// Parses one YAML document from text; `file` names it in marks. An empty document gives nil.
    public static func parse(_ text: String, file: String) throws(YAMLError) -> Node? {
        try Parser.parse(SourceText(bytes: Array(text.utf8), file: file))
    }

    /// Reads and parses a file (rejects non-UTF-8 or binary content with a clear error).
    public static func parse(contentsOf path: String) throws(YAMLError) -> Node? {
        let source = try SourceText.load(path)
        try source.validate()
        return try Parser.parse(source)
    }

    /// Reads and parses a file into `builder` (see `YAMLTreeBuilder`); false for an empty document.
    public static func parse(contentsOf path: String, into builder: some YAMLTreeBuilder) throws(YAMLError) -> Bool {
        let source = try SourceText.load(path)
        try source.validate()
        return try Parser.parse(source, into: builder)
    }

    /// Parses text into `builder` (see `YAMLTreeBuilder`); false for an empty document.
    public static func parse(_ text: String, file: String, into builder: some YAMLTreeBuilder) throws(YAMLError) -> Bool
    {
        try Parser.parse(SourceText(bytes: Array(text.utf8), file: file), into: builder)
    }

    /// Emits a node as YAML text (block style) through libyaml's emitter.
    public static func emit(_ node: Node) throws(YAMLError) -> String {
        try Emitter.emit(node)
    }
}
