import Collections

extension ConfigNode: Decodable {
    /// Decodes a config node: from a ``ConfigDecoder``, the subtree untouched (with its origins);
    /// from any other decoder (such as `JSONDecoder`), the value rebuilt with no origins, with
    /// the string `???` read as the mandatory-value marker.
    public init(from decoder: any Decoder) throws {
        if let configDecoder = decoder as? ConfigDecoder.Impl {
            self = configDecoder.node
            configDecoder.usedSingle = true
            return
        }
        if let keyed = try? decoder.container(keyedBy: ConfigDecoder.Key.self) {
            var mapping: OrderedDictionary<String, ConfigNode> = [:]
            for key in keyed.allKeys {
                mapping[key.stringValue] = try keyed.decode(ConfigNode.self, forKey: key)
            }
            self.init(.mapping(mapping))
            return
        }
        if var unkeyed = try? decoder.unkeyedContainer() {
            var elements: [ConfigNode] = []
            while !unkeyed.isAtEnd {
                elements.append(try unkeyed.decode(ConfigNode.self))
            }
            self.init(.sequence(elements))
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self.init(.null)
        } else if let b = try? single.decode(Bool.self) {
            self.init(.bool(b))
        } else if let i = try? single.decode(Int.self) {
            self.init(.int(i))
        } else if let d = try? single.decode(Double.self) {
            self.init(.float(d))
        } else {
            let s = try single.decode(String.self)
            self.init(s == "???" ? .missing : .string(s))
        }
    }
}
