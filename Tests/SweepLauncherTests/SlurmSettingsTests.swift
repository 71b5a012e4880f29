import Foundation
import SweepConfig
import SweepLauncher
import SweepYAML
import Testing

@Suite("SLURM settings from the sweep section")
struct SlurmSettingsTests {
    func section(_ yaml: String) throws -> ConfigNode {
        ConfigNode(yaml: try #require(try YAML.parse(yaml, file: "configs/vae.yaml")))
    }

    @Test("launcher and slurm keys are read, become sbatch arguments, and survive sweep.yaml for a resume")
    func roundTrip() throws {
        var options = LaunchOptions(command: ["sweep-train"], projectDirectory: "/project")
        try options.apply(
            sweepSection: try section(
                """
                launcher: slurm
                slurm:
                  partition: gpu
                  time: "2:00:00"
                  cpus_per_task: 4
                  mem: 16G
                  gpus: 1
                  gres: gpu:a100:1
                  account: lab
                  qos: normal
                  constraint: a100
                  array_parallelism: 8
                  extra_args: [--exclusive, --nice=10]
                """))
        #expect(options.launcher == .slurm)
        #expect(options.slurm.arrayParallelism == 8)
        #expect(
            options.slurm.arguments == [
                "--partition=gpu", "--time=2:00:00", "--cpus-per-task=4", "--mem=16G", "--gpus=1",
                "--gres=gpu:a100:1", "--account=lab", "--qos=normal", "--constraint=a100", "--exclusive", "--nice=10",
            ])
        var resumed = LaunchOptions(command: [], projectDirectory: "/project")
        try resumed.apply(sweepSection: options.settingsNode)
        #expect(resumed.launcher == .slurm)
        #expect(resumed.slurm == options.slurm)
    }

    @Test("the launcher/slurm config group selects SLURM; its null settings add no sbatch argument")
    func configGroup() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let composition = try Composer(configFile: root + "/configs/vae.yaml").compose([
            "+launcher=slurm", "sweep.slurm.partition=gpu",
        ])
        let sweep = try #require(composition.config.node(atPath: "sweep"))
        var options = LaunchOptions(command: ["sweep-train"], projectDirectory: root)
        try options.apply(sweepSection: sweep)
        #expect(options.launcher == .slurm)
        #expect(options.slurm.arguments == ["--partition=gpu", "--cpus-per-task=1"])
    }

    @Test("bad launcher and slurm values are config errors at their place, quoting their line")
    func errors() throws {
        #expect(
            try sweepSectionError("launcher: pbs") == """
                vae.yaml:1:11: error: sweep.launcher: expected one of 'local', 'slurm', found the string 'pbs'
                    launcher: pbs
                              ^
                """)
        #expect(
            try sweepSectionError("slurm: {array_parallelism: 0}") == """
                vae.yaml:1:28: error: sweep.slurm.array_parallelism: expected a whole number ≥ 1, got '0'
                    slurm: {array_parallelism: 0}
                                               ^
                """)
        #expect(
            try sweepSectionError("slurm:\n  partitio: gpu\n") == """
                vae.yaml:2:13: error: unknown key 'sweep.slurm.partitio'
                      partitio: gpu
                                ^
                help: did you mean 'partition'?
                note: allowed keys in 'sweep.slurm': partition, time, cpus_per_task, mem, gpus, gres, account, qos, constraint, array_parallelism, extra_args
                """)
        #expect(
            try sweepSectionError("slurm:\n  time: [1]\n") == """
                vae.yaml:2:9: error: sweep.slurm.time: expected a string, got '[1]'
                      time: [1]
                            ^
                """)
        #expect(
            try sweepSectionError("slurm:\n  gpus: two\n") == """
                vae.yaml:2:9: error: sweep.slurm.gpus: expected an integer, found the string 'two'
                      gpus: two
                            ^
                """)
        #expect(
            try sweepSectionError("slurm:\n  qos: \"a\\nb\"\n") == """
                vae.yaml:2:8: error: sweep.slurm.qos: expected one line of text, found a string with a line break or a control character
                      qos: "a\\nb"
                           ^
                """)
        #expect(
            try sweepSectionError("slurm:\n  extra_args: {a: 1}\n") == """
                vae.yaml:2:15: error: sweep.slurm.extra_args: expected a list of sbatch arguments, got '{a: 1}'
                      extra_args: {a: 1}
                                  ^
                """)
    }
}
