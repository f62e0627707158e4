import CardGuideCore
import XCTest

@testable import CardGuideUI

/// Every screen at 80x24 and 40x12 in Chinese and English on the fixture pack, compared with
/// fixtures in `__Snapshots__` (record with `SNAPSHOT_RECORD=1`), plus the too-small screen,
/// the overlays and the ASCII and plain modes. Each snapshot also checks the frame invariants.
/// The shipped pack's own screens are `ShippedScreenTests`.
final class ScreenSnapshotTests: XCTestCase {
    static let sizes = [(80, 24), (40, 12)]

    /// Snapshots one scenario in both languages at both sizes: `<name>_<lang>_<w>x<h>`.
    private func snap(
        _ name: String, languages: [Language] = Language.allCases, sizes: [(Int, Int)] = sizes,
        display: DisplayOptions = DisplayOptions(), suffix: String = "",
        withChecklists: Bool = false,
        file: StaticString = #filePath, line: UInt = #line,
        _ script: (inout Driver) throws -> Void = { _ in }
    ) throws {
        let pack = try FixturePack.pack()
        try Snapshot.scenario(
            name, pack: pack, languages: languages, sizes: sizes, display: display,
            suffix: suffix, checklists: withChecklists ? try Self.inProgress(pack) : [],
            file: file, line: line, script)
    }

    /// Three checklists in progress: two in China, one in France, most recent first.
    private static func inProgress(_ pack: ContentPack) throws -> [Checklist] {
        [
            try Progress.checklist(
                pack, card: "cn-card", method: "cn-card-family", at: 1, done: [0], ticked: 1,
                changed: 300),
            try Progress.checklist(
                pack, card: "fr-vitale", method: "fr-vitale-post", at: 1, done: [0], ticked: 2,
                changed: 200),
            try Progress.checklist(
                pack, card: "cn-card", method: "cn-card-online", at: 0, changed: 100),
        ]
    }

    func testHome() throws { try snap("home") }

    func testHomeWithChecklistsInProgress() throws {
        try snap("home-checklists", withChecklists: true) { driver in
            XCTAssertEqual(driver.state.homeEntries.count, 3 + 3 + 2)
        }
    }

    func testCards() throws { try snap("cards") { $0.press("enter") } }

    func testMethods() throws { try snap("methods") { $0.press("enter", "enter") } }

    /// The card's rules in one screen as its checklist starts (the first done), not a page
    /// of over a hundred lines before every wizard.
    func testSafetyBoxWhenAChecklistStarts() throws {
        try snap("safety-box") { driver in
            driver.openChinaCardMethod(0)
            driver.press("d")
            XCTAssertEqual(driver.state.overlay, .safetyBox(cardID: "cn-card"))
        }
    }

    /// Finished checklists stand under their own heading, after the countries.
    func testHomeWithAFinishedChecklist() throws {
        let pack = try FixturePack.pack()
        let steps = try XCTUnwrap(pack.card("fr-vitale")?.method("fr-vitale-online")).steps.count
        let finished = try Progress.checklist(
            pack, card: "fr-vitale", method: "fr-vitale-online", at: steps - 1,
            done: Array(0..<steps), changed: 400)
        try snap("home-finished", withChecklists: true) { driver in
            driver.state.checklists.insert(finished, at: 0)
            while let selection = driver.selection,
                !(driver.state.homeEntries[selection].isFinished)
            {
                driver.press("down")
            }
            XCTAssertEqual(driver.state.homeEntries[driver.selection ?? 0], .finished(finished))
        }
    }

    /// A list that does not fit says where the selection is and where more items hide.
    func testListPositionMarker() throws {
        try snap("list-position") { driver in
            driver.press("f", "down", "down", "down", "down")
            XCTAssertEqual(driver.selection, 4)
        }
    }

    func testSafetyFromHome() throws { try snap("safety") { $0.press("s") } }

    func testSafetyEnd() throws { try snap("safety-end") { $0.press("s", "end") } }

    func testWizardFirstStep() throws { try snap("wizard-first") { $0.openChinaCardMethod(0) } }

    /// A step paged down says what is hidden above it as well as below (at 80x24 the
    /// fixture's steps fit).
    func testWizardScrolled() throws {
        try snap("wizard-scrolled", sizes: [(40, 12)]) { driver in
            driver.openChinaCardMethod(0)
            driver.press("pgdn")
        }
        try snap(
            "wizard-scrolled", languages: [.en], sizes: [(40, 12)],
            display: DisplayOptions(ascii: true), suffix: "_ascii"
        ) { driver in
            driver.openChinaCardMethod(0)
            driver.press("pgdn")
        }
    }

    func testWizardMiddleStepWithATick() throws {
        try snap("wizard-middle") { driver in
            driver.openChinaCardMethod(0)
            // The first tick starts the checklist and shows the safety box: Enter closes it.
            driver.press("n", "down", "space", "enter")
            XCTAssertEqual(driver.wizard?.material, 1)
            XCTAssertNil(driver.state.overlay)
        }
    }

    /// The last step's title is the pack's longest: truncated by columns at 40.
    func testWizardLastStep() throws {
        try snap("wizard-last") { driver in
            driver.openChinaCardMethod(0)
            driver.press("n", "n")
        }
    }

    func testWizardNotice() throws {
        try snap("wizard-notice") { driver in
            driver.openChinaCardMethod(0)
            driver.press("b")
            XCTAssertNotNil(driver.state.notice)
        }
    }

    func testOverview() throws {
        try snap("overview") { driver in
            driver.openChinaCardMethod(0)
            driver.press("d", "enter", "o")
            guard case .overview = driver.state.screen else {
                return XCTFail("not the overview: \(driver.state.screen)")
            }
        }
    }

    func testComparisonTable() throws { try snap("comparison") { $0.press("enter", "enter", "c") } }

    func testComparisonOfThreeMethods() throws {
        try snap("comparison-3") { $0.press("enter", "enter", "c", "tab") }
    }

    func testFAQList() throws { try snap("faq-list") { $0.press("enter", "enter", "f") } }

    func testAllFAQ() throws { try snap("faq-all") { $0.press("f", "end") } }

    /// CJK wrapping with closing punctuation kept off a line's start.
    func testFAQAnswer() throws {
        try snap("faq-answer") { $0.press("enter", "enter", "f", "enter") }
    }

    func testCautions() throws { try snap("cautions") { $0.press("enter", "enter", "w") } }

    /// From a card (China's first card) the contacts of its country; from home every country's.
    func testContacts() throws {
        try snap("contacts") { $0.press("enter", "enter", "t") }
        try snap("contacts-all") { $0.press("t", "end") }
    }

    func testSearchPrompt() throws { try snap("search-empty") { $0.press("/") } }

    func testSearchWithResults() throws {
        try snap("search") { driver in
            driver.press("/")
            driver.type(driver.state.language == .zh ? "密码" : "pin")
            driver.press("down")
        }
    }

    func testSearchWithoutResults() throws {
        try snap("search-none") { driver in
            driver.press("/")
            driver.type("xyzzy")
        }
    }

    func testHelpOverlay() throws { try snap("help") { $0.press("?") } }

    func testHelpOverlayOnTheWizard() throws {
        try snap("help-wizard") { driver in
            driver.openChinaCardMethod(0)
            driver.press("?")
        }
    }

    func testConfirmReset() throws {
        try snap("confirm-reset", withChecklists: true) { driver in
            driver.press("x")
            XCTAssertEqual(
                driver.state.overlay, .confirm(.resetChecklist(methodID: "cn-card-family")))
        }
    }

    func testConfirmRemove() throws {
        try snap("confirm-remove", withChecklists: true) { driver in
            driver.press("down", "D")
            XCTAssertEqual(
                driver.state.overlay, .confirm(.removeChecklist(methodID: "fr-vitale-post")))
        }
    }

    func testProfiles() throws {
        try snap("profiles") { driver in
            driver.press("P")
            // Plain data, worded in the snapshot's language (the French row too).
            let checklists = try Self.inProgress(driver.state.pack)
            driver.state.profiles = [
                ProfileListing(
                    name: nil, progress: .checklists(count: 2, latest: checklists[0])),
                ProfileListing(
                    name: "wang-li", progress: .checklists(count: 1, latest: checklists[1])),
                ProfileListing(name: "chen", progress: .checklists(count: 0, latest: nil)),
            ]
            driver.state.currentProfile = "wang-li"
            driver.press("down")
        }
    }

    func testProfilesWhenThereAreNone() throws { try snap("profiles-none") { $0.press("P") } }

    func testTooSmall() throws {
        try snap("too-small", sizes: [(39, 11), (30, 10), (39, 24), (80, 11)]) { driver in
            XCTAssertTrue(driver.state.isTooSmall)
        }
    }

    func testASCIIAndPlain() throws {
        try snap(
            "wizard-middle", languages: [.en], sizes: [(80, 24)],
            display: DisplayOptions(ascii: true), suffix: "_ascii"
        ) { driver in
            driver.openChinaCardMethod(0)
            driver.press("n", "down", "space", "enter")
        }
        try snap(
            "help", languages: [.zh], sizes: [(80, 24)], display: DisplayOptions(ascii: true),
            suffix: "_ascii"
        ) { $0.press("?") }
        // Plain mode says the progress in words, not as a bar of # and dots.
        try snap(
            "wizard-middle", languages: Language.allCases, sizes: [(80, 24)],
            display: DisplayOptions(plain: true),
            suffix: "_plain"
        ) { driver in
            driver.openChinaCardMethod(0)
            driver.press("d", "enter")
        }
        try snap(
            "list-position", languages: [.en], sizes: [(40, 12)],
            display: DisplayOptions(ascii: true),
            suffix: "_ascii"
        ) { $0.press("f", "down", "down", "down", "down") }
        try snap(
            "home-checklists", languages: [.zh], sizes: [(80, 24)],
            display: DisplayOptions(plain: true), suffix: "_plain",
            withChecklists: true
        ) { driver in
            // Plain mode parks the real cursor on the selected item, for screen readers.
            driver.press("down")
            let grid = driver.grid
            let cursor = try XCTUnwrap(grid.cursor)
            XCTAssertEqual(
                grid[cursor.row, cursor.column].text, ">",
                "the cursor is not on the selection marker")
        }
    }

    /// The search marks the query in every hit's title (the shipped pack's many hits): each
    /// `.match` run is the query.
    func testSearchHighlightsTheQuery() throws {
        for (language, query) in [(Language.zh, "密码"), (.en, "pin")] {
            var driver = try Driver(language)
            driver.press("/")
            driver.type(query)
            let grid = driver.grid
            var runs: [String] = []
            for row in 0..<grid.size.height {
                var run = ""
                for x in 0..<grid.size.width {
                    if grid[row, x].role == .match {
                        run += grid[row, x].text
                    } else if !run.isEmpty {
                        runs.append(run)
                        run = ""
                    }
                }
                if !run.isEmpty { runs.append(run) }
            }
            XCTAssertGreaterThanOrEqual(
                runs.count, 3, "\(language): too few highlighted matches:\n\(driver.screenText)")
            for run in runs {
                XCTAssertEqual(run.lowercased(), query, "\(language): highlighted \(run)")
            }
        }
    }

    /// CJK wrapping over the shipped pack's long pages: no row of a Chinese page starts with
    /// closing punctuation, and no page line is wider than the page.
    func testChinesePagesKeepClosingPunctuationOffLineStarts() throws {
        let closing: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "】"]
        let scripts: [[String]] = [
            ["enter", "enter", "f", "enter"], ["s"], ["enter", "enter", "w"],
            ["enter", "enter", "enter"],
        ]
        for (width, height) in Self.sizes {
            for script in scripts {
                var driver = try Driver(.zh, width, height)
                for key in script { driver.press(key) }
                var page = 0
                repeat {
                    for (n, row) in driver.rows.enumerated().dropFirst(2).dropLast(2) {
                        let first = row.drop { $0 == " " }.first
                        if let first {
                            XCTAssertFalse(
                                closing.contains(first),
                                "\(script) \(width)x\(height) row \(n): \(row)")
                        }
                    }
                    driver.press("pgdn")
                    page += 1
                } while page < 60
            }
        }
    }
}
