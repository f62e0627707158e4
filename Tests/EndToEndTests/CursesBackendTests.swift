import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// `CursesTerminal` in a real terminal: the probe program (`cardguide-probe`, from
/// Tests/BackendProbe) runs inside tmux and the tests read the screen, the probe's files and
/// the terminal state tmux reports.
final class CursesBackendTests: XCTestCase {
    /// Starts the probe scenario and waits until its first screen shows.
    private func startProbe(
        _ scenario: String, ready: String, width: Int = 80, height: Int = 24,
        extra: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line
    ) throws -> TmuxHarness {
        let tmux = try TmuxHarness(testCase: self, width: width, height: height)
        var environment = ["CARDGUIDE_PROBE": scenario, "CARDGUIDE_PROBE_DIR": tmux.directory]
        environment.merge(extra) { $1 }
        try tmux.start(try TmuxHarness.productPath("cardguide-probe"), [], environment: environment)
        tmux.expect(text: ready, file: file, line: line)
        return tmux
    }

    private func probeFile(_ tmux: TmuxHarness, _ name: String) -> String {
        (try? String(contentsOfFile: tmux.directory + "/" + name, encoding: .utf8)) ?? ""
    }

    /// After the program ended: settings as before, main screen, cursor on, keypad off, no mouse.
    private func assertRestored(
        _ tmux: TmuxHarness, _ exit: TmuxHarness.Exit?, code: Int32,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let exit else {
            return XCTFail("the program did not end\n\(tmux.diagnostics())", file: file, line: line)
        }
        XCTAssertEqual(
            exit.code, code, "exit status\n\(tmux.diagnostics())", file: file, line: line)
        XCTAssertFalse(exit.sttyBefore.isEmpty, file: file, line: line)
        XCTAssertEqual(
            exit.sttyBefore, exit.sttyAfter, "terminal modes not restored", file: file, line: line)
        XCTAssertEqual(
            tmux.paneValue("alternate_on"), "0", "still on the alternate screen", file: file,
            line: line)
        XCTAssertEqual(
            tmux.paneValue("cursor_flag"), "1", "cursor left hidden", file: file, line: line)
        XCTAssertEqual(
            tmux.paneValue("keypad_cursor_flag"), "0", "keypad transmit mode left on", file: file,
            line: line)
        XCTAssertEqual(
            tmux.paneValue("keypad_flag"), "0", "application keypad left on", file: file, line: line
        )
        XCTAssertEqual(
            tmux.paneValue("mouse_any_flag"), "0", "mouse reporting left on", file: file, line: line
        )
    }

    // MARK: - Keys

    func testKeysDecodeAsTheTerminalSendsThem() throws {
        let tmux = try startProbe("keys", ready: "PROBE keys READY")
        let presses: [(send: [String], literal: Bool, expected: String)] = [
            (["Enter"], false, "Enter"),
            (["KPEnter"], false, "Enter"),
            (["BSpace"], false, "Bksp"),
            (["Up"], false, "Up"), (["Down"], false, "Down"), (["Left"], false, "Left"),
            (["Right"], false, "Right"),
            (["PPage"], false, "PgUp"), (["NPage"], false, "PgDn"),
            (["Home"], false, "Home"), (["End"], false, "End"),
            (["Tab"], false, "Tab"), (["BTab"], false, "S-Tab"),
            (["DC"], false, "Del"),
            (["F1"], false, "F1"), (["F5"], false, "F5"), (["F12"], false, "F12"),
            (["C-a"], false, "ctrl:a"), (["C-d"], false, "ctrl:d"),
            (["Escape"], false, "Esc"),
            (["中"], true, "char:中"), (["，"], true, "char:，"), (["é"], true, "char:é"),
            (["KP1"], false, "char:1"), (["KP+"], false, "char:+"),
            (["Space"], false, "char: "),
            (["x"], true, "char:x"),
        ]
        for (index, press) in presses.enumerated() {
            if press.literal {
                try tmux.send(text: press.send[0])
            } else {
                try tmux.send(keys: press.send[0])
            }
            tmux.expect(text: "EVENTS \(index + 1) \(press.expected) .", timeout: 5)
        }
        try tmux.send(text: "q")
        assertRestored(tmux, tmux.waitForExit(), code: 0)
        let events = probeFile(tmux, "events").components(separatedBy: "\n")
        XCTAssertEqual(events, presses.map(\.expected) + ["char:q"])
    }

    func testEscapeAloneIsQuick() throws {
        let tmux = try startProbe("keys", ready: "PROBE keys READY")
        let start = Date()
        try tmux.send(keys: "Escape")
        tmux.expect(text: "EVENTS 1 Esc .")
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertLessThan(elapsed, 0.25, "a lone Esc took \(Int(elapsed * 1000)) ms")
        try tmux.send(text: "q")
        assertRestored(tmux, tmux.waitForExit(), code: 0)
    }

    func testTimeoutGivesATickAndIdleUsesNoCPU() throws {
        let tmux = try startProbe("tick", ready: "PROBE tick DONE")
        let parts = probeFile(tmux, "tick").split(separator: " ")
        XCTAssertEqual(parts.first, "tick")
        if let elapsed = parts.last.flatMap({ Int($0) }) {
            XCTAssertGreaterThanOrEqual(elapsed, 140)
            XCTAssertLessThan(elapsed, 1_000)
        }
        // Blocked in get_wch: the probe's CPU time does not grow while nothing happens.
        if let pid = Int32(probeFile(tmux, "pid")) {
            let before = Self.cpuTicks(pid)
            usleep(400_000)
            let after = Self.cpuTicks(pid)
            XCTAssertLessThanOrEqual(after - before, 2, "CPU ticks while idle")
        } else {
            XCTFail("no pid from the probe")
        }
        try tmux.send(text: "q")
        assertRestored(tmux, tmux.waitForExit(), code: 0)
    }

    static func cpuTicks(_ pid: Int32) -> Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command: state is field 3; utime and stime are fields 14 and 15.
        return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }

    // MARK: - Drawing

    /// The grid's rows and the terminal's rows agree, wide characters and all, also after a
    /// diff that writes narrow characters over wide ones and wide over narrow.
    func testScreenMatchesTheGridIncludingCJKAndPartialUpdates() throws {
        let tmux = try startProbe("draw", ready: "STAGE 1")
        compare(tmux, expected: probeFile(tmux, "expected-1"))
        try tmux.send(keys: "Enter")
        tmux.expect(text: "STAGE 2")
        compare(tmux, expected: probeFile(tmux, "expected-2"))
        try tmux.send(keys: "Enter")
        assertRestored(tmux, tmux.waitForExit(), code: 0)
    }

    private func compare(
        _ tmux: TmuxHarness, expected: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let want = expected.components(separatedBy: "\n").map { Self.trimmed($0) }
        XCTAssertEqual(want.count, tmux.height, file: file, line: line)
        var got: [String] = []
        // The screen may lag a frame behind the file: poll until they agree.
        tmux.waitUntil(timeout: 3) { _ in
            got = ((try? tmux.screen()) ?? []).map { Self.trimmed($0) }
            while got.count < want.count { got.append("") }
            return got == want
        }
        for (row, (a, b)) in zip(want, got).enumerated() where a != b {
            XCTFail("row \(row) differs:\n grid:   |\(a)|\n screen: |\(b)|", file: file, line: line)
        }
    }

    static func trimmed(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }

    func testSelectedRoleIsReverseVideo() throws {
        for mono in [false, true] {
            let tmux = try startProbe(
                "draw", ready: "STAGE 1", extra: mono ? ["CARDGUIDE_PROBE_MONO": "1"] : [:])
            var styled = ""
            let reverse = tmux.waitUntil(timeout: 5) { _ in
                styled = (try? tmux.run(["capture-pane", "-p", "-e", "-t", "probe:0.0"])) ?? ""
                return styled.range(
                    of: "\u{1B}\\[[0-9;]*7m[^\u{1B}]*SEL", options: .regularExpression) != nil
            }
            XCTAssertTrue(
                reverse, "mono \(mono): no reverse video before SEL in \(styled.debugDescription)")
            try tmux.send(keys: "Enter")
            try tmux.send(keys: "Enter")
            assertRestored(tmux, tmux.waitForExit(), code: 0)
            tmux.tearDown()
        }
    }

    func testResizeReportsTheNewSizeAndRedrawsWhole() throws {
        let tmux = try startProbe("resize", ready: "SIZE 80x24")
        try tmux.resize(width: 40, height: 12)
        tmux.expect(text: "SIZE 40x12")
        XCTAssertEqual(probeFile(tmux, "last-resize"), "40x12")
        var rows = try tmux.screen()
        XCTAssertEqual(rows.count, 12)
        XCTAssertEqual(rows.last.map(Self.trimmed), "#" + String(repeating: " ", count: 36) + "终#")
        try tmux.resize(width: 100, height: 30)
        tmux.expect(text: "SIZE 100x30")
        rows = try tmux.screen()
        XCTAssertEqual(rows.count, 30)
        XCTAssertEqual(rows.last.map(Self.trimmed), "#" + String(repeating: " ", count: 96) + "终#")
        // Several at once: the last size wins.
        try tmux.resize(width: 50, height: 15)
        try tmux.resize(width: 61, height: 20)
        try tmux.resize(width: 45, height: 13)
        tmux.expect(text: "SIZE 45x13")
        XCTAssertEqual(try tmux.screen().count, 13)
        try tmux.send(text: "q")
        assertRestored(tmux, tmux.waitForExit(), code: 0)
    }

    func testPlainModeParksAVisibleCursor() throws {
        let tmux = try startProbe("plain", ready: "PLAIN cursor at 3,5")
        XCTAssertTrue(
            tmux.waitUntil(timeout: 2) { _ in
                tmux.paneValue("cursor_y") == "3" && tmux.paneValue("cursor_x") == "5"
            },
            "cursor at \(tmux.paneValue("cursor_y")),\(tmux.paneValue("cursor_x"))")
        XCTAssertEqual(tmux.paneValue("cursor_flag"), "1")
        try tmux.send(keys: "Enter")
        tmux.expect(text: "PLAIN cursor hidden")
        XCTAssertTrue(tmux.waitUntil(timeout: 2) { _ in tmux.paneValue("cursor_flag") == "0" })
        try tmux.send(text: "q")
        assertRestored(tmux, tmux.waitForExit(), code: 0)
    }

    // MARK: - Restoring the terminal on every exit path

    func testSignalsRestoreTheTerminalAndExitWith128PlusTheSignal() throws {
        for (signal, code) in [(SIGTERM, Int32(143)), (SIGHUP, 129), (SIGINT, 130), (SIGQUIT, 131)]
        {
            let tmux = try startProbe("wait", ready: "PROBE wait READY")
            guard let pid = Int32(probeFile(tmux, "pid")) else { return XCTFail("no pid") }
            XCTAssertEqual(
                tmux.paneValue("alternate_on"), "1", "the probe should be on the alternate screen")
            kill(pid, signal)
            assertRestored(tmux, tmux.waitForExit(), code: code)
            tmux.tearDown()
        }
    }

    func testControlCRestoresTheTerminal() throws {
        let tmux = try startProbe("wait", ready: "PROBE wait READY")
        try tmux.send(keys: "C-c")
        assertRestored(tmux, tmux.waitForExit(), code: 130)
    }

    /// A Swift trap (fatalError: SIGILL) with the screen up: the terminal is restored, the
    /// backtracer still runs (its report and the fatal error land in the log), and the
    /// status is the crash's.
    func testCrashRestoresTheTerminalAndKeepsTheMessageInTheLog() throws {
        let tmux = try startProbe("crash", ready: "PROBE crash READY")
        try tmux.send(keys: "Enter")
        let exit = tmux.waitForExit(timeout: 30)
        assertRestored(tmux, exit, code: 128 + SIGILL)
        let log = tmux.appLog()
        XCTAssertTrue(log.contains("Fatal error: probe crash on purpose"), "log:\n\(log)")
        XCTAssertTrue(log.contains("Program crashed"), "no backtrace in the log:\n\(log)")
        // After the reset, the terminal says where the message went (rows joined: it wraps).
        let screen = ((try? tmux.screen()) ?? []).joined()
        XCTAssertTrue(
            screen.contains("the message is in \(tmux.stateHome)/cardguide/cardguide.log"), screen)
    }

    /// A crash signal sent from outside (not a fault): handled, restored, re-raised.
    func testSegvFromOutsideRestoresTheTerminal() throws {
        let tmux = try startProbe("wait", ready: "PROBE wait READY")
        guard let pid = Int32(probeFile(tmux, "pid")) else { return XCTFail("no pid") }
        kill(pid, SIGSEGV)
        assertRestored(tmux, tmux.waitForExit(timeout: 30), code: 128 + SIGSEGV)
    }
}
