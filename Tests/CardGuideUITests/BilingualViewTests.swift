import CardGuideCore
import XCTest

@testable import CardGuideUI

/// Issue 12: the bilingual view's screens (grid snapshots) and its key.
final class BilingualViewTests: XCTestCase {
    private func driver(
        _ language: Language, _ width: Int, _ height: Int, pack: ContentPack? = nil
    ) throws -> Driver {
        try Driver(language, width, height, display: DisplayOptions(bilingual: true), pack: pack)
    }

    /// On the fixture pack: France's card, its methods, the first step; the safety rules.
    func testSnapshots() throws {
        let pack = try FixturePack.pack()
        for (width, height) in [(80, 24), (40, 12)] {
            let size = "\(width)x\(height)"
            var home = try driver(.zh, width, height, pack: pack)
            Snapshot.assert(home.state, named: "bilingual-home_zh_\(size)")
            home.press("down", "enter", "enter")
            Snapshot.assert(home.state, named: "bilingual-methods_zh_\(size)")
            home.press("enter", "enter")
            Snapshot.assert(home.state, named: "bilingual-wizard_zh_\(size)")
            var english = try driver(.en, width, height, pack: pack)
            english.press("s")
            Snapshot.assert(english.state, named: "bilingual-safety_en_\(size)")
        }
    }

    /// Every Chinese line of a page is followed by its English, at the same indent, dimmed.
    func testThePageHasTheOtherLanguageBeneathInTheDimRole() throws {
        var driver = try driver(.zh, 80, 24)
        driver.press("s")
        let lines = Pages.safetyLines(driver.state)
        let first = try XCTUnwrap(driver.state.pack.safety.first)
        let rule = try XCTUnwrap(lines.firstIndex { $0.text.hasPrefix(first.id + " ") })
        XCTAssertEqual(lines[rule + 1].text, first.id + " " + first.title.en)
        XCTAssertEqual(lines[rule + 1].role, .dim)
        XCTAssertEqual(lines[rule + 1].indent, lines[rule].indent)
        driver.state.display.bilingual = false
        XCTAssertFalse(
            Pages.safetyLines(driver.state).contains { $0.text.contains(first.title.en) })
    }

    /// The wizard's "What to bring" line says how many items are ready in both languages,
    /// and in English a single item is not "items".
    func testWhatToBringCountsInBothLanguages() throws {
        var wizard = try driver(.zh, 80, 24, pack: try FixturePack.pack())
        wizard.press("down", "enter", "enter", "enter", "enter")
        let lines = Pages.wizardLines(wizard.state, try XCTUnwrap(wizard.wizard))
        let title = try XCTUnwrap(lines.firstIndex { $0.text.hasPrefix(Strings(.zh).bring) })
        XCTAssertTrue(lines[title].text.hasSuffix("(0/1 项材料已备齐)"), lines[title].text)
        XCTAssertEqual(lines[title + 1].text, "What to bring (0 of 1 item ready)")
        XCTAssertEqual(Strings(.en).materialsReady(1, 2), "1 of 2 items ready")
    }

    /// Search hits and the help overlay carry the other language too.
    func testSearchAndHelpInBothLanguages() throws {
        var search = try driver(.zh, 80, 24)
        search.press("/")
        search.type("pin")
        let english = "[FAQ] How long does the PIN letter take?"
        XCTAssertTrue(
            search.rows.contains { $0.contains(english) },
            search.screenText)
        var help = try driver(.en, 80, 24)
        help.press("?")
        XCTAssertTrue(help.screenText.contains("All FAQ  全部问答"), help.screenText)
    }

    /// A kiosk gives the next visitor the desk's setting, whatever the last one chose.
    func testKioskResetGoesBackToTheDesksSetting() throws {
        var driver = try Driver(.zh)
        driver.state.helpDesk = HelpDeskState(kiosk: IdleClock(idle: 10, lastInput: Driver.start))
        driver.press("B")
        XCTAssertTrue(driver.state.display.bilingual)
        _ = Update.timer(&driver.state, now: Driver.start.addingTimeInterval(60))
        XCTAssertFalse(driver.state.display.bilingual)
        driver.state.helpDesk.defaultBilingual = true
        _ = Update.timer(&driver.state, now: Driver.start.addingTimeInterval(600))
        XCTAssertTrue(driver.state.display.bilingual)
    }

    func testKeyBSwitchesAndSaves() throws {
        var driver = try Driver(.zh)
        XCTAssertEqual(driver.press("B"), [.saveSession])
        XCTAssertTrue(driver.state.display.bilingual)
        XCTAssertTrue(driver.screenText.contains("Choose a country"))
        driver.press("B")
        XCTAssertFalse(driver.screenText.contains("Choose a country"))
    }
}
