import SweepConfig

/// Override text of plain values, as Hydra renders them.
enum OverrideValueText {
    /// A float as Hydra writes it (`0.001`, `1e-05`).
    static func float(_ x: Double) -> String {
        OverrideValue.float(x).hydraText
    }
}
