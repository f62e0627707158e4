import Foundation
import XCTest

/// Issue 12: the visitor sheet `p` writes, and real printing with `--print-command`.
final class DeskSheetTests: XCTestCase {
    /// The sheet after the demo played (it walked China's first method to step 3) and a
    /// visitor took over on the wizard: the steps' instructions, only China's safety rules
    /// (the pack used here limits S6 to Germany), the contacts section, and none of the
    /// demo's progress (no step marked, no current step).
    func testSheetHasInstructionsOneCountrysRulesContactsAndNoDemoProgress() throws {
        let content = try DeskFixture.content(self) { shared in
            DeskFixture.limit(rule: "S6-CN", to: ["de"], in: &shared)
        }
        let handouts = try DeskFixture.folder(self, "sheet")
        let app = try AppDriver(
            self,
            [
                "--content", content, "--handout-dir", handouts, "--demo",
                "--demo-step-seconds", "0.15",
            ], ready: ["CardGuide"])
        // The demo opens China's first card's first method and walks to step 3.
        app.expect(["步骤 3/5"], timeout: 15)
        try app.tmux.send(keys: "Right") // the first key only hands over
        app.settled()
        for _ in 0..<8
        where !app.rows().contains(where: { $0.contains("步骤 ") && $0.contains("/5") }) {
            try app.tmux.send(keys: "Escape")
            app.settled()
        }
        try app.press("p", expect: ["须知单已保存："])
        let files = try DeskFixture.files(handouts)
        XCTAssertEqual(files.count, 1, "files: \(files)")
        let name = try XCTUnwrap(files.first, "no sheet written")
        let sheet = try String(contentsOfFile: handouts + "/" + name, encoding: .utf8)
        for expected in [
            "社会保障卡（实体卡）", "步骤（做完一步，在方框里打勾）", "[ ] 1. 先核对卡面上的姓名和身份证号",
            "拿到卡后，先核对卡面上的姓名", "官方联系方式", "负责机构：", "安全须知（中国）",
            "S1-CN  密码和验证码只留给自己", "S7-CN  ", "- 人社服务热线：12333", "来源（官方来源在前）",
            "[1] ",
        ] {
            XCTAssertTrue(sheet.contains(expected), "the sheet lacks \(expected):\n\(sheet)")
        }
        for other in ["S6-CN", "-DE  ", "-FR  "] {
            XCTAssertFalse(sheet.contains(other), "another country's \(other) is on China's sheet")
        }
        XCTAssertFalse(sheet.contains("[x]"), "the demo's tick is on the sheet:\n\(sheet)")
        XCTAssertFalse(
            sheet.contains("[~]") || sheet.contains("当前步骤") || sheet.contains("进度"),
            "progress is on the sheet:\n\(sheet)")
        let lines = sheet.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertLessThanOrEqual(lines.count, 66, "a 5-step method's sheet is longer than a page")
        XCTAssertTrue(
            lines.allSatisfy { DeskFixture.columns(String($0)) <= 78 },
            "a line is wider than 78 columns")
        try app.press("q", expect: ["APP-EXIT="])
        app.assertExit(code: 0)
    }

    /// `--print-command` gets exactly the written sheet on its standard input, and the status
    /// line says it went to the printer.
    func testPrintCommandReceivesExactlyTheSheet() throws {
        let handouts = try DeskFixture.folder(self, "print")
        let received = handouts + "/received.txt"
        let app = try AppDriver(
            self, ["--handout-dir", handouts, "--print-command", "cat > '\(received)'"],
            ready: ["选择国家"])
        try Flow.openFranceVitaleWorker(app)
        try app.press("p", expect: ["须知单已送去打印"])
        let files = try DeskFixture.files(handouts)
        XCTAssertEqual(files.count, 1, "files: \(files)")
        let name = try XCTUnwrap(files.first, "no sheet written")
        let written = try Data(contentsOf: URL(fileURLWithPath: handouts + "/" + name))
        let printed = try Data(contentsOf: URL(fileURLWithPath: received))
        XCTAssertGreaterThan(written.count, 1000)
        XCTAssertEqual(printed, written, "the print command did not receive exactly the sheet")
        XCTAssertTrue(app.joinedText().contains(handouts + "/" + name), app.tmux.diagnostics())
        try app.press("q", expect: ["APP-EXIT="])
        app.assertExit(code: 0)
    }

    /// A failing print command: its exit status and its message on the status line, in the
    /// visitor's language (English here), with where the sheet is.
    func testFailingPrintCommandIsReportedInTheVisitorsLanguage() throws {
        let handouts = try DeskFixture.folder(self, "fail")
        let app = try AppDriver(
            self,
            [
                "--lang", "en", "--handout-dir", handouts, "--print-command",
                "cat >/dev/null; echo 'lp: printer frontdesk is jammed' >&2; exit 3",
            ],
            ready: ["Choose a country"])
        try app.press("Down", "Down", "Enter", expect: ["Choose a card"])
        try app.press("Enter", expect: ["Choose how to do it"])
        try app.press("Enter", expect: ["Step 1 of 10"])
        try app.press("p", expect: ["Printing failed"])
        // The notice wraps over lines: compare without spaces.
        let text = app.joinedText().replacingOccurrences(of: " ", with: "")
        for expected in [
            "status 3", "lp: printer frontdesk is jammed", "Sheet saved: " + handouts + "/",
        ] {
            XCTAssertTrue(
                text.contains(expected.replacingOccurrences(of: " ", with: "")),
                "no \(expected) in \(text)")
        }
        try app.press("q", expect: ["APP-EXIT="])
        app.assertExit(code: 0)
    }

    /// No print command and a hand-out folder that does not exist: the status line explains
    /// it in the visitor's language, never a bare English system error.
    func testUnwritableFolderIsExplainedNotShownAsASystemError() throws {
        let missing =
            NSTemporaryDirectory() + "cg-e2e-missing-" + UUID().uuidString.prefix(8) + "/none"
        let app = try AppDriver(self, ["--handout-dir", missing], ready: ["选择国家"])
        try Flow.openFranceVitaleWorker(app)
        try app.press("p", expect: ["须知单没有保存"])
        let text = app.joinedText()
        XCTAssertTrue(text.contains("文件夹不存在"), text)
        XCTAssertFalse(text.contains("No such file"), "a bare system error: \(text)")
        try app.press("q", expect: ["APP-EXIT="])
        app.assertExit(code: 0)
    }
}

/// Scratch folders and content packs for the desk tests.
enum DeskFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// A new empty folder, removed after the test.
    static func folder(_ test: XCTestCase, _ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "cg-e2e-\(name)-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    /// A copy of the shipped pack with `file` (default `shared.json`) changed by `edit`.
    static func content(
        _ test: XCTestCase, file: String = "shared.json",
        edit: (inout [String: Any]) -> Void
    ) throws -> String {
        let folder = try self.folder(test, "content")
        let source = packageRoot + "/Resources/content"
        for name in try FileManager.default.contentsOfDirectory(atPath: source)
        where name.hasSuffix(".json") {
            try FileManager.default.copyItem(
                atPath: source + "/" + name, toPath: folder + "/" + name)
        }
        let path = folder + "/" + file
        var shared =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
            as? [String: Any] ?? [:]
        edit(&shared)
        try JSONSerialization.data(withJSONObject: shared).write(to: URL(fileURLWithPath: path))
        return folder
    }

    static func limit(rule id: String, to countries: [String], in shared: inout [String: Any]) {
        guard var rules = shared["safety"] as? [[String: Any]] else { return }
        for index in rules.indices where rules[index]["id"] as? String == id {
            rules[index]["countries"] = countries
        }
        shared["safety"] = rules
    }

    static func files(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter {
            $0.hasPrefix("cardguide-")
        }.sorted()
    }

    /// Columns of a line, CJK counted as two (enough for the sheet's characters).
    static func columns(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) {
            $0
                + ((0x1100...0x115F).contains($1.value) || (0x2E80...0xA4CF).contains($1.value)
                    || (0xAC00...0xD7A3).contains($1.value) || (0xF900...0xFAFF).contains($1.value)
                    || (0xFE30...0xFE4F).contains($1.value) || (0xFF00...0xFF60).contains($1.value)
                    || (0xFFE0...0xFFE6).contains($1.value) ? 2 : 1)
        }
    }
}
