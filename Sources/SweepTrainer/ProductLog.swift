/// The matrix products a run executes, counted when asked (`SWEEP_TRAIN_PRODUCTS=1`): their
/// floating-point operations (2·m·n·k each) and the time spent in them. The trainer skips zero
/// inputs and units that are off, so this is the work it actually does, and its rate.
final class ProductLog {
    /// Floating-point operations so far.
    private(set) var flop = 0.0
    /// Seconds spent in the products so far.
    private(set) var seconds = 0.0

    /// Runs `product`, counting its `flop` operations and its time.
    func record(flop: Double, _ product: () -> Void) {
        let start = ContinuousClock.now
        product()
        seconds += (ContinuousClock.now - start).seconds
        self.flop += flop
    }
}
