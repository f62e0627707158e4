import CardGuideCore
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Issue 3: the whole guide in a real terminal. France > carte Vitale > a method, walked to
/// step 3 with ticks, the FAQ, a Chinese search, resizes down to "too small" and back, then
/// the three ways out: q, SIGTERM and a trap (SIGILL). Every step asserts its screen; every
/// ending asserts the exit status and that the terminal is as it was.
final class AppFlowTests: XCTestCase {
    /// Home to the page of a hit found by searching 密码, ticking three items on the way.
    private func walkToSearchedAnswer(_ app: AppDriver) throws {
        try app.press(expect: ["选择国家", "> 中国", "法国"])
        try Flow.openFranceVitaleWorker(app)
        try app.press("Enter", expect: ["步骤 2/10", "准备材料（只交复印件）", "0/5 项材料已备齐", "> [ ] 护照或身份证"])
        try Flow.start(app, expect: ["> [x] 护照或身份证", "1/5 项材料已备齐"])
        try app.press("Down", expect: ["> [ ] 个人情况证明", "  [x] 护照或身份证"])
        try app.press("Space", expect: ["> [x] 个人情况证明", "2/5 项材料已备齐"])
        try app.press("Enter", expect: ["步骤 3/10", "需要时翻译并认证出生证明", "> [ ] 宣誓翻译件", "0/1 项材料已备齐"])
        try app.press("Space", expect: ["> [x] 宣誓翻译件", "1/1 项材料已备齐"])

        // The card's FAQ, and one answer.
        try app.press("f", expect: ["> carte Vitale 是什么？", "收到卡后要发短信激活吗？"], absent: ["步骤 3/10"])
        try app.press("Enter", expect: ["carte Vitale 是法国的医保卡", "来源"], absent: ["收到卡后要发短信激活吗？"])

        // Search in Chinese, typed as text: the first hit is selected (marker and reverse video).
        try app.press("/", expect: ["搜索：_", "输入中文或英文关键词"])
        try app.type("密码", expect: ["搜索：密码_", "条结果", " > ["])
        try openSelectedHit(app, prompt: "搜索：", safety: "办理任何证卡时都请记住")
    }

    /// The selected search hit's tag and title ("[问答]", "密码…"), an ellipsis cut off.
    private func selectedHit(_ app: AppDriver) -> (tag: String, title: String)? {
        guard let row = app.selectedRow(), row.hasPrefix("["), let close = row.firstIndex(of: "]")
        else { return nil }
        var title = row[row.index(after: close)...].trimmingCharacters(in: .whitespaces)
        if title.hasSuffix("...") { title = String(title.dropLast(3)) }
        return (String(row[...close]), title)
    }

    /// The selected hit is highlighted (its marker in reverse video) and its text shows; Enter
    /// closes the search and opens a page that shows that text (after the safety rules, the
    /// first time the hit's card is entered).
    private func openSelectedHit(
        _ app: AppDriver, prompt: String, safety: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        guard let hit = selectedHit(app), !hit.title.isEmpty else {
            return XCTFail("no selected hit\n\(app.tmux.diagnostics())", file: file, line: line)
        }
        app.assertSelectedInReverseVideo(hit.title, file: file, line: line)
        try app.press("Enter", expect: [], absent: [prompt], file: file, line: line)
        if app.tmux.screenText().contains(safety) {
            try app.press("Enter", expect: [], absent: [safety], file: file, line: line)
        }
        app.expect([String(hit.title.prefix(8))], absent: [prompt], file: file, line: line)
    }

    /// 100x30, 30x10 (too small, in Chinese) and back to 80x24: the same screen as before.
    private func resizeRoundTrip(
        _ app: AppDriver, tooSmall: [String], file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let before = app.settled()
        XCTAssertEqual(before.count, 24, file: file, line: line)
        // The page's first line (its title), as far as it is sure to fit unwrapped.
        let title = String(before[2].trimmingCharacters(in: .whitespaces).prefix(8))

        try app.tmux.resize(width: 100, height: 30)
        let wide = app.tmux.waitUntil(timeout: 10) { _ in
            let rows = app.rows()
            return rows.count == 30 && rows.first.map { DisplayWidth.of($0) } == 99
                && rows.contains { $0.contains(title) }
        }
        XCTAssertTrue(wide, "no 100x30 redraw\n\(app.tmux.diagnostics())", file: file, line: line)
        XCTAssertTrue(
            app.rows().first?.hasSuffix(
                before[0].split(separator: " ").last.map(String.init) ?? "?") ?? false,
            "the language tag is not at the right edge at 100 columns\n\(app.tmux.diagnostics())",
            file: file, line: line)

        try app.tmux.resize(width: 30, height: 10)
        app.expect(tooSmall, file: file, line: line)
        XCTAssertEqual(app.rows().count, 10, file: file, line: line)
        XCTAssertFalse(
            app.tmux.screenText().contains("CardGuide"), "the header is drawn at 30x10", file: file,
            line: line)

        try app.tmux.resize(width: 80, height: 24)
        let same = app.tmux.waitUntil(timeout: 10) { _ in app.rows() == before }
        if !same {
            let after = app.rows()
            XCTFail(
                "the screen at 80x24 differs from before the resizes\nbefore:\n\(before.joined(separator: "\n"))\nafter:\n\(after.joined(separator: "\n"))",
                file: file, line: line)
        }
    }

    func testChineseFlowWithSearchAndResizesQuitsCleanly() throws {
        let start = Date()
        let app = try AppDriver(self)
        try walkToSearchedAnswer(app)
        try resizeRoundTrip(app, tooSmall: ["终端窗口太小", "至少需要 40x12，现在是 30x10。", "请放大窗口，或按 q 退出。"])
        try app.press("q", expect: ["APP-EXIT="])
        app.assertExit(code: 0)
        // Progress of the walk was saved: three ticks, on step 3.
        let saved = app.savedChecklists().first { $0["method"] as? String == Flow.method }
        XCTAssertEqual(
            Set(saved?["ticked"] as? [String] ?? []), ["id", "situation", "translation"])
        print("e2e: Chinese flow took \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
    }

    func testEnglishFlowQuitsCleanly() throws {
        let app = try AppDriver(self, ["--lang", "en"], ready: ["Choose a country"])
        try app.press("Down", "Down", expect: ["> France"])
        try app.press(
            "Enter",
            expect: ["CardGuide > France", "Choose a card", "> Carte Vitale (health card)"])
        try app.press(
            "Enter", expect: ["Choose how to do it", "> You work or live in France", "10 steps"])
        try app.press(
            "Enter", expect: ["Step 1 of 10", "[Not started]"],
            absent: ["Whatever card you are getting"])
        try app.press("Enter", expect: ["Step 2 of 10", "0 of 5 items ready"])
        try app.press(
            "Enter",
            expect: ["Step 3 of 10", "Get documents translated or legalised if needed", "> [ ] "])
        try Flow.start(app, expect: ["> [x] ", "1 of 1 item ready"], english: true)
        try app.press("f", expect: ["> What is the carte Vitale?"])
        try app.press("/", expect: ["Search: _", "Type a word in English or Chinese"])
        try app.type("activate", expect: ["Search: activate_", "results", " > ["])
        try openSelectedHit(
            app, prompt: "Search: ", safety: "Whatever card you are getting, remember:")
        let opened = app.settled()
        try app.tmux.resize(width: 30, height: 10)
        app.expect(["Terminal too small", "Need 40x12, have 30x10.", "Enlarge it, or press q to"])
        // The last line wraps at 30 columns: its end ("quit.") is on the next row, not lost.
        XCTAssertTrue(
            app.rows().contains("quit."),
            "the too-small message lost its end\n\(app.tmux.diagnostics())")
        try app.tmux.resize(width: 80, height: 24)
        XCTAssertTrue(
            app.tmux.waitUntil { _ in app.rows() == opened },
            "not the same page after the resizes\n\(app.tmux.diagnostics())")
        try app.press("q", expect: ["APP-EXIT="])
        app.assertExit(code: 0)
    }

    /// A caution found by search opens the card's cautions at that caution, not at the top.
    func testCautionSearchHitOpensAtThatCaution() throws {
        let app = try AppDriver(self, ["--lang", "en"], ready: ["Choose a country"])
        try app.press("/", expect: ["Search: _"])
        let caution = "[Caution] PIN letter at the counter since 17 Feb 2025"
        try app.type("PIN letter", expect: ["Search: PIN letter_", caution])
        // Select it, wherever the ranking puts it.
        for _ in 0..<20 where !(app.selectedRow() ?? "").hasPrefix(caution) {
            try app.tmux.send(keys: "Down")
            app.settled()
        }
        XCTAssertEqual(app.selectedRow(), caution, app.tmux.diagnostics())
        // That caution is the last of a long page: the page opens scrolled to it.
        try app.press(
            "Enter",
            expect: [
                "> Cautions", "[Info] PIN letter at the counter since 17 Feb 2025",
                "Whoever applies for an ID card from 17 February",
            ], absent: ["Search >"])
        try app.press("q", expect: ["APP-EXIT="])
        app.assertExit(code: 0)
    }

    func testSigtermEndsTheFlowWith143AndRestoresTheTerminal() throws {
        let app = try AppDriver(self)
        try walkToSearchedAnswer(app)
        try resizeRoundTrip(app, tooSmall: ["终端窗口太小", "至少需要 40x12，现在是 30x10。"])
        XCTAssertEqual(
            app.tmux.paneValue("alternate_on"), "1", "the guide should be on the alternate screen")
        app.signal(SIGTERM)
        app.assertExit(code: 128 + SIGTERM)
        // The last change before the signal was saved.
        let saved = app.savedChecklists().first { $0["method"] as? String == Flow.method }
        XCTAssertEqual(
            Set(saved?["ticked"] as? [String] ?? []), ["id", "situation", "translation"])
    }

    func testTrapRestoresTheTerminalAndExitsWith132() throws {
        let app = try AppDriver(self)
        try walkToSearchedAnswer(app)
        XCTAssertEqual(app.tmux.paneValue("cursor_flag"), "0", "the guide hides the cursor")
        // What a Swift trap (fatalError, precondition, overflow) raises.
        app.signal(SIGILL)
        app.assertExit(code: 128 + SIGILL, timeout: 30)
    }
}
