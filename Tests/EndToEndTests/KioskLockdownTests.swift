import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Issue 13, point 1 (and 9): a visitor at a kiosk must not reach the shell. The keyboard
/// generates no signal and no flow control; only the desk's word leaves, demo or not; the
/// kiosk never clears a person's own progress file.
final class KioskLockdownTests: XCTestCase {
    private let word = HelpDeskTests.staffWord
    private lazy var kiosk = ["--kiosk", "--staff-exit", word, "--idle-seconds", "60"]

    /// Ctrl-C, Ctrl-\ and Ctrl-Z ended or suspended the kiosk; Ctrl-S froze its screen. Now
    /// they are keys like any other, and a SIGTERM from outside still ends it cleanly.
    func testTheKeyboardCannotSignalOrFreezeAKiosk() throws {
        let app = try AppDriver(self, kiosk, ready: ["选择国家", "> 中国"])
        for key in ["C-c", "C-\\", "C-z", "C-s"] {
            try app.tmux.send(keys: key)
        }
        // Still running, not stopped, and drawing (Ctrl-S would have stopped the output).
        try app.press("Down", expect: ["> 德国"])
        XCTAssertTrue(app.isRunning, "the kiosk ended")
        XCTAssertNotEqual(AppDriver.processState(app.pid), "T", "the kiosk was suspended")
        try app.press("Down", expect: ["> 法国"])
        app.signal(SIGTERM)
        app.assertExit(code: 128 + SIGTERM)
    }

    /// The word comes from a file only its owner can read, and works while the demo plays
    /// (the first Ctrl-X only stopped the demo).
    func testTheStaffWordFromAPrivateFileWorksDuringTheDemo() throws {
        let app = try AppDriver(
            self, ["--kiosk", "--demo", "--demo-step-seconds", "0.3"], ready: ["演示中"]
        ) { state in
            try Self.writeStaffFile(home: state + "/../home", word: self.word, mode: 0o600)
        }
        app.expect(["CardGuide 办卡指南 > "], timeout: 5) // the demo is walking
        try app.tmux.send(keys: "C-x")
        try app.tmux.send(text: word)
        try app.tmux.send(keys: "Enter")
        app.assertExit(code: 0)
    }

    /// A kiosk with no word, or with a word in a file others can read, does not start.
    func testAKioskWithoutAPrivateStaffWordDoesNotStart() throws {
        let binary = try TmuxHarness.cardguideBinary()
        let tmux = try TmuxHarness(testCase: self, width: 100, height: 30)
        try tmux.start(binary, ["--kiosk"])
        guard let exit = tmux.waitForExit() else {
            return XCTFail("no exit\n\(tmux.diagnostics())")
        }
        XCTAssertEqual(exit.code, 2, tmux.diagnostics())
        XCTAssertEqual(exit.sttyBefore, exit.sttyAfter)
        XCTAssertTrue(
            tmux.screenText().contains("a kiosk needs a staff exit word"), tmux.diagnostics())

        let loose = try TmuxHarness(testCase: self, width: 100, height: 30)
        try Self.writeStaffFile(home: loose.directory + "/home", word: word, mode: 0o644)
        try loose.start(binary, ["--kiosk"])
        guard let second = loose.waitForExit() else {
            return XCTFail("no exit\n\(loose.diagnostics())")
        }
        XCTAssertEqual(second.code, 2, loose.diagnostics())
        XCTAssertTrue(loose.screenText().contains("others may read it"), loose.diagnostics())
    }

    /// Starting a kiosk erased the person's default progress file. It has its own now.
    func testAKioskLeavesThePersonsProgressAlone() throws {
        let person = try AppDriver(self, [], ready: ["选择国家"])
        try Flow.openFranceVitaleWorker(person)
        try person.press("Enter", expect: ["步骤 2/10"])
        try Flow.start(person, expect: ["> [x] 护照或身份证"])
        try person.press("q", expect: ["APP-EXIT="])
        let saved = try XCTUnwrap(FileManager.default.contents(atPath: person.sessionPath))

        let desk = try AppDriver(self, kiosk, sharing: person, ready: ["选择国家"])
        desk.expect(["> 中国"], absent: ["继续办理"])
        try desk.leaveKiosk(word: word)
        XCTAssertEqual(
            FileManager.default.contents(atPath: person.sessionPath), saved, "the kiosk changed it")
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: person.stateHome + "/cardguide/kiosk.json"))
    }

    static func writeStaffFile(home: String, word: String, mode: mode_t) throws {
        let folder = home + "/.config/cardguide"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try (word + "\n").write(toFile: folder + "/staff-exit", atomically: false, encoding: .utf8)
        XCTAssertEqual(chmod(folder + "/staff-exit", mode), 0)
    }
}
