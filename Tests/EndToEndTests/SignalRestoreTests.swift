import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Issue 13, point 7: SIGUSR1, SIGALRM, SIGXCPU and others left the alternate screen on, the
/// cursor hidden and the tty modes changed. Every signal whose default ends the process now
/// restores the terminal first (same `stty -g` before and after); SIGPIPE and SIGXFSZ are
/// ignored, so a write that fails is a failed save instead of a dead program.
final class SignalRestoreTests: XCTestCase {
    /// Each signal in its own guide: it ends with 128 + the signal, the terminal as it was.
    func testEverySignalThatEndsTheProgramRestoresTheTerminal() throws {
        var signals = [
            SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGVTALRM,
            SIGPROF,
            SIGIO, SIGSYS,
        ]
        #if os(Linux)
        signals += [SIGSTKFLT, SIGPWR]
        #endif
        for signal in signals {
            let app = try AppDriver(self, [], ready: ["选择国家"])
            app.settled()
            app.signal(signal)
            let exit = app.assertExit(code: 128 + signal)
            XCTAssertNotNil(exit, "signal \(signal)")
            app.tmux.tearDown()
        }
    }

    func testPipeAndFileSizeSignalsAreIgnored() throws {
        let app = try AppDriver(self, [], ready: ["选择国家", "> 中国"])
        app.signal(SIGPIPE)
        app.signal(SIGXFSZ)
        try app.press("Down", expect: ["> 德国"])
        XCTAssertTrue(app.isRunning)
        try app.press("q", expect: ["APP-EXIT="])
        app.assertExit(code: 0)
    }
}
