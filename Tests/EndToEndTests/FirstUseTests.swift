import Foundation
import XCTest

/// Issue 11: the guide as a new user meets it, in tmux, one test (or two) per numbered
/// point of the issue. Each failed on the program before the fix.
final class FirstUseTests: XCTestCase {
    /// China > physical card > the method at `index` of the list, opened to read.
    private func openChinaCard(_ app: AppDriver, method index: Int, expect texts: [String]) throws {
        try app.press("Enter", expect: ["选择证卡"])
        try app.press("Enter", expect: ["选择办理方式"])
        for _ in 0..<index { try app.tmux.send(keys: "Down") }
        try app.press("Enter", expect: texts, absent: ["办理任何证卡时都请记住"])
    }

    /// "N/M" with its arrows at the right of the notice line, if the screen shows one.
    private func position(_ app: AppDriver) -> String? {
        let rows = app.rows()
        guard rows.count >= 2 else { return nil }
        let row = rows[rows.count - 2]
        guard let range = row.range(of: #"[▲^ ] \d+/\d+( [▼v])?$"#, options: .regularExpression)
        else { return nil }
        return String(row[range]).trimmingCharacters(in: .whitespaces)
    }

    private func expectPosition(
        _ app: AppDriver, _ pattern: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let shown = app.tmux.waitUntil(timeout: 5) { _ in
            self.position(app).map { $0.range(of: pattern, options: .regularExpression) != nil }
                ?? false
        }
        XCTAssertTrue(
            shown, "no list position like \(pattern)\n\(app.tmux.diagnostics())", file: file,
            line: line)
    }

    // MARK: 1. Looking changes nothing

    /// Opening a search hit on a step and paging on starts no checklist; the first tick does,
    /// and only the ticked step is in progress.
    func testReadingStartsNothingAndATickStartsTheChecklist() throws {
        let app = try AppDriver(self, ready: ["选择国家"])
        try app.press("/", expect: ["搜索：_"])
        try app.type("PIN", expect: ["搜索：PIN_", "条结果"])
        for _ in 0..<30 where !(app.selectedRow() ?? "").hasPrefix("[步骤]") {
            try app.tmux.send(keys: "Down")
            app.settled()
        }
        XCTAssertTrue((app.selectedRow() ?? "").hasPrefix("[步骤]"), app.tmux.diagnostics())
        try app.press("Enter", expect: ["[未开始]", "只是浏览"], absent: ["搜索："])
        try app.press("Right", expect: ["[未开始]"])
        try app.press("Escape", expect: ["搜索："])
        try app.press("Escape", expect: ["选择国家"], absent: ["继续办理"])
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: app.sessionPath)
                && !app.savedChecklists().isEmpty, "reading saved a checklist")

        // The first tick starts it: its step, and only that step, is in progress.
        try openChinaCard(app, method: 0, expect: ["步骤 1/5", "[未开始]"])
        try app.press("Right", expect: ["步骤 2/5", "[未开始]"])
        try Flow.start(app, expect: ["[进行中]", "> [x] "])
        try app.press("Left", expect: ["步骤 1/5", "[未开始]"])
        try app.press("Escape", "Escape", "Escape", expect: ["继续办理", "到服务银行网点激活"])
        XCTAssertEqual(app.savedChecklists().count, 1)
    }

    // MARK: 2. Resuming is one key; the rules show once, in one screen

    func testResumeIsOneKeyAndTheRulesShowOnceInOneScreen() throws {
        let first = try AppDriver(self, width: 40, height: 12, ready: ["选择国家"])
        try Flow.openFranceVitaleWorker(first)
        try first.press("Enter", expect: ["步骤 2/10"])
        // At 40x12 the first Space brings the item into view, the second ticks it: the
        // checklist starts, and the box with every rule fits on the screen.
        try first.press("Space", expect: ["> [ ] 护照或身份证"])
        try first.press("Space", expect: ["清单已开始", "S1-FR ", "S7-FR ", "[s] 全文"])
        try first.press("s", expect: ["办理任何证卡时都请记住"])
        try first.press("Escape", expect: ["步骤 2/10", "[进行中]"])
        try first.press("q", expect: ["APP-EXIT="])
        first.assertExit(code: 0)

        let second = try AppDriver(self, width: 40, height: 12, sharing: first, ready: ["继续办理"])
        try second.press("Enter", expect: ["步骤 2/10", "[进行中]"], absent: ["办理任何证卡时都请记住", "清单已开始"])
        try second.press("q", expect: ["APP-EXIT="])
        second.assertExit(code: 0)
    }

    // MARK: 3. One measure of progress; a finished checklist looks finished

    func testProgressIsStepsDoneAndAFinishedChecklistIsListedApart() throws {
        let app = try AppDriver(self, ready: ["选择国家"])
        try openChinaCard(app, method: 0, expect: ["步骤 1/5", "已完成 0/5"])
        try Flow.start(app, with: "d", expect: ["步骤 2/5", "已完成 1/5"])
        XCTAssertFalse(
            app.rows()[2].contains("%"),
            "a percentage of position beside the steps done\n\(app.rows()[2])")
        try app.press("d", expect: ["步骤 3/5", "已完成 2/5"])
        try app.press("d", "d", "d", expect: ["步骤 5/5", "已完成 5/5", "[已完成]"])
        try app.press(
            "Escape", "Escape", "Escape", expect: ["已完成", "到服务银行网点激活", "已完成 5/5"],
            absent: ["继续办理"])
        // Listed after the countries; it can be removed.
        try app.press("Down", "Down", "Down", expect: ["> 到服务银行网点激活", "D 删除该清单"])
        try app.press("D", expect: ["删除这份清单？"])
        try app.press("y", expect: ["选择国家"], absent: ["到服务银行网点激活"])
    }

    // MARK: 4. d says what it does; Enter on the last step offers to finish

    func testDSaysWhatItDoesAndEnterOnTheLastStepOffersToFinish() throws {
        let app = try AppDriver(self, ready: ["选择国家"])
        try openChinaCard(app, method: 0, expect: ["d 完成此步", "回车 下一步"])
        try Flow.start(app, with: "d", expect: ["步骤 2/5"])
        try app.press("Left", expect: ["步骤 1/5", "[已完成]", "d 改回未完成"])
        try app.press("d", expect: ["第 1 步改回未完成", "[未开始]", "d 完成此步"])
        try app.press(
            "Right", "Right", "Right", "Right", expect: ["步骤 5/5", "回车 完成清单"], absent: ["回车 下一步"])
        try app.press("Enter", expect: ["标为已完成，结束这份清单？", "[y] 确定"])
        try app.press("y", expect: ["还有 4 步未完成", "[已完成]"])
    }

    // MARK: 5. Lists that do not fit show their position

    func testListsThatDoNotFitShowTheirPosition() throws {
        let app = try AppDriver(self, width: 40, height: 12, ready: ["选择国家"])
        expectPosition(app, #"^1/\d+ ▼$"#)
        try app.press("Down", expect: ["> 德国"])
        expectPosition(app, #"(^|▲ )2/\d+ ▼$"#)
        try app.press("f", expect: ["全部常见问题"])
        try app.press("End", expect: [])
        expectPosition(app, #"^▲ (\d+)/\1$"#)
        try app.press("Escape", expect: ["选择国家"])
        try app.press("/", expect: ["搜索：_"])
        try app.type("密码", expect: ["搜索：密码_"])
        expectPosition(app, #"^1/\d+ ▼$"#)
        try app.press("Down", expect: [])
        expectPosition(app, #"(^|▲ )2/\d+ ▼$"#)
    }

    func testListPositionInASCII() throws {
        let app = try AppDriver(
            self, ["--ascii", "--lang", "en"], width: 40, height: 12, ready: ["Choose a country"])
        expectPosition(app, #"^1/\d+ v$"#)
    }

    // MARK: 6. The focused item is always whole on screen

    func testFocusIsAlwaysAWholeItemOnScreen() throws {
        let app = try AppDriver(self, width: 40, height: 12, ready: ["选择国家"])
        try openChinaCard(app, method: 3, expect: ["步骤 1/"])
        try app.press("n", expect: ["步骤 2/"])
        // Page by page: wherever an item shows, the marker is on a whole item's first line.
        var marked = 0
        for _ in 0..<8 {
            try app.tmux.send(keys: "NPage")
            app.settled()
            guard let selected = app.selectedRow() else { continue }
            marked += 1
            XCTAssertTrue(
                selected.hasPrefix("[ ] "),
                "after PgDn the marker is not on an item\n\(app.tmux.diagnostics())")
        }
        XCTAssertGreaterThan(marked, 0, "paging never showed the focus")
        try app.press("End", expect: [" > [ ] 孩子的社保卡"])
        try app.press("Home", expect: [" > [ ] 监护人身份证原件"])
        try Flow.start(app, expect: [" > [x] 监护人身份证原件"])
    }

    // MARK: 7. Search knows where you are

    func testSearchRanksTheCurrentCardFirstAndEditsLikeAShell() throws {
        let app = try AppDriver(self, ready: ["选择国家"])
        try app.press("Enter", expect: ["选择证卡"])
        try app.press("Down", "Enter", expect: ["CardGuide 办卡指南 > 中国 > 电子社保卡", "选择办理方式"])
        try app.press("/", expect: ["搜索：_"])
        try app.type("密码", expect: ["搜索：密码_", " > ["])
        let rows = app.rows()
        let selected = try XCTUnwrap(
            rows.firstIndex { $0.hasPrefix(" > ") }, app.tmux.diagnostics())
        XCTAssertTrue(
            rows[selected + 1].contains("中国 > 电子社保卡"),
            "the first hit is not the e-card's\n\(app.tmux.diagnostics())")
        try app.press("C-u", expect: ["搜索：_", "输入中文或英文关键词"])
        try app.type("carte vitale", expect: ["搜索：carte vitale_", "法国 > 医保卡 carte Vitale"])
        try app.press("C-w", expect: ["搜索：carte _"])
    }

    // MARK: 8. The breadcrumb keeps the current screen, and one path however reached

    func testBreadcrumbKeepsTheCurrentScreenAndOnePath() throws {
        let first = try AppDriver(self, width: 40, height: 12, ready: ["选择国家"])
        try first.press("Enter", expect: ["选择证卡"])
        try first.press("Down", "Enter", expect: ["选择办理方式"])
        try first.press("Enter", expect: ["步骤 1/"])
        XCTAssertTrue(first.rows()[0].contains("微信小程序领取"), first.tmux.diagnostics())
        try first.press("s", expect: ["办理任何证卡时都请记住"])
        XCTAssertTrue(
            first.rows()[0].contains("安全提示（防诈骗）"),
            "the current screen is cut\n\(first.tmux.diagnostics())")
        try first.press("Escape", expect: ["步骤 1/"])
        try Flow.start(first, with: "d", expect: ["步骤 2/"])
        try first.press("q", expect: ["APP-EXIT="])
        first.assertExit(code: 0)

        let second = try AppDriver(self, sharing: first, ready: ["继续办理"])
        try second.press("Enter", expect: ["CardGuide 办卡指南 > 中国 > 电子社保卡 > 微信小程序领取", "步骤 2/"])
    }

    // MARK: 9. Terminals that are not xterm

    func testADumbTerminalIsToldToUseTheLineMode() throws {
        let tmux = try TmuxHarness(testCase: self)
        // tmux sets the pane's TERM itself: env sets it for the program alone.
        try tmux.start("/usr/bin/env", ["TERM=dumb", try TmuxHarness.cardguideBinary()])
        let exit = tmux.waitForExit()
        XCTAssertEqual(exit?.code, 2, tmux.diagnostics())
        XCTAssertEqual(exit?.sttyBefore, exit?.sttyAfter, "terminal settings changed")
        // -J joins the lines the terminal wrapped.
        let text = try tmux.run(["capture-pane", "-p", "-J", "-t", "probe:0.0"])
        XCTAssertTrue(
            text.contains("cannot move the cursor") && text.contains("cardguide show METHOD"), text)
    }

    func testANonUTF8LocaleGetsASCIIAndEnglishWithANotice() throws {
        let app = try AppDriver(self, ready: ["Choose a country"], environment: ["LANG": "C"])
        app.expect(["Locale is not UTF-8", "CardGuide", "[EN]"], absent: ["选择国家", "中文", "─"])
        XCTAssertTrue(app.rows()[1].hasPrefix("----"), "no ASCII rule\n\(app.tmux.diagnostics())")
        let text = app.tmux.screenText()
        XCTAssertTrue(text.unicodeScalars.allSatisfy { $0.isASCII }, "non-ASCII on screen\n\(text)")
        try app.press("L", expect: ["Choose a country"], absent: ["选择国家"])
    }

    func testPlainModeSaysProgressInWords() throws {
        let app = try AppDriver(self, ["--plain"], ready: ["选择国家"])
        try openChinaCard(app, method: 0, expect: ["步骤 1/5", "已完成 0 步，共 5 步"])
        XCTAssertFalse(app.rows()[2].contains("#"), app.rows()[2])
    }

    // MARK: 10. Habits of other terminal programs

    func testChineseFooterNamesKeysInChineseAndADeadKeySaysSo() throws {
        let app = try AppDriver(self, ready: ["选择国家"])
        app.expect(["回车 打开"], absent: ["Enter"])
        try app.press("z", expect: ["「z」键在此页面无效"])
        try openChinaCard(app, method: 0, expect: ["回车 下一步", "← 上一步"])
        XCTAssertFalse(app.rows().last?.contains("Left") ?? true, app.rows().last ?? "")
    }

    func testHelpListsOnlyKeysThatWorkHere() throws {
        let app = try AppDriver(self, ready: ["选择国家"])
        try app.press("?", expect: ["按键帮助", "打开"], absent: ["重新开始该清单", "删除该清单"])
    }

    func testVersion() throws {
        let tmux = try TmuxHarness(testCase: self)
        try tmux.start(try TmuxHarness.cardguideBinary(), ["--version"])
        XCTAssertEqual(tmux.waitForExit()?.code, 0, tmux.diagnostics())
        XCTAssertTrue(tmux.screenText().contains("cardguide 1."), tmux.diagnostics())
    }

    /// The mouse is on (tmux sees the request), a click focuses, a click on the focus opens,
    /// the wheel moves; `--no-mouse` leaves the mouse to the terminal.
    func testMouseClickAndWheel() throws {
        let app = try AppDriver(self, ready: ["选择国家"])
        XCTAssertEqual(app.tmux.paneValue("mouse_standard_flag"), "1", "the mouse is not on")
        let row = try XCTUnwrap(app.rows().firstIndex { $0.contains("法国") })
        try click(app, row: row, column: 5)
        app.expect(["> 法国"])
        try click(app, row: row, column: 5)
        app.expect(["选择证卡", "> 医保卡 carte Vitale"])
        try app.press("Escape", "f", expect: ["全部常见问题"])
        try app.send(keys: ["-H", "1b", "5b", "4d", "61", "2a", "2a"])
        expectPosition(app, #"(^|▲ )4/\d+ ▼$"#)

        // Quitting gives the mouse back to the terminal.
        try app.press("q", expect: ["APP-EXIT="])
        app.assertExit(code: 0)
        XCTAssertEqual(
            app.tmux.paneValue("mouse_standard_flag"), "0", "the mouse stays taken after the end")

        let plain = try AppDriver(self, ["--no-mouse"], ready: ["选择国家"])
        XCTAssertEqual(
            plain.tmux.paneValue("mouse_standard_flag"), "0", "--no-mouse still takes the mouse")
    }

    /// An X10 mouse press and release of the first button at a screen cell.
    private func click(_ app: AppDriver, row: Int, column: Int) throws {
        let x = String(0x21 + column, radix: 16)
        let y = String(0x21 + row, radix: 16)
        try app.send(keys: ["-H", "1b", "5b", "4d", "20", x, y, "1b", "5b", "4d", "23", x, y])
    }
}
