import Foundation
import SweepConfig
import SweepTrainer
import SweepTrainerConfig
import SweepYAML

// sweep-train --config PATH   (default: $SWEEP_CONFIG, else config.yaml)
// Reads one composed config, trains, writes metrics.jsonl, summary.json and figures/ into the
// current directory. Exit 0 on success; one `error: …` line and exit 1 on failure.
// A config ending in .json is decoded with JSONDecoder; anything else is YAML, decoded strictly.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("sweep-train: \(message)\n".utf8))
    exit(1)
}

/// Prints a compiler-style diagnostic as it is and exits 1.
func failWith(_ diagnostic: String) -> Never {
    FileHandle.standardError.write(Data((diagnostic + "\n").utf8))
    exit(1)
}

// OpenBLAS reads its settings when it loads, before any Swift code runs (a thread count, the
// thread timeout, the kernels to use): re-execute once with those that are missing (see
// BLASEnvironment).
#if os(Linux)
    do {
        let env = ProcessInfo.processInfo.environment
        // The re-executed process has what it needs: it reads /proc/cpuinfo no more.
        let missing = env["SWEEP_TRAIN_REEXEC"] == nil ? BLASEnvironment.missing(in: env, cpu: .current) : [:]
        if !missing.isEmpty {
            setenv("SWEEP_TRAIN_REEXEC", "1", 1)
            for (key, value) in missing { setenv(key, value, 1) }
            execv("/proc/self/exe", CommandLine.unsafeArgv)
            // execv returned: carry on in this process (Trainer.run still sets the thread count).
        }
    }
#endif

var arguments = Array(CommandLine.arguments.dropFirst())
var configPath = ProcessInfo.processInfo.environment["SWEEP_CONFIG"] ?? "config.yaml"
while let first = arguments.first {
    arguments.removeFirst()
    switch first {
    case "--config":
        guard let value = arguments.first else { fail("error: --config needs a path") }
        configPath = value
        arguments.removeFirst()
    case "-h", "--help":
        print("usage: sweep-train [--config PATH]   (default: $SWEEP_CONFIG, else config.yaml)")
        exit(0)
    default:
        fail("error: unexpected argument '\(first)' (usage: sweep-train [--config PATH])")
    }
}

let config: TrainerConfig
do {
    if configPath.hasSuffix(".json") {
        guard let data = FileManager.default.contents(atPath: configPath) else {
            fail("error: config file '\(configPath)' not found")
        }
        config = try JSONDecoder().decode(TrainerConfig.self, from: data)
    } else {
        guard let node = try YAML.parse(contentsOf: configPath) else {
            fail("error: config file '\(configPath)' is empty")
        }
        config = try ConfigDecoder().decode(TrainerConfig.self, from: ConfigNode(yaml: node))
    }
} catch let error as YAMLError {
    failWith(error.description)
} catch let error as ConfigError {
    failWith(error.description)
} catch {
    fail("error: '\(configPath)': \(error)")
}
do {
    try Trainer.run(config: config, directory: FileManager.default.currentDirectoryPath)
} catch {
    fail(error.description)
}
