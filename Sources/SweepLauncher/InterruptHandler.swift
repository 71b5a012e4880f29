import Dispatch
import Synchronization

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Turns SIGINT, SIGTERM and SIGHUP to the orchestrator into calls of a closure (with how many
/// such signals have arrived so far) instead of death; ``cancelling(_:)`` wires them to a
/// launcher: the first cancels gracefully, any later one kills at once.
public final class InterruptHandler: Sendable {
    private let sources: Mutex<[any DispatchSourceSignal]>
    private let signals: [Int32]

    /// SIGINT, SIGTERM and SIGHUP: the signals that stop a sweep.
    public static var orchestratorSignals: [Int32] { [SIGINT, SIGTERM, SIGHUP] }

    /// Installs the handler for `signals`; `onInterrupt` receives the signal and its 1-based count.
    public init(
        signals: [Int32] = InterruptHandler.orchestratorSignals,
        onInterrupt: @escaping @Sendable (_ signal: Int32, _ count: Int) -> Void
    ) {
        self.signals = signals
        let count = Mutex(0)
        let queue = DispatchQueue(label: "sweep.interrupts")
        var installed: [any DispatchSourceSignal] = []
        for number in signals {
            _ = signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                let arrived = count.withLock { value -> Int in
                    value += 1
                    return value
                }
                onInterrupt(number, arrived)
            }
            source.resume()
            installed.append(source)
        }
        sources = Mutex(installed)
    }

    /// A handler that cancels `launcher` on the first signal and forces it on any later one;
    /// `onInterrupt` is called first (for example to print what happens).
    public static func cancelling(
        _ launcher: Launcher, onInterrupt: @escaping @Sendable (_ signal: Int32, _ count: Int) -> Void = { _, _ in }
    ) -> InterruptHandler {
        InterruptHandler { signal, count in
            onInterrupt(signal, count)
            Task { await launcher.cancel(force: count > 1) }
        }
    }

    /// Removes the handler and restores the default action of its signals.
    public func remove() {
        sources.withLock { list in
            for source in list { source.cancel() }
            list = []
        }
        for number in signals { _ = signal(number, SIG_DFL) }
    }
}
