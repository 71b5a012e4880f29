import SweepConfig
import SweepTrainerConfig

/// The check of a composed config against the bundled trainer's typed config.
enum TrainerSchema {
    /// Decodes the config as a `TrainerConfig` (without the orchestrator's `sweep:` section) and
    /// checks its ranges, unless `sweep.command` names another trainer.
    static func check(_ config: ConfigNode) throws(ConfigError) {
        guard case .mapping(var mapping) = config.value else { return }
        if let sweep = mapping.removeValue(forKey: "sweep"), sweep.child("command") != nil { return }
        let trainerConfig = ConfigNode(.mapping(mapping), origin: config.origin)
        let decoded = try ConfigDecoder().decode(TrainerConfig.self, from: trainerConfig)
        do {
            try decoded.validate()
        } catch {
            let origin = trainerConfig.node(atPath: error.key)?.origin ?? .none
            throw ConfigError(origin.diagnostic("\(error.key): \(error.message)"))
        }
    }
}
