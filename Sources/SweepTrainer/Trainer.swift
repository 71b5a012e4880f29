internal import Foundation
import SweepTrainerConfig

/// The shared trainer: data, models, optimisers, regularisers, metrics and figures.
public enum Trainer {
    /// Rows per evaluation batch.
    static let evalBatch = 500

    /// Trains the model `config` describes, writing `metrics.jsonl`, `summary.json` and `figures/`
    /// into `directory`; returns the final metrics. `environment` defaults to the process's.
    @discardableResult
    public static func run(
        config: TrainerConfig, directory: String,
        environment: [String: String]? = nil
    ) throws(TrainerError) -> Summary {
        let environment = environment ?? ProcessInfo.processInfo.environment
        do {
            try config.validate()
        } catch {
            throw .invalidConfig(key: error.key, message: error.message)
        }
        Threads.apply(Threads.requested(environment: environment))
        let dataDirectory = config.data.resolvedDirectory(projectDirectory: environment["SWEEP_PROJECT_DIR"])
        let (train, test) = try Dataset.load(
            directory: dataDirectory, trainLimit: config.data.trainLimit, testLimit: config.data.testLimit)
        let session = try Session(
            config: config, train: train, test: test, directory: directory,
            countsProducts: environment["SWEEP_TRAIN_PRODUCTS"] == "1")
        return try session.run()
    }
}
