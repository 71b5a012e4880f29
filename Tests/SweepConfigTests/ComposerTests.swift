import Foundation
import SweepConfig
import Testing

/// Composes `config.yaml` of a tree with overrides; returns the resolved config as JSON text.
private func compose(_ files: [String: String], _ overrides: [String] = [], env: [String: String] = [:]) throws
    -> String
{
    let tree = try ConfigTree(files)
    defer { tree.remove() }
    return try Composer(configFile: tree.path("config.yaml"), environment: env).compose(overrides).config
        .jsonText(indent: 0)
}

/// The error message of a failing composition, with the temporary root removed from paths.
private func composeError(_ files: [String: String], _ overrides: [String] = []) throws -> String {
    let tree = try ConfigTree(files)
    defer { tree.remove() }
    do {
        let composition = try Composer(configFile: tree.path("config.yaml"), environment: [:]).compose(overrides)
        try composition.checkComplete()
        return "no error"
    } catch {
        return error.description.replacingOccurrences(of: tree.root + "/", with: "")
    }
}

@Suite("Composer: defaults lists")
struct ComposerDefaultsTests {
    let groups = [
        "db/mysql.yaml": "driver: mysql\nport: 3306\n",
        "db/postgres.yaml": "driver: postgres\nport: 5432\n",
    ]

    @Test("_self_ last: the primary overrides its groups")
    func selfLast() throws {
        let files = groups.merging(["config.yaml": "defaults:\n  - db: mysql\n  - _self_\ndb:\n  port: 1\n"]) { $1 }
        #expect(try compose(files) == #"{"db":{"driver":"mysql","port":1}}"#)
    }

    @Test("_self_ first: the groups override the primary")
    func selfFirst() throws {
        let files = groups.merging(["config.yaml": "defaults:\n  - _self_\n  - db: mysql\ndb:\n  port: 1\n"]) { $1 }
        #expect(try compose(files) == #"{"db":{"port":3306,"driver":"mysql"}}"#)
    }

    @Test("_self_ absent: appended at the end, as Hydra 1.1+ does")
    func selfAbsent() throws {
        let files = groups.merging(["config.yaml": "defaults:\n  - db: mysql\ndb:\n  port: 1\n"]) { $1 }
        #expect(try compose(files) == #"{"db":{"driver":"mysql","port":1}}"#)
    }

    @Test("group override, deletion, addition and null")
    func groupOverrides() throws {
        let files = groups.merging([
            "config.yaml": "defaults:\n  - db: mysql\n  - optional cache: none\n  - _self_\n",
            "extra/a.yaml": "x: 1\n",
        ]) { $1 }
        #expect(try compose(files, ["db=postgres"]) == #"{"db":{"driver":"postgres","port":5432}}"#)
        #expect(try compose(files, ["~db"]) == "{}")
        #expect(try compose(files, ["+extra=a"]) == #"{"db":{"driver":"mysql","port":3306},"extra":{"x":1}}"#)
        let nulled = groups.merging(["config.yaml": "defaults:\n  - db: null\n"]) { $1 }
        #expect(try compose(nulled) == "{}")
    }

    @Test("nested defaults, override entries and packages")
    func nestedAndPackages() throws {
        let files: [String: String] = [
            "config.yaml": "defaults:\n  - server: apache\n  - db@backup: mysql\n  - _self_\n",
            "server/apache.yaml": "defaults:\n  - /db: mysql\n  - override /db: postgres\n  - _self_\nname: apache\n",
            "db/mysql.yaml": "port: 3306\n",
            "db/postgres.yaml": "port: 5432\n",
        ]
        #expect(
            try compose(files) == #"{"server":{"db":{"port":5432},"name":"apache"},"backup":{"port":3306}}"#)
    }

    @Test("package headers: _global_, _group_ (the group, unlike Hydra 1.3) and only leading comments")
    func headers() throws {
        let files: [String: String] = [
            "config.yaml": "defaults:\n  - a: one\n  - b: two\n  - c: three\n",
            "a/one.yaml": "# @package _global_\ntop: 1\n",
            "b/two.yaml": "# @package _group_\nx: 2\n",
            "c/three.yaml": "# comment first\n# @package ignored.here\ny: 3\n",
        ]
        #expect(try compose(files) == #"{"top":1,"b":{"x":2},"c":{"y":3}}"#)
    }

    @Test("options lists and interpolated defaults")
    func optionsAndInterpolation() throws {
        let files: [String: String] = [
            "config.yaml": "defaults:\n  - lr: [low, high]\n  - mode: fast\n  - speed: ${mode}\n",
            "lr/low.yaml": "low: 1\n",
            "lr/high.yaml": "high: 2\n",
            "mode/fast.yaml": "m: fast\n",
            "speed/fast.yaml": "s: 10\n",
        ]
        #expect(try compose(files) == #"{"lr":{"low":1,"high":2},"mode":{"m":"fast"},"speed":{"s":10}}"#)
    }
}

@Suite("Composer: merge and overrides")
struct ComposerOverrideTests {
    let files = ["config.yaml": "a:\n  b: 1\n  l: [1, 2]\nn: null\nm: ???\n"]

    @Test("mappings merge, lists replace, ??? keeps a value")
    func merge() throws {
        let tree: [String: String] = [
            "config.yaml": "defaults:\n  - g: x\n  - _self_\na:\n  l: [9]\n  c: ???\n",
            "g/x.yaml": "# @package _global_\na:\n  b: 1\n  l: [1, 2]\n  c: 5\n",
        ]
        #expect(try compose(tree) == #"{"a":{"b":1,"l":[9],"c":5}}"#)
    }

    @Test("k=v, +k=v, ++k=v, ~k, ~k=v and dicts")
    func kinds() throws {
        #expect(try compose(files, ["a.b=2", "m=3"]) == #"{"a":{"b":2,"l":[1,2]},"n":null,"m":3}"#)
        #expect(try compose(files, ["+z=yes", "+n=1", "m=x"]) == #"{"a":{"b":1,"l":[1,2]},"n":1,"m":"x","z":"yes"}"#)
        #expect(
            try compose(files, ["++a.b=5", "++q.r=1", "m=1"]) == #"{"a":{"b":5,"l":[1,2]},"n":null,"m":1,"q":{"r":1}}"#)
        #expect(try compose(files, ["~a.l", "~m"]) == #"{"a":{"b":1},"n":null}"#)
        #expect(try compose(files, ["~a.b=1", "m=0"]) == #"{"a":{"l":[1,2]},"n":null,"m":0}"#)
        #expect(try compose(files, ["a={b: 7}", "a.l=[]", "m=0"]) == #"{"a":{"b":7,"l":[]},"n":null,"m":0}"#)
        #expect(try compose(files, ["+a={new: 1}", "m=0"]) == #"{"a":{"b":1,"l":[1,2],"new":1},"n":null,"m":0}"#)
    }

    @Test("overrides type values as Hydra does: 010, 0x10, yes stay strings; casts apply")
    func typing() throws {
        let tree = ["config.yaml": "a: 0\nb: 0\nc: 0\nd: 0\ne: 0\n"]
        #expect(
            try compose(tree, ["a=010", "b=0x10", "c=yes", "d=int(3.7)", "e=str(1e-3)"])
                == #"{"a":"010","b":"0x10","c":"yes","d":3,"e":"0.001"}"#)
    }

    @Test("whole error messages of struct-mode overrides")
    func errors() throws {
        #expect(
            try composeError(files, ["a.c=1", "m=1"]) == """
                override 'a.c=1': error: there is no key 'a.c' in the config
                    a.c=1
                    ^
                help: did you mean 'a.b'?
                help: to add it, use '+a.c=1'
                """)
        #expect(
            try composeError(files, ["+a.b=1"]) == """
                override '+a.b=1': error: cannot add 'a.b': it is already in the config, as the integer 1
                    +a.b=1
                     ^
                help: to change it, drop the '+': 'a.b=1'
                help: to add it or change it, use '++': '++a.b=1'
                """)
        #expect(
            try composeError(files, ["~a.x"]) == """
                override '~a.x': error: cannot delete 'a.x': there is no such key
                    ~a.x
                     ^
                help: did you mean 'a.b'?
                """)
        #expect(
            try composeError(files, ["~a.b=2"]) == """
                override '~a.b=2': error: cannot delete 'a.b': its value is the integer 1, not the integer 2
                    ~a.b=2
                         ^
                """)
        #expect(
            try composeError(files, ["a=1,2"]) == """
                override 'a=1,2': error: this is a sweep over several values; compose makes one config
                    a=1,2
                      ^
                help: to run every value, use 'sweep plan' or 'sweep run' with the same arguments
                """)
    }

    @Test("an unset ??? is reported where it was declared")
    func mandatory() throws {
        #expect(
            try composeError(files) == """
                config.yaml:5:4: error: m is mandatory ('???') and was not set; set it with 'm=…'
                    m: ???
                       ^
                """)
    }
}

@Suite("Composer: group errors")
struct ComposerGroupErrorTests {
    let files: [String: String] = [
        "config.yaml": "defaults:\n  - model: vae\n  - _self_\nlr: 0.1\n",
        "model/vae.yaml": "latent: 2\n",
        "model/mlp.yaml": "layers: [1]\n",
    ]

    @Test("a missing option lists the options and suggests the closest")
    func missingOption() throws {
        #expect(
            try composeError(files, ["model=vea"]) == """
                override 'model=vea': error: the config group 'model' has no option 'vea' (in the defaults of 'config')
                    model=vea
                          ^
                help: did you mean 'vae'?
                note: the options are: mlp, vae
                """)
    }

    @Test("a group that must be chosen, and a group not in the defaults")
    func mustChoose() throws {
        var tree = files
        tree["config.yaml"] = "defaults:\n  - model: ???\n"
        #expect(
            try composeError(tree) == """
                config.yaml:2:12: error: the config group 'model' must be chosen ('???')
                      - model: ???
                               ^
                help: choose one on the command line, e.g. 'model=mlp'
                note: the options are: mlp, vae
                """)
        tree["config.yaml"] = "lr: 1\n"
        #expect(
            try composeError(tree, ["model=vae"]) == """
                override 'model=vae': error: the config group 'model' is not in the defaults list, so it cannot be changed
                    model=vae
                          ^
                help: to add it to the defaults list, use '+model=vae'
                """)
    }

    @Test("defaults lists that include each other are an error, not a stack overflow")
    func defaultsCycle() throws {
        let tree = ["config.yaml": "defaults:\n  - base\n", "base.yaml": "defaults:\n  - config\nx: 1\n"]
        #expect(
            try composeError(tree) == """
                base.yaml:2:5: error: the defaults lists include each other: config -> base -> config
                      - config
                        ^
                help: remove one of these entries to break the cycle
                """)
    }

    @Test("a missing primary file suggests a close name")
    func missingPrimary() throws {
        let tree = try ConfigTree(files)
        defer { tree.remove() }
        #expect(throws: ConfigError.self) { try Composer(configFile: tree.path("confg.yaml")).compose([String]()) }
        do {
            _ = try Composer(configFile: tree.path("confg.yaml")).compose([String]())
        } catch {
            #expect(
                error.description.replacingOccurrences(of: tree.root + "/", with: "") == """
                    error: config file 'confg.yaml' does not exist
                    help: did you mean 'config.yaml'?
                    """)
        }
    }
}

@Suite("Composer: interpolation")
struct ComposerInterpolationTests {
    @Test("absolute, relative, nested and string interpolation")
    func forms() throws {
        let files = [
            "config.yaml": """
            a: {b: 3, c: '${.b}', d: '${..top}'}
            top: x
            key: b
            nested: ${a.${key}}
            text: "v=${a.b} f=${f} t=${t} n=${n}"
            f: 1e-3
            t: true
            n: null
            esc: \\${a.b}
            idx: ${list[1]}
            list: [10, 20]
            """
        ]
        #expect(
            try compose(files)
                == #"{"a":{"b":3,"c":3,"d":"x"},"top":"x","key":"b","nested":3,"text":"v=3 f=0.001 t=True n=None","f":0.001,"t":true,"n":null,"esc":"${a.b}","idx":20,"list":[10,20]}"#
        )
    }

    @Test("oc.env gives strings, a default, or null")
    func env() throws {
        let files = ["config.yaml": "a: ${oc.env:X}\nb: ${oc.env:Y,5}\nc: ${oc.env:Y,null}\n"]
        #expect(try compose(files, env: ["X": "0"]) == #"{"a":"0","b":"5","c":null}"#)
    }

    @Test("a very long chain of interpolations is an error, not a stack overflow")
    func deepChain() throws {
        let lines = (0..<600).map { "a\($0): ${a\($0 + 1)}" } + ["a600: 1"]
        let message = try composeError(["config.yaml": lines.joined(separator: "\n") + "\n"])
        #expect(
            message == """
                config.yaml:501:7: error: a500: interpolations refer to interpolations more than 500 levels deep
                    a500: ${a501}
                          ^
                """)
    }

    @Test("cycles and missing keys are errors naming the key and the place")
    func errors() throws {
        #expect(
            try composeError(["config.yaml": "a: ${b}\nb: ${a}\n"]) == """
                config.yaml:1:4: error: a: interpolation cycle: a -> b -> a
                    a: ${b}
                       ^
                """)
        #expect(
            try composeError(["config.yaml": "model:\n  latent: 2\nz: ${model.latnt}\n"]) == """
                config.yaml:3:4: error: z: interpolation '${model.latnt}' refers to 'model.latnt', which does not exist
                    z: ${model.latnt}
                       ^
                help: did you mean 'model.latent'?
                """)
    }
}

/// `Composition.checkComplete` finds every `???` left, wherever composing put it, and trusts the
/// composer's "none seen" only for the config it composed.
@Suite("Composer: unset values after interpolation")
struct ComposerMandatoryTests {
    @Test(
        "??? in a list, nested, or copied by an interpolation is reported",
        arguments: [
            ("l:\n  - 1\n  - ???\n", "l[1]"),
            ("a:\n  b:\n    c: ???\n", "a.b.c"),
            ("a:\n  - x: ???\n", "a[0].x"),
        ])
    func reported(body: String, path: String) throws {
        let message = try composeError(["config.yaml": body])
        #expect(message.contains("error: \(path) is mandatory ('???') and was not set"), "\(message)")
    }

    @Test("a mapping holding ??? copied by an interpolation is reported at both places")
    func copiedByInterpolation() throws {
        let message = try composeError(["config.yaml": "src:\n  x: ???\ndst: ${src}\n"])
        #expect(message.contains("error: src.x is mandatory"), "\(message)")
        #expect(message.contains("error: dst.x is mandatory"), "\(message)")
    }

    @Test("??? set by an override on the command line is reported")
    func setByOverride() throws {
        let message = try composeError(["config.yaml": "a: 1\n"], ["a=???"])
        #expect(message.contains("error: a is mandatory"), "\(message)")
    }

    @Test("a composition without ??? passes, and a ??? put into it afterwards is found")
    func changedAfterComposing() throws {
        let tree = try ConfigTree(["config.yaml": "a: 1\nb: ${a}\n"])
        defer { tree.remove() }
        var composition = try Composer(configFile: tree.path("config.yaml"), environment: [:]).compose([])
        try composition.checkComplete()
        composition.config = ConfigNode(.mapping(["a": ConfigNode(.missing)]))
        #expect(throws: ConfigError.self) { try composition.checkComplete() }
    }
}
