internal import CYAML

extension YAML {
    /// Writes a node tree as block-style YAML through libyaml's emitter, keeping key order,
    /// scalar styles and tags. A style libyaml cannot write for a text (a plain scalar with
    /// leading spaces, `: ` or `#`, a single-quoted one with special characters) falls back
    /// to a quoted style, so the text always survives.
    final class Emitter {
        let emitter: UnsafeMutablePointer<yaml_emitter_t>
        var output = Output()
        var initialized = false

        /// The bytes libyaml writes, collected through the write handler.
        final class Output {
            var bytes: [UInt8] = []
        }

        init() {
            emitter = .allocate(capacity: 1)
        }

        deinit {
            if initialized { yaml_emitter_delete(emitter) }
            emitter.deallocate()
        }

        /// The YAML text of a node.
        static func emit(_ node: Node) throws(YAMLError) -> String {
            let emitter = Emitter()
            return try emitter.run(node)
        }

        func run(_ node: Node) throws(YAMLError) -> String {
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
            try withExtendedLifetime(output) { () throws(YAMLError) in
                yaml_emitter_set_output(emitter, handler, Unmanaged.passUnretained(output).toOpaque())
                var event = yaml_event_t()
                yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
                try emit(&event)
                yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
                try emit(&event)
                try emitNode(node, isKey: false)
                yaml_document_end_event_initialize(&event, 1)
                try emit(&event)
                yaml_stream_end_event_initialize(&event)
                try emit(&event)
                guard yaml_emitter_flush(emitter) == 1 else { throw failure() }
            }
            return String(decoding: output.bytes, as: UTF8.self)
        }

        /// Hands one initialized event to libyaml (which takes ownership of it).
        func emit(_ event: inout yaml_event_t) throws(YAMLError) {
            guard yaml_emitter_emit(emitter, &event) == 1 else { throw failure() }
        }

        func failure() -> YAMLError {
            let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "unknown error"
            return YAMLError(Diagnostic("cannot write YAML: \(problem)"))
        }

        func emitNode(_ node: Node, isKey: Bool) throws(YAMLError) {
            var event = yaml_event_t()
            let tag = node.tag
            let implicit: Int32 = tag == nil ? 1 : 0
            switch node.content {
            case .scalar(let scalar):
                var style = Self.style(scalar.style)
                // A plain `<<` key would come back as a merge key.
                if isKey, tag == nil, scalar.style == .plain, scalar.text == "<<" {
                    style = YAML_SINGLE_QUOTED_SCALAR_STYLE
                }
                let utf8 = Array(scalar.text.utf8)
                guard utf8.count < Int(Int32.max) else {
                    throw YAMLError(Diagnostic("cannot write YAML: a scalar of \(utf8.count) bytes is too long"))
                }
                let ok = Self.withOptionalCString(tag) { tagPointer in
                    utf8.withUnsafeBufferPointer { text in
                        yaml_scalar_event_initialize(
                            &event, nil, tagPointer, text.baseAddress, Int32(utf8.count), implicit, implicit, style)
                    }
                }
                guard ok == 1 else { throw failure() }
                try emit(&event)
            case .sequence(let items):
                let ok = Self.withOptionalCString(tag) { tagPointer in
                    yaml_sequence_start_event_initialize(
                        &event, nil, tagPointer, implicit, YAML_BLOCK_SEQUENCE_STYLE)
                }
                guard ok == 1 else { throw failure() }
                try emit(&event)
                for item in items { try emitNode(item, isKey: false) }
                yaml_sequence_end_event_initialize(&event)
                try emit(&event)
            case .mapping(let pairs):
                let ok = Self.withOptionalCString(tag) { tagPointer in
                    yaml_mapping_start_event_initialize(&event, nil, tagPointer, implicit, YAML_BLOCK_MAPPING_STYLE)
                }
                guard ok == 1 else { throw failure() }
                try emit(&event)
                for pair in pairs {
                    try emitNode(pair.key, isKey: true)
                    try emitNode(pair.value, isKey: false)
                }
                yaml_mapping_end_event_initialize(&event)
                try emit(&event)
            }
        }

        static func style(_ style: Node.Scalar.Style) -> yaml_scalar_style_t {
            switch style {
            case .plain: return YAML_PLAIN_SCALAR_STYLE
            case .singleQuoted: return YAML_SINGLE_QUOTED_SCALAR_STYLE
            case .doubleQuoted: return YAML_DOUBLE_QUOTED_SCALAR_STYLE
            case .literal: return YAML_LITERAL_SCALAR_STYLE
            case .folded: return YAML_FOLDED_SCALAR_STYLE
            }
        }

        /// Calls `body` with the tag as a NUL-terminated `yaml_char_t` string, or nil.
        static func withOptionalCString(
            _ text: String?, _ body: (UnsafePointer<yaml_char_t>?) -> Int32
        ) -> Int32 {
            guard let text else { return body(nil) }
            let bytes = Array(text.utf8) + [0]
            return bytes.withUnsafeBufferPointer { body($0.baseAddress) }
        }
    }
}
