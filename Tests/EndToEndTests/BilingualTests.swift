import Foundation
import XCTest

/// Issue 12: both languages at once (`--bilingual`, key B), aligned at 80x24 and scrolling
/// at 40x12, remembered like the language.
final class BilingualTests: XCTestCase {
    /// The column (CJK counted as two) where a row's text starts, after any selection marker.
    private func start(_ row: String) -> Int {
        let text = row.hasPrefix(" >") ? "  " + row.dropFirst(2) : Substring(row)
        let lead = text.prefix { $0 == " " }
        return DeskFixture.columns(String(lead))
    }

    /// Row `row`'s text starts where the row holding `text` starts.
    private func assertBeneath(
        _ rows: [String], _ upper: String, _ lower: String, _ context: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let index = rows.firstIndex(where: { $0.contains(upper) }), index + 1 < rows.count
        else {
            return XCTFail(
                "\(context): no row with \(upper)\n\(rows.joined(separator: "\n"))", file: file,
                line: line)
        }
        XCTAssertTrue(
            rows[index + 1].contains(lower),
            "\(context): \(lower) is not beneath \(upper)\n\(rows.joined(separator: "\n"))",
            file: file, line: line)
        XCTAssertEqual(
            start(rows[index + 1]), start(rows[index]),
            "\(context): \(lower) is not aligned under \(upper)",
            file: file, line: line)
    }

    private func assertFits(
        _ rows: [String], width: Int, _ context: String, file: StaticString = #filePath,
        line: UInt = #line
    ) {
        for row in rows {
            XCTAssertLessThanOrEqual(
                DeskFixture.columns(row), width, "\(context): \(row)", file: file, line: line)
        }
    }

    func testBilingualScreensAreAlignedAt80x24And40x12() throws {
        for (width, height) in [(80, 24), (40, 12)] {
            let context = "\(width)x\(height)"
            let app = try AppDriver(
                self, ["--bilingual"], width: width, height: height, ready: ["选择国家"])
            app.expect(["Choose a country"])
            assertBeneath(app.rows(), "选择国家", "Choose a country", context)
            assertBeneath(app.rows(), "> 中国", "China", context)
            assertFits(app.rows(), width: width, context)
            try app.press(
                "Down", "Down", "Enter",
                expect: ["> 医保卡 carte Vitale", "Carte Vitale (health card)"])
            assertBeneath(app.rows(), "> 医保卡 carte Vitale", "Carte Vitale (health card)", context)
            try app.press("Enter", expect: ["选择办理方式"])
            assertBeneath(app.rows(), "> 在法国工作或居住", "You work or live in France", context)
            assertFits(app.rows(), width: width, context)
            try app.press(
                "Enter", expect: ["先确认你能否参保（PUMa）", "Check that you can be covered (PUMa)"])
            assertBeneath(app.rows(), "先确认你能否参保（PUMa）", "Check that you can be covered", context)
            assertFits(app.rows(), width: width, context)
            // The page scrolls to its English lines too.
            try app.press("PageDown", expect: [])
            app.settled()
            assertFits(app.rows(), width: width, context)
            try app.press("q", expect: ["APP-EXIT="])
            app.assertExit(code: 0)
        }
    }

    /// B switches the view on and off, and the choice is saved and comes back at the next start.
    func testKeyBSwitchesAndTheChoiceIsRemembered() throws {
        let app = try AppDriver(self, ["--lang", "en"], ready: ["Choose a country"])
        XCTAssertFalse(app.tmux.screenText().contains("选择国家"))
        try app.press("B", expect: ["Choose a country", "选择国家"])
        XCTAssertTrue(
            app.tmux.waitUntil { _ in (app.sessionJSON()?["bilingual"] as? Bool) == true },
            "not saved: \(String(describing: app.sessionJSON()))")
        try app.press("q", expect: ["APP-EXIT="])
        app.assertExit(code: 0)

        let again = try AppDriver(
            self, ["--lang", "en"], sharing: app, ready: ["Choose a country", "选择国家"])
        try again.press("B", expect: ["Choose a country"], absent: ["选择国家"])
        try again.press("q", expect: ["APP-EXIT="])
        again.assertExit(code: 0)
    }

    /// The sheet `p` writes in the bilingual view has both languages, the visitor's first.
    func testTheSheetIsBilingualToo() throws {
        let handouts = try DeskFixture.folder(self, "bilingual")
        let app = try AppDriver(self, ["--bilingual", "--handout-dir", handouts], ready: ["选择国家"])
        try Flow.openFranceVitaleWorker(app)
        try app.press("p", expect: ["须知单已保存："])
        let files = try DeskFixture.files(handouts)
        let name = try XCTUnwrap(files.first, "no sheet written")
        let sheet = try String(contentsOfFile: handouts + "/" + name, encoding: .utf8)
        let lines = sheet.split(separator: "\n").map(String.init)
        let rules = try XCTUnwrap(lines.firstIndex(of: "安全须知（法国）"), sheet)
        XCTAssertEqual(lines[rules + 1], "Safety rules (France)", sheet)
        let step = "[ ] 1. 先确认你能否参保（PUMa）\n       Check that you can be covered (PUMa)"
        XCTAssertTrue(sheet.contains(step), sheet)
        try app.press("q", expect: ["APP-EXIT="])
        app.assertExit(code: 0)
    }
}
