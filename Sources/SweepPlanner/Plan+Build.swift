import Collections
import Foundation
public import SweepConfig
import SweepYAML

extension Plan {
    /// Plans a sweep of `target` (a primary config, or a sweep file naming one) with
    /// command-line overrides, in Hydra's BasicSweeper order.
    ///
    /// The overrides are, in order: the `sweep.params` of the config and of the sweep file, the
    /// sweep file's `overrides`, then those of the command line. A repeated key keeps its first
    /// position and takes the later value, as in Hydra, so a command-line sweep replaces a file's.
    public init(
        target: String, overrides: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigError) {
        var configFile = target
        var fileOverrides: [String] = []
        var fileSweep: ConfigNode?
        if Self.isFile(target), let sweepFile = try SweepFile.load(target) {
            configFile = sweepFile.config
            fileOverrides = sweepFile.overrides ?? []
            fileSweep = sweepFile.sweep
        }
        let composer = Composer(configFile: configFile, environment: environment)
        if !Self.isFile(configFile) && !Self.isFile(configFile + ".yaml") {
            _ = try composer.compose(overrides: [])
        }
        var given: [Entry] = []
        var errors: [Diagnostic] = []
        for text in fileOverrides + overrides {
            do {
                given.append(Entry(override: try Override.parse(text)))
            } catch {
                errors += error.diagnostics
            }
        }
        if !errors.isEmpty { throw ConfigError(errors) }

        // The config's own `sweep:` section, composed with the overrides that are not sweeps.
        var sweepNode = ConfigNode.emptyMapping()
        if let base = try? composer.compose(overrides: given.map(\.override).filter { !$0.isSweep }),
            let section = base.config.child("sweep"), case .mapping = section.value
        {
            sweepNode = section
        }
        if let fileSweep { sweepNode.merge(fileSweep) }
        let settings = try SweepSettings(node: sweepNode)
        let builder = Builder(composer: composer, settings: settings, node: sweepNode)
        let shared = try builder.entries(settings.params, path: "sweep.params")

        if settings.sampler == .random {
            let (dimensions, repeats, count) = try builder.random(shared + given)
            self.init(
                configFile: configFile, composer: composer, settings: settings, grids: [],
                dimensions: dimensions, repeats: repeats, count: count)
            return
        }
        try builder.rejectRandomSettings()
        var grids: [Grid] = []
        if let subgrids = settings.grids {
            guard !subgrids.isEmpty else {
                throw builder.error(at: "grids", "sweep.grids is empty, so the sweep would have no cells")
            }
            for (index, node) in subgrids.enumerated() {
                let own = try builder.entries(node, path: "sweep.grids[\(index)]")
                grids.append(try builder.grid(shared + own + given))
            }
        } else {
            grids.append(try builder.grid(shared + given))
        }
        var total = 0
        for grid in grids {
            let (sum, overflow) = total.addingReportingOverflow(grid.count)
            if overflow { throw builder.tooMany() }
            total = sum
        }
        self.init(
            configFile: configFile, composer: composer, settings: settings, grids: grids, dimensions: [],
            repeats: settings.repeat ?? 1, count: total)
    }

    /// Whether a regular file exists at `path`.
    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
