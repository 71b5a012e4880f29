internal import CYAML

extension YAML {
    /// Drives libyaml's event parser and builds the node tree (anchors, aliases, merge keys,
    /// duplicate-key checks). Owns the libyaml parser and the input copy; frees both in `deinit`.
    /// A non-copyable struct rather than a class, so that its state needs no dynamic exclusivity checks.
    struct Parser: ~Copyable {
        /// Aliases may expand to at most this many nodes (guards against "billion laughs").
        static let maxExpandedNodes = 10_000_000

        let source: SourceText
        /// The source's file in `Mark.Files` (looked up once, not per mark).
        let fileNumber: UInt32
        let parser: UnsafeMutablePointer<yaml_parser_t>
        /// One byte for libyaml to read for an empty source (it needs a non-null pointer).
        let empty: UnsafeMutablePointer<UInt8>
        var initialized = false
        /// Where the events come from (libyaml on a second thread for a large input).
        var stream: EventStream?
        /// Whether libyaml runs on a second thread.
        let mode: EventStream.Mode

        /// What the parser keeps of a finished node: enough to check merge keys and report errors.
        struct Item {
            enum Shape {
                case scalar(Node.Scalar, tag: String?)
                /// A sequence; its items are kept only where a merge key may need them.
                case sequence([Item]?)
                case mapping
            }
            var shape: Shape
            var mark: Mark
        }

        /// A mapping key waiting for its value.
        struct Key {
            var id: KeyIdentity
            var text: String
            var mark: Mark
            var isScalar: Bool
            var isMerge: Bool
        }

        /// A collection being built.
        struct Frame {
            var isMapping: Bool
            var tag: String?
            var anchor: String?
            var mark: Mark
            /// The items of a sequence that may become a merge source (anchored, or a `<<` value).
            var items: [Item]?
            var pendingKey: Key?
            /// Where this mapping's scalar keys start in the parser's `keys`.
            var keyBase: Int
            /// Positions in `keys` by identity, once the mapping has more than `Parser.shortMapping` scalar keys.
            var keyIndex: [KeyIdentity: Int] = [:]
            var size = 1
            /// The height of the tallest child (0 while there are only scalars).
            var height = 0
        }

        /// The earlier key of the open mapping `frame` with this identity, if any.
        func firstKey(_ id: KeyIdentity, in frame: Int) -> (text: String, mark: Mark)? {
            let base = stack[frame].keyBase
            if keys.count - base <= Parser.shortMapping {
                guard let at = keys[base...].firstIndex(where: { $0.id == id }) else { return nil }
                return (keys[at].text, keys[at].mark)
            }
            guard let at = stack[frame].keyIndex[id] else { return nil }
            return (keys[at].text, keys[at].mark)
        }

        /// Records a scalar key of the open mapping `frame` (the top of the stack).
        mutating func insertKey(_ key: Key, in frame: Int) {
            keys.append((key.id, key.text, key.mark))
            let base = stack[frame].keyBase
            let count = keys.count - base
            if count == Parser.shortMapping + 1 {
                for position in base..<keys.count { stack[frame].keyIndex[keys[position].id] = position }
            } else if count > Parser.shortMapping + 1 {
                stack[frame].keyIndex[key.id] = keys.count - 1
            }
        }

        /// Collections may nest at most this deep (deeper trees would overflow the stack of the
        /// recursive code that walks or frees them).
        static let maxDepth = 256

        func tooDeep(at mark: Mark) -> YAMLError {
            YAMLError(
                source.diagnostic(
                    "lists and mappings nest more than \(Self.maxDepth) levels deep here", at: mark,
                    notes: ["help: a config this deep is almost certainly a mistake (or an alias that contains itself)"]
                ))
        }

        /// Mappings with up to this many scalar keys look keys up by a linear scan.
        static let shortMapping = 16

        struct Anchored {
            var item: Item
            var number: Int
            var size: Int
            /// How many collection levels the node holds (0 for a scalar).
            var height: Int
        }

        let builder: any YAMLTreeBuilder
        var stack: [Frame] = []
        /// The scalar keys of every open mapping, innermost last (one array for all, so that a
        /// mapping costs no allocation of its own for its duplicate-key check).
        var keys: [(id: KeyIdentity, text: String, mark: Mark)] = []
        var anchors: [String: Anchored] = [:]
        var anchorMarks: [String: Mark] = [:]
        var expanded = 0
        var hasRoot = false

        init(_ source: SourceText, builder: any YAMLTreeBuilder, mode: EventStream.Mode = .automatic) {
            self.source = source
            self.mode = mode
            fileNumber = Mark.Files.number(of: source.file)
            self.builder = builder
            parser = .allocate(capacity: 1)
            empty = .allocate(capacity: 1)
            empty.initialize(to: 0)
        }

        deinit {
            // The producer thread (if any) must stop before its parser goes.
            stream?.close()
            if initialized { yaml_parser_delete(parser) }
            parser.deallocate()
            empty.deallocate()
        }

        /// Parses `source` into `builder`; false when the document is empty.
        static func parse(
            _ source: SourceText, into builder: any YAMLTreeBuilder, mode: EventStream.Mode = .automatic
        ) throws(YAMLError) -> Bool {
            var parser = Parser(source, builder: builder, mode: mode)
            return try parser.run()
        }

        /// Parses `source` into a `Node` tree; nil when the document is empty.
        static func parse(_ source: SourceText, mode: EventStream.Mode = .automatic) throws(YAMLError) -> Node? {
            let builder = NodeBuilder()
            return try parse(source, into: builder, mode: mode) ? builder.root : nil
        }

        func mark(_ m: yaml_mark_t) -> Mark {
            Mark(fileNumber: fileNumber, line: Int(m.line) + 1, column: Int(m.column) + 1)
        }

        static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            guard let p else { return nil }
            return String(cString: UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
        }

        /// True when the next finished node is a key of the open mapping.
        var expectsKey: Bool {
            // Index, not `stack.last`: that would copy the whole frame.
            let top = stack.count - 1
            return top >= 0 && stack[top].isMapping && stack[top].pendingKey == nil
        }

        mutating func run() throws(YAMLError) -> Bool {
            guard yaml_parser_initialize(parser) == 1 else {
                throw YAMLError(Diagnostic("libyaml could not allocate a parser"))
            }
            initialized = true
            // libyaml reads the source's bytes in place, on its own thread for a large input: it
            // has stopped reading them when this closure returns (the stream is closed).
            let bytes = source.bytes
            return try bytes.withUnsafeBufferPointer { (buffer) throws(YAMLError) -> Bool in
                defer { stream?.close() }
                yaml_parser_set_input_string(
                    parser, buffer.count > 0 ? buffer.baseAddress : UnsafePointer(empty), buffer.count)
                return try readEvents(count: buffer.count)
            }
        }

        /// Builds the tree from libyaml's events, once the parser has its input.
        mutating func readEvents(count: Int) throws(YAMLError) -> Bool {
            // No explicit encoding: libyaml then skips a leading BOM without counting it as a column.
            let events = EventStream(parser: parser, size: count, mode: mode)
            stream = events
            var documents = 0
            while true {
                guard let pointer = events.next() else {
                    events.close()
                    throw YAMLError(ErrorTranslator(source: source, parser: parser.pointee).diagnostic())
                }
                let event = pointer.pointee
                let start = mark(event.start_mark)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return hasRoot
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 {
                        throw YAMLError(
                            source.diagnostic(
                                "more than one YAML document in this file; a config file holds exactly one",
                                at: start,
                                notes: ["help: remove this '---' line and what follows, or split it into its own file"])
                        )
                    }
                case YAML_SCALAR_EVENT:
                    let s = event.data.scalar
                    let text: String
                    if let value = s.value, s.length > 0 {
                        text = String(decoding: UnsafeBufferPointer(start: value, count: s.length), as: UTF8.self)
                    } else {
                        text = ""
                    }
                    let style: Node.Scalar.Style
                    switch s.style {
                    case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
                    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
                    case YAML_LITERAL_SCALAR_STYLE: style = .literal
                    case YAML_FOLDED_SCALAR_STYLE: style = .folded
                    default: style = .plain
                    }
                    let scalar = Node.Scalar(text, style: style)
                    let tag = Self.string(s.tag)
                    if tag != nil { try checkTag(scalar, tag: tag, at: start) }
                    builder.scalar(scalar, tag: tag, mark: start, isKey: expectsKey)
                    let item = Item(shape: .scalar(scalar, tag: tag), mark: start)
                    if let anchor = Self.string(s.anchor) { try define(anchor, item, size: 1, height: 0) }
                    try add(item, size: 1)
                case YAML_ALIAS_EVENT:
                    let name = Self.string(event.data.alias.anchor) ?? ""
                    guard let anchored = anchors[name] else {
                        if stack.contains(where: { $0.anchor == name }) {
                            throw YAMLError(
                                source.diagnostic(
                                    "alias '*\(name)' refers to a node that contains it (a recursive alias)", at: start)
                            )
                        }
                        throw YAMLError(
                            source.diagnostic(
                                "undefined alias '*\(name)'", at: start,
                                notes: ["help: define the anchor first, with '&\(name)' before the node to reuse"]))
                    }
                    if stack.count + anchored.height > Self.maxDepth { throw tooDeep(at: start) }
                    builder.pushAnchor(anchored.number)
                    try add(anchored.item, size: anchored.size, height: anchored.height, at: start)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let tag = Self.string(isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag)
                    let anchor = Self.string(
                        isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                    if stack.count >= Self.maxDepth { throw tooDeep(at: start) }
                    if let anchor { try checkDuplicateAnchor(anchor, at: start) }
                    let mergeValue = !stack.isEmpty && stack[stack.count - 1].pendingKey?.isMerge == true
                    let tracked = !isMapping && (anchor != nil || mergeValue)
                    stack.append(
                        Frame(
                            isMapping: isMapping, tag: tag, anchor: anchor, mark: start, items: tracked ? [] : nil,
                            keyBase: keys.count))
                    builder.beginCollection()
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let frame = stack.popLast() else { break }
                    keys.removeSubrange(frame.keyBase...)
                    let item: Item
                    if frame.isMapping {
                        builder.endMapping(tag: frame.tag, mark: frame.mark)
                        item = Item(shape: .mapping, mark: frame.mark)
                    } else {
                        builder.endSequence(tag: frame.tag, mark: frame.mark)
                        item = Item(shape: .sequence(frame.items), mark: frame.mark)
                    }
                    if let anchor = frame.anchor {
                        save(anchor, item, size: frame.size, height: frame.height + 1)
                    }
                    try add(item, size: frame.size, height: frame.height + 1, counted: true)
                default:
                    break
                }
            }
        }

        mutating func checkDuplicateAnchor(_ name: String, at mark: Mark) throws(YAMLError) {
            if let first = anchorMarks[name] {
                throw YAMLError(
                    source.diagnostic(
                        "duplicate anchor '&\(name)'", at: mark,
                        notes: source.note("the anchor '&\(name)' was first defined", at: first)
                            + ["help: give each anchor a different name"]))
            }
            anchorMarks[name] = mark
        }

        /// Saves the builder's last node under an anchor (a collection's name was checked at its start).
        mutating func save(_ name: String, _ item: Item, size: Int, height: Int) {
            let number = anchors.count
            builder.saveAnchor(number)
            anchors[name] = Anchored(item: item, number: number, size: size, height: height)
        }

        /// Checks a scalar's name, then saves it under its anchor.
        mutating func define(_ name: String, _ item: Item, size: Int, height: Int) throws(YAMLError) {
            try checkDuplicateAnchor(name, at: item.mark)
            save(name, item, size: size, height: height)
        }

        /// Rejects explicit standard tags whose text the loader could not construct (`!!int abc`).
        func checkTag(_ scalar: Node.Scalar, tag: String?, at mark: Mark) throws(YAMLError) {
            guard let tag, tag.hasPrefix(ScalarResolver.yamlTag) else { return }
            let name = String(tag.dropFirst(ScalarResolver.yamlTag.count))
            guard ["int", "float", "bool"].contains(name) else { return }
            if ScalarResolver.value(of: scalar, tag: tag) == nil {
                let what =
                    name == "int"
                    ? "an integer (or it does not fit in 64 bits)"
                    : name == "float" ? "a number" : "a boolean (true/false, yes/no, on/off)"
                throw YAMLError(
                    source.diagnostic(
                        "'\(Self.oneLine(scalar.text))' is not \(what), as its tag '!!\(name)' requires", at: mark))
            }
        }

        /// Adds a finished node to the open collection (or makes it the document root).
        mutating func add(
            _ item: Item, size: Int, height: Int = 0, counted: Bool = false, at place: Mark? = nil
        ) throws(YAMLError) {
            if !counted {
                expanded += size
                if expanded > Self.maxExpandedNodes {
                    throw YAMLError(
                        source.diagnostic(
                            "aliases expand this document to more than \(Self.maxExpandedNodes) nodes",
                            at: place ?? item.mark,
                            notes: ["help: this looks like an alias bomb; reuse fewer nested aliases"]))
                }
            }
            guard !stack.isEmpty else {
                // An empty plain scalar at the root (a file of comments, a bare '---') is no document.
                if case .scalar(let s, let tag) = item.shape, s.text.isEmpty, s.style == .plain, tag == nil {
                    builder.dropLast()
                    hasRoot = false
                } else {
                    hasRoot = true
                }
                return
            }
            let top = stack.count - 1
            stack[top].size += size
            if height > stack[top].height { stack[top].height = height }
            if !stack[top].isMapping {
                stack[top].items?.append(item)
                return
            }
            guard let key = stack[top].pendingKey else {
                let key = self.key(item)
                if key.isMerge { builder.dropLast() }
                stack[top].pendingKey = key
                return
            }
            stack[top].pendingKey = nil
            if key.isMerge {
                try checkMerge(item)
                builder.mergeLast()
            } else if key.isScalar {
                if let first = firstKey(key.id, in: top) {
                    throw YAMLError(
                        source.diagnostic(
                            "duplicate key '\(key.text)' in this mapping", at: key.mark,
                            notes: source.note("'\(first.text)' was first defined", at: first.mark)
                                + ["help: remove one of the two, or rename it"]))
                }
                insertKey(key, in: top)
            }
        }

        /// A finished node in key position: its identity (scalars compare by resolved value) and text.
        func key(_ item: Item) -> Key {
            guard case .scalar(let scalar, let tag) = item.shape else {
                let text = builder.describeLast()
                return Key(id: .other(text), text: text, mark: item.mark, isScalar: false, isMerge: false)
            }
            let value = ScalarResolver.value(of: scalar, tag: tag) ?? .string(scalar.text)
            return Key(
                id: .value(value), text: scalar.text, mark: item.mark, isScalar: true,
                isMerge: Self.isMergeKey(scalar, tag: tag))
        }

        static func isMergeKey(_ s: Node.Scalar, tag: String?) -> Bool {
            switch tag {
            case nil: return s.style == .plain && s.text == "<<"
            case "!": return s.text == "<<"
            case ScalarResolver.yamlTag + "merge": return true
            default: return false
            }
        }

        /// Checks the value of a merge key: a mapping or a sequence of mappings.
        func checkMerge(_ value: Item) throws(YAMLError) {
            switch value.shape {
            case .mapping:
                return
            case .sequence(let items):
                for item in items ?? [] {
                    guard case .mapping = item.shape else {
                        throw YAMLError(
                            source.diagnostic(
                                "a merge key '<<' list may hold only mappings, found \(Self.kind(item))", at: item.mark)
                        )
                    }
                }
            case .scalar:
                throw YAMLError(
                    source.diagnostic(
                        "the merge key '<<' needs a mapping or a list of mappings, found \(Self.kind(value))",
                        at: value.mark,
                        notes: ["help: write '<<: *name' with an anchored mapping, or '<<: [*a, *b]'"]))
            }
        }

        /// A scalar's text for a one-line message: line breaks and tabs shown as escapes.
        static func oneLine(_ text: String) -> String {
            text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
                .replacingOccurrences(of: "\t", with: "\\t")
        }

        static func kind(_ item: Item) -> String {
            switch item.shape {
            case .scalar(let s, _): return "the scalar '\(oneLine(s.text))'"
            case .sequence: return "a sequence"
            case .mapping: return "a mapping"
            }
        }
    }

    /// A mapping key's identity for duplicate detection and merging: scalars compare by resolved value.
    enum KeyIdentity: Hashable {
        case value(Node.Value)
        case other(String)
    }
}
