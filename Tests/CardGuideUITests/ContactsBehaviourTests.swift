import CardGuideCore
import XCTest

@testable import CardGuideUI

/// The official contacts screen: reached with t from any screen (a card opens its own
/// country's), from the help overlay and from the home screen's entry; Esc goes back.
final class ContactsBehaviourTests: XCTestCase {
    func testTOnACardShowsThatCountrysContacts() throws {
        var driver = try Driver(.en)
        driver.press("down", "enter", "enter") // Germany, its first card
        driver.press("t")
        XCTAssertEqual(driver.state.screen, .contacts(countryID: "de", scroll: 0))
        XCTAssertTrue(driver.screenText.contains("116 116"), driver.screenText)
        XCTAssertFalse(driver.screenText.contains("12333"), "another country's lines stay out")
        driver.press("t")
        let opened = driver.state.stack.filter { $0.context == .contacts }.count
        XCTAssertEqual(opened, 1, "t twice opens one")
        driver.press("esc")
        XCTAssertEqual(driver.state.screen.context, .methods)
    }

    func testHelpOverlayAndHomeEntryOpenTheContacts() throws {
        var driver = try Driver(.zh)
        driver.press("?")
        XCTAssertNotNil(driver.state.overlay)
        driver.press("t")
        XCTAssertNil(driver.state.overlay, "the help closes")
        XCTAssertEqual(driver.state.screen, .contacts(countryID: nil, scroll: 0))
        XCTAssertTrue(driver.screenText.contains("官方联系方式"), driver.screenText)
        driver.press("esc", "end", "enter") // the home screen's last entry
        XCTAssertEqual(driver.state.screen, .contacts(countryID: nil, scroll: 0))
    }

    func testTheWizardsSafetyPageShowsItsCountrysRules() throws {
        var driver = try Driver(.en)
        driver.openChinaCardMethod(0)
        driver.press("s")
        XCTAssertTrue(driver.screenText.contains("S1-CN"), driver.screenText)
        XCTAssertFalse(driver.screenText.contains("S1-DE"), driver.screenText)
    }
}
