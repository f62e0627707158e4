import CCurses
import CardGuideStorage

#if canImport(Glibc)
import Glibc
#endif

/// The Swift side of the terminal guard: arms the C signal handlers once the screen is up
/// and sends stderr to a log file meanwhile, so a crash's `Fatal error:` line and backtrace
/// survive the alternate screen. A process cannot report its own crash after the fact, so
/// the app prints `logPath` on the abnormal exits it controls.
public final class TerminalGuard {
    /// Where stderr goes while the screen is up (nil: stderr is left alone).
    public let logPath: String?
    private var savedStderr: Int32 = -1
    private var armed = false

    /// Logs larger than this are started afresh.
    static let maximumLogBytes = 1 << 20

    public init(logPath: String?) {
        self.logPath = logPath
    }

    /// Call after ncurses has started: installs the handlers (replacing ncurses' own for
    /// INT, TERM, HUP, QUIT) and redirects stderr.
    public func arm() {
        guard !armed else { return }
        armed = true
        ccurses_guard_install()
        redirectStderr()
    }

    /// Call right after `endwin`: the handlers stop writing the reset string, and stderr
    /// goes back to the terminal.
    public func disarm() {
        guard armed else { return }
        armed = false
        ccurses_guard_disarm()
        ccurses_guard_set_crash_note(nil)
        if savedStderr >= 0 {
            dup2(savedStderr, 2)
            close(savedStderr)
            savedStderr = -1
        }
    }

    private func redirectStderr() {
        guard let logPath, OwnedFile.makePrivateDirectories(PathText.folder(of: logPath))
        else { return }
        // A link or someone else's file planted as the log is refused, never written or cut.
        let log = OwnedFile.openLog(logPath, restartAbove: Self.maximumLogBytes)
        guard log >= 0 else { return }
        savedStderr = fcntl(2, F_DUPFD_CLOEXEC, 3)
        if savedStderr < 0 || dup2(log, 2) < 0 {
            if savedStderr >= 0 { close(savedStderr) }
            savedStderr = -1
        } else {
            let line = "cardguide \(getpid()): screen started\n"
            _ = line.withCString { write(2, $0, strlen($0)) }
            ccurses_guard_set_crash_note(
                "cardguide stopped because of an internal error; the message is in \(logPath)\n")
        }
        close(log)
    }
}
