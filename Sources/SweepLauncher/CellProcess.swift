import Subprocess
internal import SystemPackage

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// One attempt of one cell: the trainer started without a shell in its own process group, its
/// output appended to `stdout.log` / `stderr.log` (never held in memory), a timeout that kills the
/// whole group (SIGTERM, then SIGKILL after a grace period).
struct CellProcess: Sendable {
    /// The program to execute (absolute path).
    var executable: String
    /// Its arguments.
    var arguments: [String]
    /// Variables set on top of the inherited environment.
    var environment: [String: String]
    /// The cell's run directory (working directory, log files).
    var runDirectory: String
    /// The time limit of the attempt.
    var timeout: Duration?
    /// The time between SIGTERM and SIGKILL.
    var killGrace: Duration

    /// Runs the attempt; `onStart` is called with the pid once the process exists.
    func run(attempt number: Int, onStart: @Sendable (Int32) async -> Void) async -> Attempt {
        let stdoutPath = Paths.join(runDirectory, "stdout.log")
        let stderrPath = Paths.join(runDirectory, "stderr.log")
        let flags = O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC
        let outFD = open(stdoutPath, flags, 0o644)
        guard outFD >= 0 else {
            return failure("cannot open '\(stdoutPath)': \(SystemError.describe(errno))")
        }
        let errFD = open(stderrPath, flags, 0o644)
        guard errFD >= 0 else {
            close(outFD)
            return failure("cannot open '\(stderrPath)': \(SystemError.describe(errno))")
        }
        if number > 1 {
            let header = Array("--- sweep: attempt \(number) ---\n".utf8)
            try? AtomicFile.writeAll(outFD, header, path: stdoutPath)
            try? AtomicFile.writeAll(errFD, header, path: stderrPath)
        }
        let stderrStart = Int(lseek(errFD, 0, SEEK_END))

        var updates: [Environment.Key: String?] = [:]
        for (name, value) in environment {
            guard let key = Environment.Key(rawValue: name) else {
                close(outFD)
                close(errFD)
                return failure("invalid environment variable name '\(name)'")
            }
            updates[key] = value
        }
        var platform = PlatformOptions()
        platform.processGroupID = 0  // a new group whose id is the child's pid

        let grace = killGrace
        let limit = timeout
        do {
            let result = try await Subprocess.run(
                .path(FilePath(executable)),
                arguments: Arguments(arguments),
                environment: .inherit.updating(updates),
                workingDirectory: FilePath(runDirectory),
                platformOptions: platform,
                input: .none,
                output: .fileDescriptor(FileDescriptor(rawValue: outFD), closeAfterSpawningProcess: true),
                error: .fileDescriptor(FileDescriptor(rawValue: errFD), closeAfterSpawningProcess: true)
            ) { execution -> Task<Bool, Never>? in
                let pid = execution.processIdentifier.value
                await onStart(pid)
                guard let limit else { return nil }
                return Task {
                    do { try await Task.sleep(for: limit) } catch { return false }
                    ProcessGroups.signal(pid, SIGTERM)
                    try? await Task.sleep(for: grace)
                    ProcessGroups.signal(pid, SIGKILL)
                    return true
                }
            }
            let pid = result.processIdentifier.value
            // Whatever the trainer left in its group (children ignoring SIGTERM) goes with it.
            ProcessGroups.signal(pid, SIGKILL)
            var timedOut = false
            if let watchdog = result.closureResult {
                watchdog.cancel()
                timedOut = await watchdog.value
            }
            let ending: Ending
            switch result.terminationStatus {
            case .exited(let code): ending = .exited(code)
            case .signaled(let signal): ending = .signaled(signal)
            }
            return Attempt(
                ending: ending, timedOut: timedOut, pid: pid,
                stderrTail: StderrTail.lines(of: stderrPath, after: stderrStart))
        } catch {
            return failure("cannot start '\(executable)': \(error)")
        }
    }

    private func failure(_ message: String) -> Attempt {
        Attempt(ending: .notStarted(message), timedOut: false, pid: nil, stderrTail: [])
    }
}
