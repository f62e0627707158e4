import CCurses
import CardGuideUI

#if canImport(Glibc)
import Glibc
#endif

/// The real terminal: ncursesw behind the `TerminalBackend` protocol.
public final class CursesTerminal: TerminalBackend {
    /// True when a UTF-8 LC_CTYPE is active (after falling back to C.UTF-8 if needed):
    /// CJK text and wide characters can be drawn.
    public let isUTF8: Bool
    /// True when the user's own locale settings name UTF-8. When false, the terminal may
    /// not be UTF-8 either: prefer ASCII borders and chrome.
    public let environmentIsUTF8: Bool
    /// Where stderr goes while the screen is up; print it after an abnormal exit.
    public var logPath: String? { terminalGuard.logPath }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let writer: Writer
    private let terminalGuard: TerminalGuard
    private var decoder = KeyDecoder()
    private var cursorVisible: Bool?
    private var isShutDown = false

    /// How long to wait for the rest of an escape sequence after ESC (ncurses has already
    /// waited its escape delay for the sequences it knows).
    static let sequenceTimeoutMilliseconds: Int32 = 10

    /// True when stdin and stdout are both terminals.
    public static func hasTerminal() -> Bool { ccurses_has_terminal() != 0 }

    public init(options: CursesOptions) throws {
        guard Self.hasTerminal() else { throw CursesError.notATerminal }

        ccurses_unblock_signals()
        let locale = ccurses_setup_locale()
        environmentIsUTF8 = locale & 1 != 0
        isUTF8 = locale & 2 != 0
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        _ = ccurses_save_termios()
        _ = ccurses_set_escdelay(25)

        guard let screen = ccurses_newterm(), let window = ccurses_stdscr() else {
            throw CursesError.unknownTerminal(term)
        }
        // A terminal that cannot place the cursor would show a blank screen while keys act.
        guard ccurses_can_address_cursor() != 0 else {
            _ = endwin()
            delscreen(screen)
            throw CursesError.cannotAddressCursor(term)
        }
        self.screen = screen
        self.window = window

        // raw() is cbreak() without ISIG and IXON; ncurses keeps it across a suspend or endwin.
        _ = options.keyboardSignals ? cbreak() : raw()
        _ = noecho()
        _ = nonl()
        _ = keypad(window, true)
        _ = intrflush(window, false)
        if !options.plain {
            _ = curs_set(0)
            cursorVisible = false
        }

        var mode: ThemeMode = .mono
        var codePair: Int16?
        // Colours are started in the mono theme too, for the QR code's black and white only
        // (CodeColors); every other role keeps the terminal's own colours (pair 0, default).
        if has_colors(), start_color() == CCURSES_OK, use_default_colors() == CCURSES_OK {
            if !options.mono {
                for color in TerminalColor.allCases {
                    _ = init_pair(color.rawValue, color.rawValue, -1)
                }
                mode = .color
            }
            let paper = CodeColors.paper(colors: ccurses_colors())
            if init_pair(CodeColors.pair, CodeColors.ink, paper) == CCURSES_OK {
                codePair = CodeColors.pair
            }
        }
        // Not a UTF-8 terminal: only ASCII reaches it.
        writer = Writer(
            window: window, mode: mode, asciiOnly: !environmentIsUTF8,
            codePair: codePair)
        if options.mouse { _ = ccurses_mouse_on() }

        terminalGuard = TerminalGuard(logPath: options.logPath)
        terminalGuard.arm()
        _ = ccurses_resize_watch_install()
    }

    deinit {
        shutdown()
        delscreen(screen)
    }

    public var size: Size {
        Size(width: Int(ccurses_cols(window)), height: Int(ccurses_lines(window)))
    }

    /// Reads what ncurses has (non-blocking), and otherwise waits in poll() on the terminal
    /// and the resize pipe: no CPU while idle, and a resize wakes it whenever it happens.
    public func nextEvent(timeoutMilliseconds: Int?) -> InputEvent? {
        let deadline = timeoutMilliseconds.map { Self.now() + max(0, $0) }
        var emptyWakeups = 0
        while true {
            if let pending = decoder.takePending() {
                if let event = decode(pending) { return event }
                continue
            }
            if ccurses_take_resize() != 0 { return .resize(size) }
            let input = read(timeout: 0)
            if input != .none {
                emptyWakeups = 0
                if let event = decode(input) { return event }
                continue
            }
            let wait = deadline.map { Int32(clamping: max(0, $0 - Self.now())) } ?? -1
            if wait == 0 { return .tick }
            let ready = ccurses_wait_input(wait)
            if ready == 0 { continue } // timed out: the next turn returns .tick
            if ready < 0 {
                if errno == EINTR { continue }
                return nil
            }
            // The terminal is readable but ncurses reads nothing: end of input or hang-up.
            if ready & 2 == 0 {
                emptyWakeups += 1
                if emptyWakeups > 100 { return nil }
            }
        }
    }

    private func decode(_ input: RawInput) -> InputEvent? {
        switch decoder.decode(
            input, readFollowing: { read(timeout: Self.sequenceTimeoutMilliseconds) })
        {
        case .key(let key): return .key(key)
        case .resize: return .resize(size)
        case .mouse: return Self.mouseEvent()
        case .ignored: return nil
        }
    }

    public func present(_ runs: [GridRun], fullRepaint: Bool, cursor: Position?) {
        guard !isShutDown else { return }
        if fullRepaint {
            _ = werase(window)
            _ = clearok(window, true)
        }
        writer.write(runs)
        if let cursor {
            _ = wmove(window, Int32(cursor.row), Int32(cursor.column))
            setCursor(visible: true)
        } else {
            setCursor(visible: false)
        }
        _ = wnoutrefresh(window)
        _ = doupdate()
    }

    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        setCursor(visible: true)
        _ = endwin()
        terminalGuard.disarm()
    }

    private func setCursor(visible: Bool) {
        guard cursorVisible != visible else { return }
        cursorVisible = visible
        _ = curs_set(visible ? 1 : 0)
    }

    private func read(timeout: Int32) -> RawInput {
        wtimeout(window, timeout)
        var value: wint_t = 0
        switch wget_wch(window, &value) {
        case Int32(CCURSES_KEY_CODE_YES): return .keyCode(Int32(bitPattern: value))
        case Int32(CCURSES_OK): return .character(value)
        default: return .none
        }
    }

    private static func mouseEvent() -> InputEvent? {
        var row: Int32 = 0
        var column: Int32 = 0
        let kind: MouseEvent.Kind
        switch ccurses_mouse_event(&row, &column) {
        case Int32(CCURSES_MOUSE_CLICK): kind = .click
        case Int32(CCURSES_MOUSE_WHEEL_UP): kind = .wheelUp
        case Int32(CCURSES_MOUSE_WHEEL_DOWN): kind = .wheelDown
        default: return nil
        }
        return .mouse(MouseEvent(kind, row: Int(row), column: Int(column)))
    }

    private static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec * 1000 + time.tv_nsec / 1_000_000
    }
}
