import Foundation
import SweepTrainer

// sweep-train --config PATH   (default: $SWEEP_CONFIG, else config.yaml)
// Reads one composed config, trains, writes metrics.jsonl, summary.json and figures/ into the
// current directory. Exit 0 on success; one `error: …` line and exit 1 on failure.
// Until the YAML decoder is wired here, a config file ending in .json is decoded with JSONDecoder.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("sweep-train: \(message)\n".utf8))
    exit(1)
}

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

guard let data = FileManager.default.contents(atPath: configPath) else {
    fail("error: config file '\(configPath)' not found")
}
let config: TrainerConfig
do {
    if configPath.hasSuffix(".json") {
        config = try JSONDecoder().decode(TrainerConfig.self, from: data)
    } else {
        fail("error: '\(configPath)': YAML configs are read once the config decoder is wired in; pass a .json config")
    }
} catch {
    fail("error: '\(configPath)': \(error)")
}
do {
    try Trainer.run(config: config, directory: FileManager.default.currentDirectoryPath)
} catch {
    fail(error.description)
}
