import SweepConfig
import SweepPlanner
import Testing

/// SHA-256 and cell ids: equal resolved configs, equal ids; duplicates found.
@Suite struct CellIdentityTests {
    @Test func sha256KnownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex(String(repeating: "a", count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func idIgnoresKeyOrderAndTheSweepSection() {
        let a = ConfigNode(
            .mapping(["lr": ConfigNode(.float(0.1)), "beta": ConfigNode(.int(1)), "sweep": ConfigNode(.int(3))]))
        let b = ConfigNode(.mapping(["beta": ConfigNode(.float(1.0)), "lr": ConfigNode(.float(0.1))]))
        let c = ConfigNode(.mapping(["beta": ConfigNode(.float(1.5)), "lr": ConfigNode(.float(0.1))]))
        #expect(CellID.of(a) == CellID.of(b))
        #expect(CellID.of(a) != CellID.of(c))
        #expect(CellID.of(a).count == 16)
        #expect(CellID.canonicalJSON(TrainerSchemaTestsHelper.drop(a)) == #"{"beta":1,"lr":0.1}"#)
    }

    @Test func duplicatesAreMarked() throws {
        let plan = try Plan(
            target: TestSupport.packageRoot + "/configs/vae.yaml", overrides: ["beta=1,10,1.0", "epochs=1"],
            environment: [:])
        let cells = try plan.checkedCells()
        #expect(cells.map(\.duplicateOf) == [nil, nil, 0])
        #expect(cells[0].id == cells[2].id)
        #expect(cells[0].id != cells[1].id)
    }

    @Test func replannedSweepKeepsItsIds() throws {
        let vae = TestSupport.packageRoot + "/configs/vae.yaml"
        let first = try Plan(target: vae, overrides: ["beta=1,10"], environment: [:]).checkedCells()
        let again = try Plan(target: vae, overrides: ["beta=10,1"], environment: [:]).checkedCells()
        #expect(first.map(\.id) == again.map(\.id).reversed())
    }

    @Test func anotherTrainerIsOnlyComposed() throws {
        let root = try TestSupport.scratch(
            TestSupport.tree.merging(["s.yaml": "config: main.yaml\nsweep:\n  command: [echo]\n  params: {lr: '1,2'}\n"]
            ) {
                $1
            })
        let cells = try Plan(target: root + "/s.yaml", overrides: [], environment: [:]).checkedCells()
        #expect(cells.count == 2)
        #expect(cells[0].config.child("lr") == ConfigNode(.int(1)))
    }
}

/// The config without `sweep:`, for the canonical-JSON check.
enum TrainerSchemaTestsHelper {
    static func drop(_ node: ConfigNode) -> ConfigNode { TrainerSchema.withoutSweep(node) }
}

/// The JSON form of a checked cell and the paths of sweep files.
@Suite struct CellJSONTests {
    @Test func jsonObjectOfACell() {
        let cell = CheckedCell(
            cell: Cell(index: 2, overrides: ["beta=1", "+tag='a b'"], dir: "0002_beta=1"), id: "0123456789abcdef",
            config: ConfigNode(.null), duplicateOf: 0)
        #expect(
            cell.jsonObject.jsonText(indent: 0)
                == #"{"index":2,"id":"0123456789abcdef","overrides":["beta=1","+tag='a b'"],"dir":"0002_beta=1","duplicate_of":0}"#
        )
    }
}
