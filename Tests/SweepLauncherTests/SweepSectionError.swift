import Foundation
import SweepConfig
import SweepLauncher
import SweepYAML

/// The message of the config error that applying `yaml` as a `sweep:` section gives. The text is
/// read from a real file `vae.yaml` (so that the message quotes its line and puts a caret under the
/// value), whose folder is then removed from the message; "no error" when it applies.
func sweepSectionError(_ yaml: String) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-section-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("vae.yaml").path
    try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
    guard let parsed = try YAML.parse(contentsOf: path) else { return "empty" }
    var options = LaunchOptions(command: ["x"], projectDirectory: "/project")
    do {
        try options.apply(sweepSection: ConfigNode(yaml: parsed))
        return "no error"
    } catch {
        return error.description.replacingOccurrences(of: directory.path + "/", with: "")
    }
}
