internal import CYAML

extension YAML {
    /// Drives libyaml's event parser and builds the node tree (anchors, aliases, merge keys,
    /// duplicate-key checks). Owns the libyaml parser and the input copy; frees both in `deinit`.
    /// A non-copyable struct rather than a class, so that its state needs no dynamic exclusivity checks.
    struct Parser: ~Copyable {
        /// Aliases may expand to at most this many nodes (guards against "billion laughs").
        static let maxExpandedNodes = 10_000_000

        let source: SourceText
        let parser: UnsafeMutablePointer<yaml_parser_t>
        let input: UnsafeMutableBufferPointer<UInt8>
        var initialized = false

        /// A collection being built.
        struct Frame {
            var isMapping: Bool
            var tag: String?
            var anchor: String?
            var mark: Mark
            var items: [Node] = []
            var pairs: [Node.Pair] = []
            var pendingKey: Node?
            var merges: [Node] = []
            /// The identity of each scalar key and its index in `pairs`, scanned while short.
            var keyList: [(id: KeyIdentity, index: Int)] = []
            /// The same, hashed, once the mapping has more than `Parser.shortMapping` scalar keys.
            var keyIndex: [KeyIdentity: Int] = [:]
            var size = 1
            /// The height of the tallest child (0 while there are only scalars).
            var height = 0

            /// The index of the pair whose key has this identity, if any.
            func firstIndex(of id: KeyIdentity) -> Int? {
                if keyList.count <= Parser.shortMapping {
                    return keyList.first { $0.id == id }?.index
                }
                return keyIndex[id]
            }

            /// Records a key's identity and index.
            mutating func insert(_ id: KeyIdentity, at index: Int) {
                keyList.append((id, index))
                if keyList.count == Parser.shortMapping + 1 {
                    for entry in keyList { keyIndex[entry.id] = entry.index }
                } else if keyList.count > Parser.shortMapping + 1 {
                    keyIndex[id] = index
                }
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
            var node: Node
            var size: Int
            /// How many collection levels the node holds (0 for a scalar).
            var height: Int
        }

        var stack: [Frame] = []
        var anchors: [String: Anchored] = [:]
        var anchorMarks: [String: Mark] = [:]
        var expanded = 0
        var root: Node?
        var rootSize = 0

        init(_ source: SourceText) {
            self.source = source
            parser = .allocate(capacity: 1)
            input = .allocate(capacity: max(1, source.bytes.count))
            _ = input.initialize(from: source.bytes)
        }

        deinit {
            if initialized { yaml_parser_delete(parser) }
            parser.deallocate()
            input.deallocate()
        }

        static func parse(_ source: SourceText) throws(YAMLError) -> Node? {
            var parser = Parser(source)
            return try parser.run()
        }

        func mark(_ m: yaml_mark_t) -> Mark {
            Mark(file: source.file, line: Int(m.line) + 1, column: Int(m.column) + 1)
        }

        static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            guard let p else { return nil }
            return String(cString: UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
        }

        mutating func run() throws(YAMLError) -> Node? {
            guard yaml_parser_initialize(parser) == 1 else {
                throw YAMLError(Diagnostic("libyaml could not allocate a parser"))
            }
            initialized = true
            yaml_parser_set_input_string(parser, input.baseAddress, source.bytes.count)
            // No explicit encoding: libyaml then skips a leading BOM without counting it as a column.
            var documents = 0
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(parser, &event) == 1 else {
                    throw YAMLError(ErrorTranslator(source: source, parser: parser.pointee).diagnostic())
                }
                defer { yaml_event_delete(&event) }
                let start = mark(event.start_mark)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return root
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
                    let node = Node(.scalar(Node.Scalar(text, style: style)), tag: Self.string(s.tag), mark: start)
                    try checkTag(node)
                    if let anchor = Self.string(s.anchor) { try define(anchor, node, size: 1, at: start) }
                    try add(node, size: 1)
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
                    try add(anchored.node, size: anchored.size, height: anchored.height, at: start)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let tag = Self.string(isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag)
                    let anchor = Self.string(
                        isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                    if stack.count >= Self.maxDepth { throw tooDeep(at: start) }
                    if let anchor { try checkDuplicateAnchor(anchor, at: start) }
                    stack.append(Frame(isMapping: isMapping, tag: tag, anchor: anchor, mark: start))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let frame = stack.popLast() else { break }
                    let node: Node
                    if frame.isMapping {
                        node = Node(.mapping(try mergedPairs(frame)), tag: frame.tag, mark: frame.mark)
                    } else {
                        node = Node(.sequence(frame.items), tag: frame.tag, mark: frame.mark)
                    }
                    if let anchor = frame.anchor {
                        anchors[anchor] = Anchored(node: node, size: frame.size, height: frame.height + 1)
                    }
                    try add(node, size: frame.size, height: frame.height + 1, counted: true)
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

        mutating func define(_ name: String, _ node: Node, size: Int, at mark: Mark) throws(YAMLError) {
            try checkDuplicateAnchor(name, at: mark)
            anchors[name] = Anchored(node: node, size: size, height: 0)
        }

        /// Rejects explicit standard tags whose text the loader could not construct (`!!int abc`).
        func checkTag(_ node: Node) throws(YAMLError) {
            guard let tag = node.tag, tag.hasPrefix(ScalarResolver.yamlTag), case .scalar(let s) = node.content else {
                return
            }
            let name = String(tag.dropFirst(ScalarResolver.yamlTag.count))
            guard ["int", "float", "bool"].contains(name) else { return }
            if ScalarResolver.value(of: s, tag: tag) == nil {
                let what =
                    name == "int"
                    ? "an integer (or it does not fit in 64 bits)"
                    : name == "float" ? "a number" : "a boolean (true/false, yes/no, on/off)"
                throw YAMLError(
                    source.diagnostic(
                        "'\(Self.oneLine(s.text))' is not \(what), as its tag '!!\(name)' requires", at: node.mark))
            }
        }

        /// Adds a finished node to the open collection (or makes it the document root).
        mutating func add(
            _ node: Node, size: Int, height: Int = 0, counted: Bool = false, at place: Mark? = nil
        ) throws(YAMLError) {
            if !counted {
                expanded += size
                if expanded > Self.maxExpandedNodes {
                    throw YAMLError(
                        source.diagnostic(
                            "aliases expand this document to more than \(Self.maxExpandedNodes) nodes",
                            at: place ?? node.mark,
                            notes: ["help: this looks like an alias bomb; reuse fewer nested aliases"]))
                }
            }
            guard !stack.isEmpty else {
                // An empty plain scalar at the root (a file of comments, a bare '---') is no document.
                if case .scalar(let s) = node.content, s.text.isEmpty, s.style == .plain, node.tag == nil {
                    root = nil
                } else {
                    root = node
                }
                return
            }
            let top = stack.count - 1
            stack[top].size += size
            if height > stack[top].height { stack[top].height = height }
            if !stack[top].isMapping {
                stack[top].items.append(node)
                return
            }
            guard let key = stack[top].pendingKey else {
                stack[top].pendingKey = node
                return
            }
            stack[top].pendingKey = nil
            if isMergeKey(key) {
                try addMerge(node, into: top)
            } else {
                if case .scalar = key.content {
                    let id = Self.identity(key)
                    if let first = stack[top].firstIndex(of: id) {
                        throw duplicate(key, first: stack[top].pairs[first].key)
                    }
                    stack[top].insert(id, at: stack[top].pairs.count)
                }
                stack[top].pairs.append(Node.Pair(key: key, value: node))
            }
        }

        func isMergeKey(_ key: Node) -> Bool {
            guard case .scalar(let s) = key.content else { return false }
            switch key.tag {
            case nil: return s.style == .plain && s.text == "<<"
            case "!": return s.text == "<<"
            case ScalarResolver.yamlTag + "merge": return true
            default: return false
            }
        }

        mutating func addMerge(_ value: Node, into top: Int) throws(YAMLError) {
            switch value.content {
            case .mapping:
                stack[top].merges.append(value)
            case .sequence(let items):
                for item in items {
                    guard case .mapping = item.content else {
                        throw YAMLError(
                            source.diagnostic(
                                "a merge key '<<' list may hold only mappings, found \(Self.kind(item))", at: item.mark)
                        )
                    }
                }
                stack[top].merges.append(contentsOf: items)
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

        static func kind(_ node: Node) -> String {
            switch node.content {
            case .scalar(let s): return "the scalar '\(oneLine(s.text))'"
            case .sequence: return "a sequence"
            case .mapping: return "a mapping"
            }
        }

        /// A mapping key's identity for duplicate detection: scalars compare by resolved value.
        enum KeyIdentity: Hashable {
            case value(Node.Value)
            case other(String)
        }

        static func identity(_ key: Node) -> KeyIdentity {
            switch key.content {
            case .scalar: return .value(key.value ?? .null)
            default: return .other(key.description)
            }
        }

        func duplicate(_ key: Node, first: Node) -> YAMLError {
            YAMLError(
                source.diagnostic(
                    "duplicate key '\(key.description)' in this mapping", at: key.mark,
                    notes: source.note("'\(first.description)' was first defined", at: first.mark)
                        + ["help: remove one of the two, or rename it"]))
        }

        /// The mapping's pairs after merge keys, as the YAML merge spec and PyYAML 6.0.4 order them:
        /// merged pairs first, in the order of the merge sources; among the sources the first one that
        /// has a key wins; then the explicit pairs, which override a merged value in its place.
        ///
        /// PyYAML 6.0.4 lets the *last* source win for keys longer than one character (it dedups by
        /// string identity: yaml/pyyaml#953); this follows the spec, as PyYAML 6.0.3 did.
        func mergedPairs(_ frame: Frame) throws(YAMLError) -> [Node.Pair] {
            guard !frame.merges.isEmpty else { return frame.pairs }
            var result: [Node.Pair] = []
            var index: [KeyIdentity: Int] = [:]
            for source in frame.merges {
                guard case .mapping(let pairs) = source.content else { continue }
                for pair in pairs {
                    let id = Self.identity(pair.key)
                    if index[id] == nil {
                        index[id] = result.count
                        result.append(pair)
                    }
                }
            }
            for pair in frame.pairs {
                let id = Self.identity(pair.key)
                if let at = index[id] {
                    result[at] = pair
                } else {
                    index[id] = result.count
                    result.append(pair)
                }
            }
            return result
        }
    }
}
