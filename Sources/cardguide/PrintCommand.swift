import CardGuideCore
import CardGuideUI

#if canImport(Glibc)
import Glibc
#endif

/// Runs the desk's `--print-command` (for example `lp -d frontdesk`) through `/bin/sh -c`
/// with a written sheet on its standard input. Its output never reaches the screen the
/// guide is drawing: standard output goes to /dev/null, standard error is kept (its first
/// lines are reported). A command that hangs is ended after `timeout` seconds, so a stuck
/// printer queue cannot freeze a kiosk.
///
/// posix_spawn rather than Foundation's Process: Process would link all of Foundation and
/// ICU into the program (see the README's note on the binary's size).
struct PrintCommand {
    let command: String
    var timeout: Double = 20

    func run(input path: String) -> PrintOutcome {
        let input = open(path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return .notStarted(code: errno) }
        defer { close(input) }
        var errorPipe: [Int32] = [-1, -1]
        guard pipe(&errorPipe) == 0 else { return .notStarted(code: errno) }
        // Only the child's standard error may hold the write end, or the read never ends.
        for fd in errorPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)

        // The guide's own signal set-up is not the command's: default actions, nothing blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let arguments = ["sh", "-c", command]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &argv, environ)
        close(errorPipe[1])
        defer { close(errorPipe[0]) }
        guard spawned == 0 else { return .notStarted(code: spawned) }

        let (message, timedOut) = readErrors(errorPipe[0])
        if timedOut { kill(pid, SIGTERM) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        if timedOut || signal != 0 {
            return .killed(signal: timedOut ? SIGTERM : signal, timedOut: timedOut)
        }
        let code = (status >> 8) & 0xff
        return code == 0 ? .printed : .failed(status: code, message: message)
    }

    /// Standard error until the command closes it, at most 4 KiB kept, or until the timeout.
    private func readErrors(_ fd: Int32) -> (String, timedOut: Bool) {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        let deadline = Monotonic.now() + timeout
        while true {
            let left = deadline - Monotonic.now()
            if left <= 0 { return (Self.text(bytes), true) }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left, 1) * 1000) + 1)
            if ready < 0 && errno != EINTR { break }
            if ready <= 0 { continue }
            let count = read(fd, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            if bytes.count < 4096 { bytes += buffer[0..<count] }
        }
        return (Self.text(bytes), false)
    }

    /// The command's message on one line: control characters (a hostile or broken command
    /// could write escape sequences) become spaces, runs of space one, and what else could
    /// hide or reorder text (bidi overrides, zero-width) is escaped like every message.
    static func text(_ bytes: [UInt8]) -> String {
        let decoded = String(decoding: bytes.prefix(4096), as: UTF8.self)
        let flat = String(
            decoded.unicodeScalars.map {
                $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? " " : Character($0)
            })
        let words = flat.split(separator: " ", omittingEmptySubsequences: true)
        return TerminalText.escaped(words.joined(separator: " "))
    }
}

/// Seconds on the monotonic clock (the wall clock may jump while a job prints).
enum Monotonic {
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
