import Foundation
import Testing

@Suite("sweep compose (built binary)", .serialized)
struct ComposeCommandTests {
    @Test("the user's command sets top-level keys of configs/vae.yaml")
    func userCommand() throws {
        let result = try CLI.run("sweep", ["compose", "configs/vae.yaml", "beta=10", "lr=1e-2"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(
            result.stdout == """
                model:
                  kind: vae
                  activation: relu
                  init: kaiming_uniform
                  encoder:
                  - 784
                  - 512
                  - 256
                  latent: 2
                  decoder:
                  - 256
                  - 512
                  - 784
                  variance: softplus
                data:
                  name: mnist
                  train_limit: null
                  test_limit: null
                optim:
                  name: adam
                  betas:
                  - 0.9
                  - 0.999
                  eps: 1.0e-08
                  weight_decay: 0.0
                regularizer:
                  l1: 0.0
                  l2: 0.0
                  dropout: 0.0
                seed: 0
                epochs: 10
                batch_size: 128
                lr: 0.01
                beta: 10
                log_every: 100
                figures: true

                """)
    }

    @Test("--json prints one object; groups switch with group=option")
    func json() throws {
        let result = try CLI.run(
            "sweep", ["compose", "configs/classifier.yaml", "--json", "optim=adamw", "model.layers=[784,32,10]"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let model = try #require(object["model"] as? [String: Any])
        #expect(model["layers"] as? [Int] == [784, 32, 10])
        let optim = try #require(object["optim"] as? [String: Any])
        #expect(optim["name"] as? String == "adamw")
        #expect(optim["weight_decay"] as? Double == 0.01)
    }

    @Test("bad input: whole messages on stderr and exit status 2")
    func errors() throws {
        let cases: [([String], String)] = [
            (
                ["lrr=0.1"],
                """
                override 'lrr=0.1': error: there is no key 'lrr' in the config
                    lrr=0.1
                    ^
                help: did you mean 'lr'?
                help: to add it, use '+lrr=0.1'

                """
            ),
            (
                ["+lr=0.1"],
                """
                override '+lr=0.1': error: cannot add 'lr': it is already in the config, as the number 0.001
                    +lr=0.1
                     ^
                help: to change it, drop the '+': 'lr=0.1'
                help: to add it or change it, use '++': '++lr=0.1'

                """
            ),
            (
                ["lr=abc"],
                """
                override 'lr=abc': error: lr: expected a floating-point number, found the string 'abc'
                    lr=abc
                       ^

                """
            ),
            (
                ["model=vea"],
                """
                override 'model=vea': error: the config group 'model' has no option 'vea' (in the defaults of 'vae')
                    model=vea
                          ^
                help: did you mean 'vae'?
                note: the options are: linear, mlp, vae

                """
            ),
            (
                ["beta=1,10"],
                """
                override 'beta=1,10': error: this is a sweep over several values; compose makes one config
                    beta=1,10
                         ^
                help: to run every value, use 'sweep plan' or 'sweep run' with the same arguments

                """
            ),
        ]
        for (overrides, expected) in cases {
            let result = try CLI.run("sweep", ["compose", "configs/vae.yaml"] + overrides)
            #expect(result.status == 2, "\(overrides)")
            #expect(result.stdout == "")
            #expect(result.stderr == expected)
        }
    }

    @Test("a missing config file, and a bad override syntax")
    func fileAndSyntax() throws {
        let missing = try CLI.run("sweep", ["compose", "configs/vea.yaml"])
        #expect(missing.status == 2)
        #expect(
            missing.stderr == """
                error: config file 'configs/vea.yaml' does not exist
                help: did you mean 'configs/vae.yaml'?

                """)
        let syntax = try CLI.run("sweep", ["compose", "configs/vae.yaml", "a..b=1"])
        #expect(syntax.status == 2)
        #expect(syntax.stderr.hasPrefix("override 'a..b=1': error: "))
    }

    @Test("YAML and interpolation errors point at file:line:col with the line and a caret")
    func fileErrors() throws {
        let dir = NSTemporaryDirectory() + "sweep-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cases: [(Data, String)] = [
            (
                Data("a: 1\nb:\n\tc: 2\n".utf8),
                """
                config.yaml:3:1: error: tabs are not allowed for indentation in YAML; use spaces
                    \tc: 2
                    ^
                help: replace the tab with spaces (for example two or four, like the lines around it)

                """
            ),
            (
                Data("a: [1, 2\nb: 3\n".utf8),
                """
                config.yaml:1:4: error: this '[' is never closed
                    a: [1, 2
                       ^
                help: add the matching ']' after the last item of the list

                """
            ),
            (
                Data("a: ${b}\nb: ${c.d}\nc: {}\n".utf8),
                """
                config.yaml:2:4: error: b: interpolation '${c.d}' refers to 'c.d', which does not exist
                    b: ${c.d}
                       ^

                """
            ),
            (
                Data([0x61, 0x3A, 0x20, 0x31, 0x00, 0x01, 0x0A]),
                """
                config.yaml:1:5: error: this is a binary file, not YAML text (it contains a NUL byte)

                """
            ),
            (
                Data([0x61, 0x3A, 0x20, 0xFF, 0x0A]),
                """
                config.yaml:1:4: error: the file is not valid UTF-8: byte 0xFF cannot appear here
                    a: \u{FFFD}
                       ^
                help: YAML files must be UTF-8; re-save it as UTF-8 (it may be Latin-1 or UTF-16)

                """
            ),
        ]
        for (content, expected) in cases {
            try content.write(to: URL(fileURLWithPath: dir + "/config.yaml"))
            let result = try CLI.run("sweep", ["compose", "config.yaml", "--no-check"], in: dir)
            #expect(result.status == 2)
            #expect(result.stderr == expected)
        }
    }

    @Test("an unset ??? is an error where it was declared")
    func mandatory() throws {
        let dir = NSTemporaryDirectory() + "sweep-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "model:\n  latent: ???\n".write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        let result = try CLI.run("sweep", ["compose", "config.yaml", "--no-check"], in: dir)
        #expect(result.status == 2)
        #expect(
            result.stderr == """
                config.yaml:2:11: error: model.latent is mandatory ('???') and was not set; set it with 'model.latent=…'
                      latent: ???
                              ^

                """)
        let set = try CLI.run("sweep", ["compose", "config.yaml", "--no-check", "model.latent=3"], in: dir)
        #expect(set.stdout == "model:\n  latent: 3\n")
    }
}
