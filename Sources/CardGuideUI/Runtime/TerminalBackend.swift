/// What the run loop needs from a terminal. The ncurses backend implements it for real;
/// `TestBackend` implements it in memory for tests.
public protocol TerminalBackend: AnyObject {
    /// The terminal's current size in columns and rows.
    var size: Size { get }

    /// Blocks until a key or a resize arrives, or until `timeoutMilliseconds` pass (then
    /// `.tick`). `nil` waits forever: no CPU is used while idle. Returns nil at end of input.
    func nextEvent(timeoutMilliseconds: Int?) -> InputEvent?

    /// Writes the changed runs and shows the frame. `fullRepaint` asks for the whole screen
    /// to be cleared and redrawn (after a resize). `cursor` is where to park the real cursor
    /// (plain mode, for screen readers); nil hides it.
    func present(_ runs: [GridRun], fullRepaint: Bool, cursor: Position?)

    /// Restores the terminal. Safe to call more than once.
    func shutdown()
}
