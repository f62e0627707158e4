import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Issue 4: progress survives quitting, `kill -9`, a corrupt file and a second CardGuide on
/// the same file. Each run reads the real session file under XDG_STATE_HOME.
final class ResumeTests: XCTestCase {
    /// Starts the France checklist, ticks two items on step 2 and moves on to step 3.
    private func startChecklist(_ app: AppDriver) throws {
        try Flow.openFranceVitaleWorker(app)
        try app.press("Enter", expect: ["步骤 2/10", "0/5 项材料已备齐", "> [ ] 护照或身份证"])
        try Flow.start(app, expect: ["> [x] 护照或身份证", "1/5 项材料已备齐"])
        try app.press("Down", "Space", expect: ["> [x] 个人情况证明", "2/5 项材料已备齐"])
        try app.press("Enter", expect: ["步骤 3/10", "> [ ] 宣誓翻译件"])
    }

    /// A relaunch on the same state: the checklist is listed under 继续办理 with two items
    /// ready, and Enter returns to step 3 at once with the ticks of step 2 still there.
    private func assertResumes(_ app: AppDriver, file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        app.expect(
            ["继续办理", "在法国工作或居住", "已完成 0/\(Flow.steps)", "2/\(Flow.materials) 项材料已备齐", "选择国家"],
            file: file, line: line)
        try app.press(
            "Enter", expect: ["步骤 3/10", "需要时翻译并认证出生证明", "> [ ] 宣誓翻译件"],
            absent: ["办理任何证卡时都请记住"], file: file, line: line)
        try app.press(
            "Left", expect: ["步骤 2/10", "2/5 项材料已备齐", "> [x] 护照或身份证", "  [x] 个人情况证明"],
            file: file, line: line)
        XCTAssertEqual(
            app.tmux.screenText().components(separatedBy: "[x]").count - 1, 2,
            "two ticks\n\(app.tmux.diagnostics())",
            file: file, line: line)
    }

    func testQuitAndRelaunchResumesAtTheSameStepWithTheSameTicks() throws {
        let first = try AppDriver(self)
        try startChecklist(first)
        try first.press("q", expect: ["APP-EXIT="])
        first.assertExit(code: 0)
        let saved = first.savedChecklists()
        XCTAssertEqual(saved.count, 1)
        XCTAssertEqual(saved.first?["currentStep"] as? String, "fr-vitale-worker-translate")
        XCTAssertEqual(Set(saved.first?["ticked"] as? [String] ?? []), ["id", "situation"])

        let second = try AppDriver(self, sharing: first, ready: ["继续办理"])
        try assertResumes(second)
        try second.press("q", expect: ["APP-EXIT="])
        second.assertExit(code: 0)
    }

    func testKillNineKeepsTheLastCompletedChange() throws {
        let first = try AppDriver(self)
        try startChecklist(first)
        // The last change: the screen shows it once it is saved (saves come before drawing).
        usleep(100_000)
        first.signal(SIGKILL)
        let exit = first.tmux.waitForExit()
        XCTAssertEqual(exit?.code, 128 + SIGKILL)
        // The file on disk holds the last change: step 3, two ticks.
        let saved = first.savedChecklists().first
        XCTAssertEqual(saved?["currentStep"] as? String, "fr-vitale-worker-translate")
        XCTAssertEqual(Set(saved?["ticked"] as? [String] ?? []), ["id", "situation"])

        let second = try AppDriver(self, sharing: first, ready: ["继续办理"])
        // No notice about the file: it was whole, and the dead process's lock is gone.
        XCTAssertFalse(second.tmux.screenText().contains("只读"), second.tmux.diagnostics())
        try assertResumes(second)
        try second.press("q", expect: ["APP-EXIT="])
        second.assertExit(code: 0)
    }

    /// Garbage in the session file: the app starts (at 40x12, where the notice has the least
    /// room), names the moved-aside file, and the `.corrupt-` file keeps the garbage bytes.
    func testCorruptSessionFileIsMovedAsideAndNamed() throws {
        let garbage: [UInt8] =
            Array("{\"schemaVersion\": 1, \"checklists\": [ garbage".utf8) + [0xFF, 0x00, 0x0A]
        let app = try AppDriver(self, width: 40, height: 12, ready: ["CardGuide"]) { state in
            try FileManager.default.createDirectory(
                atPath: state + "/cardguide", withIntermediateDirectories: true)
            try Data(garbage).write(to: URL(fileURLWithPath: state + "/cardguide/session.json"))
        }
        let folder = app.stateHome + "/cardguide"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let moved = names.filter { $0.hasPrefix("session.json.corrupt-") }
        XCTAssertEqual(moved.count, 1, "files: \(names)")
        let name = moved.first ?? "session.json.corrupt-"
        XCTAssertEqual(
            FileManager.default.contents(atPath: folder + "/" + name).map(Array.init), garbage,
            "the moved-aside file does not hold the original bytes")
        // The notice wraps over several rows: read them joined.
        let shown = app.tmux.waitUntil(timeout: 5) { _ in
            app.joinedText().contains(folder + "/" + name)
        }
        XCTAssertTrue(
            shown, "the notice does not name \(folder)/\(name) whole\n\(app.tmux.diagnostics())")
        XCTAssertTrue(app.tmux.screenText().contains("corrupt"), app.tmux.diagnostics())
        XCTAssertTrue(app.tmux.screenText().contains("无法读取进度文件"), app.tmux.diagnostics())

        // At 80x24 the notice is still there (until a key), with nothing to resume.
        try app.tmux.resize(width: 80, height: 24)
        app.expect(["选择国家", "corrupt"], absent: ["继续办理"])
        // The notice goes with the next key; the app works and saves a fresh file.
        try Flow.openFranceVitaleWorker(app)
        XCTAssertFalse(app.tmux.screenText().contains("corrupt"))
        try Flow.start(app, with: "d", expect: ["步骤 2/10", "已完成 1/10"])
        try app.press("q", expect: ["APP-EXIT="])
        app.assertExit(code: 0)
        XCTAssertEqual(app.savedChecklists().count, 1)
        XCTAssertEqual(
            FileManager.default.contents(atPath: folder + "/" + name).map(Array.init), garbage)
    }

    func testSecondCardGuideOnTheSameFileIsReadOnlyAndDoesNotOverwrite() throws {
        let first = try AppDriver(self)
        try Flow.openFranceVitaleWorker(first)
        try first.press("Enter", expect: ["步骤 2/10", "> [ ] 护照或身份证"])
        try Flow.start(first, expect: ["> [x] 护照或身份证", "1/5 项材料已备齐"])

        let second = try AppDriver(self, sharing: first, ready: ["继续办理"])
        let notice = second.tmux.waitUntil(timeout: 5) { _ in
            let text = second.joinedText()
            return text.contains("正被") && text.contains("进程 \(first.pid)") && text.contains("只读")
        }
        XCTAssertTrue(
            notice,
            "no in-use notice naming the first process (\(first.pid))\n\(second.tmux.diagnostics())"
        )
        // The second one shows the first one's progress, and its own changes stay in memory.
        second.expect(["已完成 0/10", "1/\(Flow.materials) 项材料已备齐"])
        try second.press("Enter", expect: ["步骤 2/10", "> [x] 护照或身份证", "只读，不保存"])
        try second.press("Down", "Space", expect: ["> [x] 个人情况证明", "2/5 项材料已备齐"])
        try second.press("Enter", expect: ["步骤 3/10"])

        // The first one's later change is what the file holds, before and after the second quits.
        try first.press("Down", "Down", "Space", expect: ["> [x] 完整版出生证明", "2/5 项材料已备齐"])
        let afterFirst = FileManager.default.contents(atPath: first.sessionPath)
        try second.press("q", expect: ["APP-EXIT="])
        second.assertExit(code: 0)
        XCTAssertEqual(
            FileManager.default.contents(atPath: first.sessionPath), afterFirst,
            "the second CardGuide wrote the file")
        let saved = first.savedChecklists().first
        XCTAssertEqual(saved?["currentStep"] as? String, "fr-vitale-worker-docs")
        XCTAssertEqual(
            Set(saved?["ticked"] as? [String] ?? []), ["id", "birth"],
            "the second one's tick (situation) reached the file")

        try first.press("q", expect: ["APP-EXIT="])
        first.assertExit(code: 0)
        XCTAssertEqual(
            Set(first.savedChecklists().first?["ticked"] as? [String] ?? []), ["id", "birth"])
    }
}
