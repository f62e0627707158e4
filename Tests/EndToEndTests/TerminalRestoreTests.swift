import Foundation
import XCTest

/// The `cardguide` binary in a real terminal (tmux) and without one.
final class TerminalRestoreTests: XCTestCase {
    func testHelpExitsZeroAndLeavesTheTerminalAsItWas() throws {
        let binary = try TmuxHarness.cardguideBinary()
        // Tall enough for the whole text: the guide's own options follow the commands.
        let tmux = try TmuxHarness(testCase: self, width: 80, height: 90)
        try tmux.start(binary, ["--help"])
        guard let exit = tmux.waitForExit() else {
            return XCTFail("no exit\n\(tmux.diagnostics())")
        }
        XCTAssertEqual(exit.code, 0, tmux.diagnostics())
        XCTAssertFalse(exit.sttyBefore.isEmpty, "the wrapper did not record the terminal settings")
        XCTAssertEqual(exit.sttyBefore, exit.sttyAfter, "terminal settings changed")
        let screen = tmux.screenText()
        XCTAssertTrue(screen.contains("USAGE: cardguide"), screen)
        XCTAssertTrue(screen.contains("list"), screen)
        for option in ["--lang", "--kiosk", "--no-mouse", "--plain"] {
            XCTAssertTrue(
                screen.contains(option), "--help does not show the guide's \(option)\n\(screen)")
        }
    }

    func testListPrintsTheContentInTheTerminal() throws {
        let binary = try TmuxHarness.cardguideBinary()
        let tmux = try TmuxHarness(testCase: self, width: 100, height: 50)
        try tmux.start(binary, ["list"])
        guard let exit = tmux.waitForExit() else {
            return XCTFail("no exit\n\(tmux.diagnostics())")
        }
        XCTAssertEqual(exit.code, 0, tmux.diagnostics())
        XCTAssertEqual(exit.sttyBefore, exit.sttyAfter)
        let screen = tmux.screenText()
        XCTAssertTrue(screen.contains("中国 [cn]"), screen)
        XCTAssertTrue(screen.contains("[cn-card]"), screen)
    }

    /// A broken pack stops the guide before the screen is taken over: its problems are listed
    /// in the terminal as it was, and the exit status is 1.
    func testABrokenPackIsListedAfterTheTerminalIsRestored() throws {
        let binary = try TmuxHarness.cardguideBinary()
        let folder = NSTemporaryDirectory() + "cg-broken-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("{\"schemaVersion\": 1,\n".utf8).write(
            to: URL(fileURLWithPath: folder + "/broken.json"))
        let tmux = try TmuxHarness(testCase: self, width: 100, height: 30)
        try tmux.start(binary, ["--content", folder])
        guard let exit = tmux.waitForExit() else {
            return XCTFail("no exit\n\(tmux.diagnostics())")
        }
        XCTAssertEqual(exit.code, 1, tmux.diagnostics())
        XCTAssertEqual(exit.sttyBefore, exit.sttyAfter, "terminal settings changed")
        let screen = tmux.screenText()
        XCTAssertTrue(screen.contains("broken.json"), screen)
        XCTAssertTrue(screen.contains("not valid JSON"), screen)
        XCTAssertTrue(screen.contains("has 2 problem(s)"), screen)
        XCTAssertTrue(screen.contains("run 'cardguide validate --content"), screen)
    }

    /// Without a terminal the guide cannot start: exit status 2 and a pointer to the commands
    /// that work in pipes and scripts.
    func testWithoutATerminalItExitsTwoAndNamesListAndExport() throws {
        let binary = try TmuxHarness.cardguideBinary()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = []
        var environment = ProcessInfo.processInfo.environment
        let state = NSTemporaryDirectory() + "cg-notty-" + UUID().uuidString
        environment["XDG_STATE_HOME"] = state
        environment["XDG_CACHE_HOME"] = state
        environment["SWIFT_BACKTRACE"] = "interactive=no"
        environment["LANG"] = "C.UTF-8"
        process.environment = environment
        defer { try? FileManager.default.removeItem(atPath: state) }
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try TmuxHarness.withSignalsUnblocked { try process.run() }
        try input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { usleep(1_000) }
        if process.isRunning {
            process.terminate()
            return XCTFail("cardguide without a terminal did not exit within 20 s")
        }
        let text =
            String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            + String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 2, "output: \(text)")
        XCTAssertTrue(text.contains("cardguide list"), "output: \(text)")
        XCTAssertTrue(text.contains("export"), "output: \(text)")
    }
}
