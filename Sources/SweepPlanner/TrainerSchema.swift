public import SweepConfig
import SweepTrainerConfig

/// The check of a composed config against the bundled trainer's typed config.
public enum TrainerSchema {
    /// Decodes the config as a `TrainerConfig` (without the orchestrator's `sweep:` section) and
    /// checks its ranges, unless `sweep.command` names another trainer.
    public static func check(_ config: ConfigNode) throws(ConfigError) {
        try check(config, otherTrainer: config.child("sweep")?.child("command") != nil)
    }

    /// Decodes the config as a `TrainerConfig` without its `sweep:` section and checks its ranges;
    /// with `otherTrainer` (a `sweep.command` is set) the config is only composed, not decoded.
    public static func check(_ config: ConfigNode, otherTrainer: Bool) throws(ConfigError) {
        if otherTrainer { return }
        let trainerConfig = withoutSweep(config)
        let decoded = try ConfigDecoder().decode(TrainerConfig.self, from: trainerConfig)
        do {
            try decoded.validate()
        } catch {
            let origin = trainerConfig.node(atPath: error.key)?.origin ?? .none
            throw ConfigError(origin.diagnostic("\(error.key): \(error.message)"))
        }
    }

    /// The config without the orchestrator's `sweep:` section: what the trainer reads.
    public static func withoutSweep(_ config: ConfigNode) -> ConfigNode {
        guard case .mapping(var mapping) = config.value, mapping["sweep"] != nil else { return config }
        mapping.removeValue(forKey: "sweep")
        return ConfigNode(.mapping(mapping), origin: config.origin)
    }
}
