import Foundation
import Testing

@testable import SweepYAML

/// Every node carries the file, line and column where it starts (1-based, columns in Unicode scalars).
@Suite struct NodeMarkTests {
    static let text = """
        name: demo
        model:
          layers: [784, 10]
          act: relu
        items:
          - a
          -   b
          - key: v
        """

    static func where_(_ node: Node?) -> String {
        guard let mark = node?.mark else { return "missing" }
        return "\(mark.line):\(mark.column)"
    }

    @Test func scalarsAndMappingKeys() throws {
        let root = try #require(try Support.parse(Self.text))
        #expect(root.mark == Mark(file: "t.yaml", line: 1, column: 1))
        guard case .mapping(let pairs) = root.content else {
            Issue.record("root is not a mapping")
            return
        }
        #expect(pairs.map { Self.where_($0.key) } == ["1:1", "2:1", "5:1"])
        #expect(Self.where_(pairs[0].value) == "1:7")
        let model = Support.child(root, "model")
        #expect(Self.where_(model) == "3:3")
        guard case .mapping(let modelPairs)? = model?.content else {
            Issue.record("model is not a mapping")
            return
        }
        #expect(modelPairs.map { Self.where_($0.key) } == ["3:3", "4:3"])
        #expect(Self.where_(Support.child(model, "act")) == "4:8")
    }

    @Test func sequenceItems() throws {
        let root = try Support.parse(Self.text)
        let layers = Support.child(Support.child(root, "model"), "layers")
        #expect(Self.where_(layers) == "3:11")
        guard case .sequence(let flow)? = layers?.content else {
            Issue.record("layers is not a sequence")
            return
        }
        #expect(flow.map(Self.where_) == ["3:12", "3:17"])
        let items = Support.child(root, "items")
        #expect(Self.where_(items) == "6:3")
        guard case .sequence(let block)? = items?.content else {
            Issue.record("items is not a sequence")
            return
        }
        #expect(block.map(Self.where_) == ["6:5", "7:7", "8:5"])
        #expect(Self.where_(Support.child(block[2], "key")) == "8:10")
    }

    @Test func columnsCountUnicodeScalarsAndLinesCountCRLF() throws {
        let root = try Support.parse("é: ü\r\n日本語: [x, 𝔵]\r\nz: 1\n")
        guard case .mapping(let pairs)? = root?.content else {
            Issue.record("root is not a mapping")
            return
        }
        #expect(pairs.map { Self.where_($0.value) } == ["1:4", "2:6", "3:4"])
        guard case .sequence(let items) = pairs[1].value.content else {
            Issue.record("not a sequence")
            return
        }
        #expect(items.map(Self.where_) == ["2:7", "2:10"])
    }

    @Test func marksNameTheFileGivenAndTheFileRead() throws {
        #expect(try YAML.parse("a: 1", file: "configs/x.yaml")?.mark.file == "configs/x.yaml")
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("c.yaml").path
        try Data("a:\n  b: 2\n".utf8).write(to: URL(fileURLWithPath: path))
        let root = try YAML.parse(contentsOf: path)
        let b = Support.child(Support.child(root, "a"), "b")
        #expect(b?.mark == Mark(file: path, line: 2, column: 6))
        #expect(b?.mark.description == "\(path):2:6")
    }

    @Test func marksDoNotTakePartInEquality() throws {
        let a = try Support.parse("k: [1, 2]")
        let b = try Support.parse("\n\n  k:   [1,    2]")
        #expect(a == b)
        #expect(a?.mark != b?.mark)
    }
}
