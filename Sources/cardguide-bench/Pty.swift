import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Monotonic wall time in nanoseconds (the pty measurements: another process does the work).
func wallNanos() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// The clock of the in-process measurements: wall time, or with CARDGUIDE_BENCH_CPU_TIME=1
/// this thread's CPU time, which a busy machine (other builds on the same cores) disturbs
/// far less: for comparing a change before and after, not for the report.
enum BenchClock {
    static let cpuTime =
        getenv("CARDGUIDE_BENCH_CPU_TIME").map { String(cString: $0) == "1" } ?? false
    static let id = cpuTime ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC
}

func nowNanos() -> UInt64 {
    var time = timespec()
    clock_gettime(BenchClock.id, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// Opens a pty pair with the C library's `openpty` and returns the master and the slave's
/// path. The slave descriptor is closed here: the child opens the path itself after `setsid`,
/// which makes the pty its controlling terminal.
private func openPseudoTerminal() -> (master: Int32, slave: String)? {
    var master: Int32 = -1
    var slave: Int32 = -1
    var path = [CChar](repeating: 0, count: Int(PATH_MAX))
    guard openpty(&master, &slave, &path, nil, nil) == 0 else { return nil }
    close(slave)
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    return (master, cString(path))
}

struct PtyError: Error, CustomStringConvertible {
    var description: String
}

/// One program running on the slave side of a fresh pty, as in a terminal of the given size.
/// Everything it writes is read from the master with the time each chunk arrived.
final class PtyProcess {
    let pid: pid_t
    let master: Int32
    /// When `posix_spawn` was called.
    let started: UInt64
    private(set) var exited = false
    private(set) var usage = rusage()
    private(set) var status: Int32 = 0

    /// glibc's POSIX_SPAWN_SETSID (declared only under _GNU_SOURCE): the child starts a new
    /// session, so opening the slave makes it the child's controlling terminal.
    private static let spawnSetSID: Int16 = 0x80

    init(
        executable: String, arguments: [String], environment: [String: String], columns: Int,
        rows: Int
    ) throws {
        guard let (master, slave) = openPseudoTerminal() else {
            throw PtyError(description: "cannot open a pseudo-terminal")
        }
        self.master = master
        var size = winsize(
            ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child gets an empty signal mask and default handlers whatever this process has.
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) | Self.spawnSetSID)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        started = wallNanos()
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            close(master)
            throw PtyError(
                description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        self.pid = pid
    }

    deinit {
        stop()
        close(master)
    }

    /// What one read pass collected: the bytes, and when the first and the last of them arrived.
    struct Burst {
        var bytes: [UInt8] = []
        var firstAt: UInt64?
        var lastAt: UInt64?
        /// When the collected bytes first contained the marker, if one was asked for.
        var markerAt: UInt64?
        var endOfInput = false
    }

    /// Reads until `quietMilliseconds` pass without a byte once something has arrived, or
    /// until `timeoutMilliseconds` pass with nothing at all. Time stamps are taken right after
    /// each `read` returns.
    func readBurst(quietMilliseconds: Int, timeoutMilliseconds: Int, marker: [UInt8]? = nil)
        -> Burst
    {
        var burst = Burst()
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = wallNanos() + UInt64(timeoutMilliseconds) * 1_000_000
        while true {
            var wait: Int
            if let last = burst.lastAt {
                let quietEnd = last + UInt64(quietMilliseconds) * 1_000_000
                let now = wallNanos()
                if now >= quietEnd { return burst }
                wait = Int((quietEnd - now + 999_999) / 1_000_000)
            } else {
                let now = wallNanos()
                if now >= deadline { return burst }
                wait = Int((deadline - now + 999_999) / 1_000_000)
            }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(wait))
            if ready < 0 {
                if errno == EINTR { continue }
                burst.endOfInput = true
                return burst
            }
            if ready == 0 { continue }
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            let at = wallNanos()
            if count <= 0 {
                if count < 0 && errno == EINTR { continue }
                // EIO: every slave descriptor is closed, the program has exited.
                burst.endOfInput = true
                return burst
            }
            burst.bytes.append(contentsOf: buffer[0..<count])
            if burst.firstAt == nil { burst.firstAt = at }
            burst.lastAt = at
            if let marker, burst.markerAt == nil, Self.contains(burst.bytes, marker) {
                burst.markerAt = at
            }
        }
    }

    /// Writes bytes as typed keys.
    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                write(master, $0.baseAddress, $0.count)
            }
            if written <= 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    /// Ends the program (SIGTERM, then SIGKILL after a second), drains its output, and
    /// collects its resource usage with wait4.
    func stop() {
        guard !exited else { return }
        sampleHighWater()
        kill(pid, SIGTERM)
        let deadline = wallNanos() + 1_000_000_000
        while !exited {
            _ = readBurst(quietMilliseconds: 5, timeoutMilliseconds: 20)
            if reap(block: false) { return }
            if wallNanos() > deadline {
                kill(pid, SIGKILL)
                _ = reap(block: true)
                return
            }
        }
    }

    /// Waits for the program to exit by itself (after a quit key), up to `timeoutMilliseconds`.
    func waitForExit(timeoutMilliseconds: Int) -> Bool {
        let deadline = wallNanos() + UInt64(timeoutMilliseconds) * 1_000_000
        while wallNanos() < deadline {
            _ = readBurst(quietMilliseconds: 5, timeoutMilliseconds: 20)
            if reap(block: false) { return true }
        }
        return false
    }

    private func reap(block: Bool) -> Bool {
        var status: Int32 = 0
        var usage = rusage()
        let result = wait4(pid, &status, block ? 0 : WNOHANG, &usage)
        guard result == pid else { return false }
        self.status = status
        self.usage = usage
        exited = true
        return true
    }

    /// Peak resident memory in KiB: the VmHWM the kernel keeps for the program's own
    /// address space, sampled just before it is told to stop. Not wait4's ru_maxrss: Linux
    /// carries the high-water mark across exec, and posix_spawn's child shares this (much
    /// larger) process's pages until its exec, so ru_maxrss reports this process's size for
    /// any small program it starts.
    private(set) var peakRSSKiB = 0

    /// Reads VmHWM from /proc/<pid>/status while the program runs.
    func sampleHighWater() {
        guard !exited,
            let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        else { return }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.dropFirst(6).filter(\.isNumber)
            peakRSSKiB = max(peakRSSKiB, Int(digits) ?? 0)
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }
}

/// The text of a NUL-terminated C buffer.
func cString(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
