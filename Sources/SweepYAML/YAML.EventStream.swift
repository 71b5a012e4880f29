internal import CYAML
import Foundation
import Synchronization

extension YAML {
    /// libyaml's events, one at a time, for `Parser` to consume.
    ///
    /// On a large input libyaml runs on a thread of its own, a few chunks of events ahead, so that
    /// scanning the text and building the tree overlap on two cores. The events and their order are
    /// the same either way. The threads meet only once per chunk, and block (never spin) while the
    /// other is behind.
    final class EventStream: @unchecked Sendable {
        /// How a parse gets its events.
        enum Mode: Sendable {
            /// A second thread for an input of at least `pipelineThreshold` bytes.
            case automatic
            /// libyaml on the consumer's thread.
            case serial
            /// libyaml on a second thread, handing over `chunkSize` events at a time.
            case pipelined(chunkSize: Int)
        }

        /// Inputs at least this large (in bytes) are parsed on a second thread.
        static let pipelineThreshold = 1 << 20
        /// Events per chunk by default, and chunks in flight.
        static let defaultChunkSize = 1024
        static let chunkCount = 8

        private let parser: UnsafeMutablePointer<yaml_parser_t>
        /// One slot when serial; `chunkCount` chunks of `chunkSize` libyaml events when pipelined.
        private let events: UnsafeMutablePointer<yaml_event_t>
        /// How many events the producer wrote into each chunk (libyaml's memory, which the producer
        /// frees when it refills the chunk, or `close` when the stream ends).
        private let counts: UnsafeMutablePointer<Int>
        private let pipelined: Bool
        /// Events per chunk (0 when serial).
        private let chunkSize: Int

        /// The events per chunk for an input of `size` bytes, or 0 for a serial parse.
        static func chunkSize(size: Int, mode: Mode) -> Int {
            switch mode {
            case .automatic: return size >= pipelineThreshold ? defaultChunkSize : 0
            case .serial: return 0
            case .pipelined(let events): return max(1, events)
            }
        }

        /// The consumer's place: the chunk it reads, the next event in it, and how many it holds.
        private var chunk = -1
        private var position = 0
        private var available = 0

        private let filled = DispatchSemaphore(value: 0)
        /// Counts the empty chunks. Created at 0 and signalled up: libdispatch traps when a semaphore
        /// is freed below the value it was created with, which an early stop would leave.
        private let free = DispatchSemaphore(value: 0)
        private let finished = DispatchSemaphore(value: 0)
        private let cancelled = Atomic<Bool>(false)
        private var running = false
        /// Whether the serial slot holds an event not yet freed.
        private var holdsEvent = false

        /// A stream over an initialised parser whose input (`size` bytes) is set; starts the second
        /// thread when `mode` asks for it.
        init(parser: UnsafeMutablePointer<yaml_parser_t>, size: Int, mode: Mode) {
            self.parser = parser
            chunkSize = Self.chunkSize(size: size, mode: mode)
            pipelined = chunkSize > 0
            let capacity = pipelined ? chunkSize * Self.chunkCount : 1
            events = .allocate(capacity: capacity)
            events.initialize(repeating: yaml_event_t(), count: capacity)
            counts = .allocate(capacity: Self.chunkCount)
            counts.initialize(repeating: 0, count: Self.chunkCount)
            if pipelined {
                for _ in 0..<Self.chunkCount { free.signal() }
                running = true
                let thread = Thread { [self] in produce() }
                thread.name = "sweep-yaml-scanner"
                thread.start()
            }
        }

        deinit {
            close()
            events.deallocate()
            counts.deallocate()
        }

        /// The next event, valid until the next call (the stream frees it); nil when libyaml failed,
        /// its error then readable from the parser.
        func next() -> UnsafeMutablePointer<yaml_event_t>? {
            guard pipelined else {
                if holdsEvent { yaml_event_delete(events) }
                holdsEvent = yaml_parser_parse(parser, events) == 1
                return holdsEvent ? events : nil
            }
            if position == available {
                if chunk >= 0 {
                    // A chunk that ends before it is full ends in libyaml's error (or the stream's end,
                    // after which the consumer asks for nothing more).
                    if available < chunkSize { return nil }
                    free.signal()
                }
                filled.wait()
                chunk = (chunk + 1) % Self.chunkCount
                position = 0
                available = counts[chunk]
                if available == 0 { return nil }
            }
            position += 1
            return events + chunk * chunkSize + position - 1
        }

        /// The producer: fills chunks until the stream ends, libyaml fails, or the consumer stops.
        /// It frees a chunk's old events as it refills it, so that libyaml's allocations are made
        /// and freed on one thread (freeing across threads would contend for malloc's locks), and
        /// each slot's old event just before its new one (so that malloc reuses what was just
        /// freed, from its per-thread cache, instead of freeing a thousand events in a burst).
        private func produce() {
            var index = 0
            while true {
                free.wait()
                if cancelled.load(ordering: .acquiring) { break }
                // Deleting a slot that holds no event (never filled, or already deleted) is a
                // no-op: libyaml zeroes what it deletes, and a zeroed event owns nothing.
                let base = events + index * chunkSize
                var count = 0
                var done = false
                while count < chunkSize {
                    yaml_event_delete(base + count)
                    guard yaml_parser_parse(parser, base + count) == 1 else {
                        done = true
                        break
                    }
                    count += 1
                    if base[count - 1].type == YAML_STREAM_END_EVENT {
                        done = true
                        break
                    }
                }
                // Old events past where this chunk stopped (libyaml failed, or the stream ended).
                for i in count..<max(count, counts[index]) { yaml_event_delete(base + i) }
                counts[index] = count
                filled.signal()
                if done { break }
                index = (index + 1) % Self.chunkCount
            }
            finished.signal()
        }

        /// Stops the producer (if it still runs) and frees every event it made.
        func close() {
            if holdsEvent {
                yaml_event_delete(events)
                holdsEvent = false
            }
            guard running else { return }
            running = false
            cancelled.store(true, ordering: .releasing)
            free.signal()
            finished.wait()
            for index in 0..<Self.chunkCount {
                for i in 0..<counts[index] { yaml_event_delete(events + index * chunkSize + i) }
                counts[index] = 0
            }
        }
    }
}
