internal import CYAML

extension YAML {
    /// Writes one YAML document in block style through libyaml's emitter, event by event: a tree
    /// walker (of a `Node`, or of any other tree) calls `scalar`, `beginMapping`, `endMapping`, …
    /// in document order, then `finish` for the text. Key order, scalar styles and tags are kept;
    /// a style libyaml cannot write for a text (a plain scalar with leading spaces, `: ` or `#`, a
    /// single-quoted one with special characters) falls back to a quoted style, so the text always
    /// survives.
    public final class Emitter {
        private let emitter: UnsafeMutablePointer<yaml_emitter_t>
        private let output = Output()
        private var initialized = false

        /// The bytes libyaml writes, collected through the write handler.
        private final class Output {
            var bytes: [UInt8] = []
        }

        /// Starts a document.
        public init() throws(YAMLError) {
            emitter = .allocate(capacity: 1)
            guard yaml_emitter_initialize(emitter) == 1 else {
                throw YAMLError(Diagnostic("libyaml could not allocate an emitter"))
            }
            initialized = true
            yaml_emitter_set_unicode(emitter, 1)
            yaml_emitter_set_width(emitter, -1)
            yaml_emitter_set_indent(emitter, 2)
            let handler: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int) -> Int32 = {
                data, buffer, size in
                guard let data else { return 0 }
                let output = Unmanaged<Output>.fromOpaque(data).takeUnretainedValue()
                if let buffer, size > 0 {
                    output.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
                }
                return 1
            }
            // The emitter holds the output unretained; `self` keeps it alive as long as the emitter.
            yaml_emitter_set_output(emitter, handler, Unmanaged.passUnretained(output).toOpaque())
            var event = yaml_event_t()
            yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
            try emit(&event)
            yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
            try emit(&event)
        }

        deinit {
            if initialized { yaml_emitter_delete(emitter) }
            emitter.deallocate()
        }

        /// Ends the document and returns its UTF-8 text.
        public func finish() throws(YAMLError) -> [UInt8] {
            var event = yaml_event_t()
            yaml_document_end_event_initialize(&event, 1)
            try emit(&event)
            yaml_stream_end_event_initialize(&event)
            try emit(&event)
            guard yaml_emitter_flush(emitter) == 1 else { throw failure() }
            return output.bytes
        }

        /// A scalar; `isKey` for a mapping key (a plain `<<` key is quoted, or it would read back
        /// as a merge key).
        public func scalar(
            _ text: String, style: Node.Scalar.Style = .plain, tag: String? = nil, isKey: Bool = false
        ) throws(YAMLError) {
            var style = Self.style(style)
            if isKey, tag == nil, style == YAML_PLAIN_SCALAR_STYLE, text == "<<" {
                style = YAML_SINGLE_QUOTED_SCALAR_STYLE
            }
            let implicit: Int32 = tag == nil ? 1 : 0
            var text = text
            let ok = text.withUTF8 { utf8 -> Int32 in
                guard utf8.count < Int(Int32.max) else { return -1 }
                return Self.withOptionalCString(tag) { tagPointer in
                    var event = yaml_event_t()
                    // libyaml copies the text (and needs a pointer even for an empty one).
                    var empty: UInt8 = 0
                    let initialized = withUnsafePointer(to: &empty) { fallback in
                        yaml_scalar_event_initialize(
                            &event, nil, tagPointer, utf8.baseAddress ?? fallback, Int32(utf8.count), implicit,
                            implicit, style)
                    }
                    guard initialized == 1 else { return 0 }
                    return yaml_emitter_emit(emitter, &event)
                }
            }
            if ok == -1 {
                throw YAMLError(Diagnostic("cannot write YAML: a scalar of \(text.utf8.count) bytes is too long"))
            }
            guard ok == 1 else { throw failure() }
        }

        /// Starts a block sequence.
        public func beginSequence(tag: String? = nil) throws(YAMLError) {
            var event = yaml_event_t()
            let ok = Self.withOptionalCString(tag) { tagPointer in
                yaml_sequence_start_event_initialize(
                    &event, nil, tagPointer, tag == nil ? 1 : 0, YAML_BLOCK_SEQUENCE_STYLE)
            }
            guard ok == 1 else { throw failure() }
            try emit(&event)
        }

        /// Ends the sequence begun last.
        public func endSequence() throws(YAMLError) {
            var event = yaml_event_t()
            yaml_sequence_end_event_initialize(&event)
            try emit(&event)
        }

        /// Starts a block mapping; its keys and values follow in turn.
        public func beginMapping(tag: String? = nil) throws(YAMLError) {
            var event = yaml_event_t()
            let ok = Self.withOptionalCString(tag) { tagPointer in
                yaml_mapping_start_event_initialize(
                    &event, nil, tagPointer, tag == nil ? 1 : 0, YAML_BLOCK_MAPPING_STYLE)
            }
            guard ok == 1 else { throw failure() }
            try emit(&event)
        }

        /// Ends the mapping begun last.
        public func endMapping() throws(YAMLError) {
            var event = yaml_event_t()
            yaml_mapping_end_event_initialize(&event)
            try emit(&event)
        }

        /// The YAML text of a node tree.
        static func emit(_ node: Node) throws(YAMLError) -> String {
            let emitter = try Emitter()
            try emitter.write(node, isKey: false)
            return String(decoding: try emitter.finish(), as: UTF8.self)
        }

        private func write(_ node: Node, isKey: Bool) throws(YAMLError) {
            switch node.content {
            case .scalar(let scalar):
                try self.scalar(scalar.text, style: scalar.style, tag: node.tag, isKey: isKey)
            case .sequence(let items):
                try beginSequence(tag: node.tag)
                for item in items { try write(item, isKey: false) }
                try endSequence()
            case .mapping(let pairs):
                try beginMapping(tag: node.tag)
                for pair in pairs {
                    try write(pair.key, isKey: true)
                    try write(pair.value, isKey: false)
                }
                try endMapping()
            }
        }

        /// Hands one initialized event to libyaml (which takes ownership of it).
        private func emit(_ event: inout yaml_event_t) throws(YAMLError) {
            guard yaml_emitter_emit(emitter, &event) == 1 else { throw failure() }
        }

        private func failure() -> YAMLError {
            let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "unknown error"
            return YAMLError(Diagnostic("cannot write YAML: \(problem)"))
        }

        private static func style(_ style: Node.Scalar.Style) -> yaml_scalar_style_t {
            switch style {
            case .plain: return YAML_PLAIN_SCALAR_STYLE
            case .singleQuoted: return YAML_SINGLE_QUOTED_SCALAR_STYLE
            case .doubleQuoted: return YAML_DOUBLE_QUOTED_SCALAR_STYLE
            case .literal: return YAML_LITERAL_SCALAR_STYLE
            case .folded: return YAML_FOLDED_SCALAR_STYLE
            }
        }

        /// Calls `body` with the tag as a NUL-terminated `yaml_char_t` string, or nil.
        private static func withOptionalCString(
            _ text: String?, _ body: (UnsafePointer<yaml_char_t>?) -> Int32
        ) -> Int32 {
            guard let text else { return body(nil) }
            let bytes = Array(text.utf8) + [0]
            return bytes.withUnsafeBufferPointer { body($0.baseAddress) }
        }
    }
}
