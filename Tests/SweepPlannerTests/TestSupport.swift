import Foundation
import SweepConfig
import SweepPlanner

/// Paths and scratch folders for the planner's tests.
enum TestSupport {
    /// The package root (for configs/ and sweeps/).
    static let packageRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// A fresh folder holding `files` (relative path → text).
    static func scratch(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("sweep-planner-tests-\(UUID().uuidString)").path
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return root
    }

    /// A small config tree: `main.yaml` with groups `opt` (adam, sgd) and keys lr, beta, seed.
    static let tree: [String: String] = [
        "main.yaml": """
        defaults:
          - opt: adam
          - _self_
        lr: 0.1
        beta: 1
        seed: 0
        batch_size: 32
        """,
        "opt/adam.yaml": "name: adam\n",
        "opt/sgd.yaml": "name: sgd\n",
    ]

    /// The error text of planning `overrides` over `target`, or nil when it plans.
    static func planError(_ target: String, _ overrides: [String]) -> String? {
        do {
            _ = try Plan(target: target, overrides: overrides, environment: [:])
            return nil
        } catch {
            return error.description
        }
    }

    /// The override lines of every cell.
    static func lines(_ plan: Plan) -> [[String]] {
        plan.cells.map(\.overrides)
    }
}
