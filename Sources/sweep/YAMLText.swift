import SweepConfig
import SweepYAML

/// YAML text of a config node.
enum YAMLText {
    /// The node emitted as block YAML (UTF-8); an emitter failure is reported as a config error.
    static func bytes(of node: ConfigNode) throws(CommandFailure) -> [UInt8] {
        do {
            return try node.yamlBytes()
        } catch {
            throw CommandFailure(ConfigError(error.diagnostic))
        }
    }
}
