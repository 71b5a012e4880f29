// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sweep",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sweep", targets: ["sweep"]),
        .executable(name: "sweep-train", targets: ["sweep-train"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        // C libraries, each in its own system-library target.
        .systemLibrary(
            name: "CYAML", pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .systemLibrary(
            name: "COpenBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]),

        // Vector kernels that need instructions beyond the baseline x86-64 (chosen at run time).
        .target(name: "CKernels"),

        // Pipeline stages.
        .target(name: "SweepYAML", dependencies: ["CYAML"]),
        .target(
            name: "SweepConfig",
            dependencies: [
                "SweepYAML",
                .product(name: "Collections", package: "swift-collections"),
            ]),
        .target(
            name: "SweepLauncher",
            dependencies: [
                "SweepConfig",
                "SweepYAML",
                .product(name: "Collections", package: "swift-collections"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]),
        .target(name: "SweepPlot", dependencies: ["CZlib"]),
        .target(
            name: "SweepResults",
            dependencies: [
                "SweepConfig",
                "SweepLauncher",
                "SweepPlot",
                "SweepYAML",
                .product(name: "Collections", package: "swift-collections"),
            ]),
        .target(name: "SweepTrainerConfig", dependencies: ["SweepConfig"]),
        .target(
            name: "SweepPlanner",
            dependencies: [
                "SweepConfig", "SweepTrainerConfig", "SweepYAML",
                .product(name: "Collections", package: "swift-collections"),
            ]),
        .target(
            name: "SweepTrainer",
            dependencies: ["SweepTrainerConfig", "SweepConfig", "SweepPlot", "COpenBLAS", "CZlib", "CKernels"]),

        // Executables.
        .executableTarget(
            name: "sweep",
            dependencies: [
                "SweepConfig",
                "SweepPlanner",
                "SweepResults",
                "SweepTrainerConfig",
                "SweepYAML",
                "SweepLauncher",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "sweep-train", dependencies: ["SweepTrainer", "SweepTrainerConfig", "SweepConfig", "SweepYAML"]),

        // Tests.
        .testTarget(name: "SweepYAMLTests", dependencies: ["SweepYAML"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "SweepConfigTests", dependencies: ["SweepConfig", "SweepYAML"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "SweepPlannerTests", dependencies: ["SweepPlanner", "SweepConfig"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "SweepPlotTests", dependencies: ["SweepPlot"]),
        .testTarget(
            name: "SweepLauncherTests",
            dependencies: [
                "SweepLauncher", "SweepConfig", "SweepYAML",
                .product(name: "Collections", package: "swift-collections"),
            ]),
        .testTarget(name: "SweepResultsTests", dependencies: ["SweepResults", "SweepPlot"]),
        .testTarget(name: "SweepTrainerTests", dependencies: ["SweepTrainer", "SweepTrainerConfig", "CKernels"]),
        .testTarget(name: "CLITests", dependencies: ["SweepPlot"]),
    ],
    swiftLanguageModes: [.v6]
)
