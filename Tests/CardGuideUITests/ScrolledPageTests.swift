import CardGuideCore
import XCTest

@testable import CardGuideUI

/// Pages scrolled down say what they hide above, as they always said what they hide below,
/// in words on the notice line (the same in ASCII); the wizard's pages never start on a
/// blank line when they can start after it.
final class ScrolledPageTests: XCTestCase {
    private func note(_ driver: Driver) -> String {
        driver.rows[Layout(driver.state.size).noticeRow].trimmingCharacters(in: .whitespaces)
    }

    func testAScrolledStepSaysWhatIsHiddenAbove() throws {
        let pack = try FixturePack.pack()
        for language in Language.allCases {
            for display in [DisplayOptions(), DisplayOptions(ascii: true)] {
                var driver = try Driver(language, 40, 12, display: display, pack: pack)
                driver.openChinaCardMethod(0)
                let s = Strings(language)
                let count = Pages.wizardLines(driver.state, try XCTUnwrap(driver.wizard)).count
                let height = WizardUpdate.scrollHeight(driver.state)
                XCTAssertEqual(note(driver), s.moreBelow(count - height))
                driver.press("pgdn")
                let scroll = try XCTUnwrap(driver.wizard?.scroll)
                XCTAssertGreaterThan(scroll, 0)
                XCTAssertEqual(
                    note(driver), s.moreAround(above: scroll, below: count - scroll - height),
                    driver.screenText)
                driver.press("pgdn", "pgdn", "pgdn", "pgdn")
                XCTAssertEqual(
                    note(driver), s.moreAbove(try XCTUnwrap(driver.wizard?.scroll)),
                    driver.screenText)
            }
        }
    }

    /// The other scrolled pages (safety rules, cautions, answers, comparisons, contacts)
    /// share the note.
    func testAScrolledPageSaysWhatIsHiddenAbove() throws {
        let pack = try FixturePack.pack()
        for language in Language.allCases {
            var driver = try Driver(language, 40, 12, pack: pack)
            driver.press("s", "end")
            guard case .safety(let scroll) = driver.state.screen else { return XCTFail() }
            XCTAssertGreaterThan(scroll, 0)
            XCTAssertEqual(note(driver), Strings(language).moreAbove(scroll), driver.screenText)
        }
    }

    /// Paging through a step at 40x12 (five rows of text) never shows a page whose first
    /// row is the blank line between two paragraphs; the last page then ends on a blank row.
    func testAPageOfAStepNeverStartsOnABlankLine() throws {
        for pack in [try FixturePack.pack(), try ShippedPack.pack()] {
            for language in Language.allCases {
                var driver = try Driver(language, 40, 12, pack: pack)
                driver.openChinaCardMethod(0)
                var seen: [Int] = []
                for key in ["pgdn", "pgdn", "pgdn", "pgdn", "pgdn", "pgup", "pgup", "end"] {
                    driver.press(key)
                    let wizard = try XCTUnwrap(driver.wizard)
                    let lines = Pages.wizardLines(driver.state, wizard)
                    seen.append(wizard.scroll)
                    XCTAssertFalse(
                        wizard.scroll > 0 && lines[wizard.scroll].text.isEmpty,
                        "\(language) \(key) after \(seen)\n\(driver.screenText)")
                }
            }
        }
    }

    /// The other scrolled pages follow the same rule: paging through an answer, the safety
    /// rules, a card's cautions or the contacts at 40x12 never shows a page that starts on a
    /// blank line.
    func testNoScrolledPageStartsOnABlankLine() throws {
        let scripts: [(String, [String])] = [
            ("safety", ["s"]), ("faq answer", ["down", "enter", "enter", "f", "enter"]),
            ("cautions", ["down", "enter", "enter", "w"]), ("contacts", ["t"]),
        ]
        for pack in [try FixturePack.pack(), try ShippedPack.pack()] {
            for language in Language.allCases {
                for (name, keys) in scripts {
                    var driver = try Driver(language, 40, 12, pack: pack)
                    for key in keys { driver.press(key) }
                    var seen: [Int] = []
                    for key in ["pgdn", "pgdn", "pgdn", "pgdn", "pgdn", "pgup", "pgup", "end"] {
                        driver.press(key)
                        let (lines, scroll) = page(driver.state)
                        seen.append(scroll)
                        XCTAssertFalse(
                            scroll > 0 && lines[scroll].text.isEmpty,
                            "\(name) \(language) \(key) after \(seen)\n\(driver.screenText)")
                    }
                }
            }
        }
    }

    /// The lines of the scrolled page on screen and its scroll offset.
    private func page(_ state: AppState) -> ([PageLine], Int) {
        switch state.screen {
        case .safety(let scroll): return (Pages.safetyLines(state), scroll)
        case .faqAnswer(let cardID, let faqID, let scroll):
            return (Pages.faqLines(state, cardID: cardID, faqID: faqID), scroll)
        case .cautions(let cardID, let scroll):
            return (Pages.cautionLines(state, cardID: cardID), scroll)
        case .contacts(let countryID, let scroll):
            return (ContactPages.lines(state, countryID: countryID), scroll)
        default:
            XCTFail("not a scrolled page: \(state.screen)")
            return ([], 0)
        }
    }
}
