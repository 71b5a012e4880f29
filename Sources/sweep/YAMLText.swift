import SweepConfig
import SweepYAML

/// YAML text of a config node.
enum YAMLText {
    /// The node emitted as block YAML; an emitter failure is reported as a config error.
    static func of(_ node: ConfigNode) throws(CommandFailure) -> String {
        do {
            return try YAML.emit(node.yamlNode)
        } catch {
            throw CommandFailure(ConfigError(error.diagnostic))
        }
    }
}
