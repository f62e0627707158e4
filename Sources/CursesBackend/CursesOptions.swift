#if canImport(Glibc)
import Glibc
#endif

/// How the ncurses backend starts.
public struct CursesOptions: Sendable {
    /// Attributes only, no colour (also chosen when the terminal has no colours).
    public var mono: Bool
    /// Screen-reader mode: the real cursor stays visible and rests where `present` parks it.
    public var plain: Bool
    /// Where stderr goes while the screen is up, so a crash's message survives the
    /// alternate screen. nil leaves stderr alone.
    public var logPath: String?
    /// False for a kiosk: the keyboard then generates no signal (Ctrl-C, Ctrl-\, Ctrl-Z arrive
    /// as keys) and no flow control (Ctrl-S cannot freeze the screen and stall the idle
    /// reset). Signals sent from outside (SIGTERM, SIGHUP) still end the program cleanly.
    public var keyboardSignals: Bool
    /// Clicks and the wheel are reported (`--no-mouse` turns them off, for the terminal's
    /// own selection).
    public var mouse: Bool

    public init(
        mono: Bool = false, plain: Bool = false,
        logPath: String? = nil, keyboardSignals: Bool = true,
        mouse: Bool = false
    ) {
        self.mono = mono
        self.plain = plain
        self.logPath = logPath
        self.keyboardSignals = keyboardSignals
        self.mouse = mouse
    }
}

/// Why the screen could not start.
public enum CursesError: Error, CustomStringConvertible, Sendable {
    /// stdin or stdout is not a terminal.
    case notATerminal
    /// ncurses does not know the terminal type (TERM).
    case unknownTerminal(String)
    /// The terminal cannot move the cursor (TERM=dumb): no full screen is possible.
    case cannotAddressCursor(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input and output must be a terminal"
        case .unknownTerminal(let term):
            return "cannot use terminal type '\(term)' (is TERM set correctly?)"
        case .cannotAddressCursor(let term):
            return "this terminal (TERM=\(term)) cannot move the cursor: no full screen is possible"
        }
    }
}
