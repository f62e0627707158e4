import CardGuideCore
import XCTest

@testable import CardGuideUI

/// What a person does with the keys, on the shipped pack: navigation, the wizard, search,
/// language, resizing, the confirmations. Keys go through the keymaps, as in the app.
final class BehaviourTests: XCTestCase {
    private func contexts(_ driver: Driver) -> [KeyContext] { driver.state.stack.map(\.context) }

    func testHomeToCountryToCardToMethodToWizardStartsNothing() throws {
        var driver = try Driver(.en)
        XCTAssertEqual(contexts(driver), [.home])
        driver.press("enter")
        XCTAssertEqual(contexts(driver), [.home, .cards])
        XCTAssertTrue(driver.rows[0].contains("China"), driver.rows[0])
        driver.press("enter")
        XCTAssertEqual(contexts(driver), [.home, .cards, .methods])
        XCTAssertTrue(driver.screenText.contains("Choose how to do it"))
        driver.press("down", "enter")
        // Straight to the step: reading starts no checklist and shows no page of rules.
        XCTAssertEqual(contexts(driver), [.home, .cards, .methods, .wizard])
        XCTAssertEqual(driver.lastEffects, [], "opening a method to read saves nothing")
        XCTAssertNil(driver.checklist("cn-card-online"))
        XCTAssertEqual(driver.wizard?.methodID, "cn-card-online")
        XCTAssertTrue(driver.rows[2].hasPrefix(" Step 1 of 5"), driver.rows[2])
        XCTAssertTrue(driver.rows[3].contains("[Not started]"), driver.rows[3])
    }

    /// The first tick starts the checklist and shows the card's rules once, in one box;
    /// `s` opens their full text.
    func testTheFirstTickStartsTheChecklistWithTheSafetyBox() throws {
        var driver = try Driver(.en)
        driver.openChinaCardMethod(0)
        driver.press("n", "space")
        XCTAssertNil(
            driver.checklist("cn-card-branch"), "the first Space only brings the item into view")
        XCTAssertTrue(
            driver.screenText.contains("Press Space again to tick it"),
            "and says so: \(driver.screenText)")
        driver.press("space")
        XCTAssertEqual(driver.lastEffects, [.saveSession])
        XCTAssertNotNil(driver.checklist("cn-card-branch"))
        XCTAssertEqual(driver.state.overlay, .safetyBox(cardID: "cn-card"))
        XCTAssertTrue(driver.screenText.contains("Checklist started. Remember:"), driver.screenText)
        driver.press("s")
        XCTAssertNil(driver.state.overlay)
        XCTAssertEqual(driver.context, .safety)
        driver.press("esc", "space")
        XCTAssertNil(driver.state.overlay, "the box shows once, when the checklist starts")
    }

    func testNextAndBack() throws {
        var driver = try Driver(.en)
        driver.openChinaCardMethod(0)
        let method = try XCTUnwrap(driver.state.pack.card("cn-card")?.method("cn-card-branch"))
        func step() -> Int { driver.wizard!.step }
        driver.press("b")
        XCTAssertEqual(step(), 0)
        XCTAssertEqual(driver.state.notice?.text, "This is the first step.")
        XCTAssertTrue(driver.rows[22].contains("This is the first step."), driver.rows[22])
        driver.press(.nextStep)
        XCTAssertEqual(step(), 1)
        XCTAssertNil(driver.state.notice, "a notice lasts until the next key")
        XCTAssertEqual(driver.lastEffects, [], "reading saves nothing")
        driver.press("enter", "right")
        XCTAssertEqual(step(), 3)
        driver.press("left")
        XCTAssertEqual(step(), 2)
        driver.press("n", "n", "n")
        XCTAssertEqual(step(), 4)
        XCTAssertEqual(
            driver.state.overlay,
            .confirm(.finishChecklist(cardID: "cn-card", methodID: "cn-card-branch")),
            "Enter on the last step offers to finish")
        driver.press("n")
        XCTAssertTrue(driver.rows[2].hasPrefix(" Step 5 of 5"), driver.rows[2])
        // Moving starts nothing: no checklist, no step in progress.
        XCTAssertNil(driver.checklist("cn-card-branch"))
        XCTAssertEqual(method.steps.count, 5)
    }

    func testSpaceTicksTheSelectedMaterialAndStartsItsStep() throws {
        let pack = try ShippedPack.pack()
        let method = try XCTUnwrap(pack.card("cn-card")?.method("cn-card-family"))
        // A checklist saved at step 2 before that step was started.
        var saved = try Progress.checklist(pack, card: "cn-card", method: "cn-card-family", at: 1)
        saved.stepStatus[method.steps[1].id] = nil
        var driver = try Driver(.en, checklists: [saved])
        driver.press("enter")
        XCTAssertEqual(driver.context, .wizard)
        XCTAssertTrue(driver.rows[3].contains("[Not started]"), driver.rows[3])
        let materials = method.steps[1].bring
        XCTAssertEqual(materials.count, 4)
        driver.press("down", "down")
        XCTAssertEqual(driver.press(.tick), [.saveSession])
        let checklist = try XCTUnwrap(driver.checklist("cn-card-family"))
        XCTAssertEqual(checklist.ticked, [materials[2].id])
        XCTAssertEqual(checklist.status(of: method.steps[1].id), .inProgress)
        XCTAssertTrue(driver.rows[3].contains("[In progress]"), driver.rows[3])
        let selected = try XCTUnwrap(driver.rows.first { $0.hasPrefix(" > ") }, driver.screenText)
        XCTAssertTrue(selected.contains("[x] "), selected)
        XCTAssertTrue(driver.screenText.contains("(1 of 4 items ready)"), driver.screenText)
        driver.press("space")
        XCTAssertEqual(driver.checklist("cn-card-family")?.ticked, [], "Space again unticks")
        XCTAssertTrue(driver.screenText.contains("(0 of 4 items ready)"))
    }

    func testDMarksTheStepDoneAndMovesOn() throws {
        var driver = try Driver(.en)
        driver.openChinaCardMethod(0)
        let method = try XCTUnwrap(driver.state.pack.card("cn-card")?.method("cn-card-branch"))
        XCTAssertEqual(driver.press("d"), [.saveSession])
        var checklist = try XCTUnwrap(driver.checklist("cn-card-branch"))
        XCTAssertEqual(checklist.status(of: method.steps[0].id), .done)
        XCTAssertEqual(checklist.currentIndex(in: method), 1)
        XCTAssertEqual(driver.state.notice?.text, "Step 1 done.")
        XCTAssertTrue(driver.rows[2].hasSuffix("1 of 5 done "), driver.rows[2])
        driver.press("enter") // past the safety box of the checklist just started
        driver.press("n", "n", "n", "d")
        checklist = try XCTUnwrap(driver.checklist("cn-card-branch"))
        XCTAssertEqual(checklist.currentIndex(in: method), 4, "the last step stays")
        XCTAssertEqual(checklist.doneCount(in: method), 2)
        XCTAssertTrue(driver.rows[3].contains("[Done]"), driver.rows[3])
        XCTAssertTrue(
            driver.rows.last?.contains("d Mark not done") ?? false, driver.rows.last ?? "")
        driver.press("d")
        XCTAssertEqual(
            driver.checklist("cn-card-branch")?.status(of: method.steps[4].id), .notStarted,
            "d again undoes it: nothing in it is ticked")
        XCTAssertEqual(driver.state.notice?.text, "Step 5 is not done any more.")
        XCTAssertTrue(driver.rows.last?.contains("d Mark done") ?? false, driver.rows.last ?? "")
    }

    func testOverviewJumpsToAStep() throws {
        var driver = try Driver(.en)
        driver.openChinaCardMethod(3)
        driver.press("n", "down")
        XCTAssertEqual(driver.wizard?.material, 1)
        driver.press("o")
        XCTAssertEqual(driver.context, .overview)
        XCTAssertEqual(driver.selection, 1, "the overview opens on the current step")
        XCTAssertTrue(driver.rows.contains { $0.hasPrefix(" > 2. ") }, driver.screenText)
        driver.press("down", "down", "d")
        let method = try XCTUnwrap(driver.state.pack.card("cn-card")?.method("cn-card-family"))
        XCTAssertEqual(
            driver.checklist("cn-card-family")?.status(of: method.steps[3].id), .done,
            "d in the overview")
        XCTAssertEqual(driver.context, .overview, "d in the overview stays there")
        XCTAssertEqual(driver.press("enter"), [.saveSession])
        XCTAssertEqual(driver.context, .wizard)
        XCTAssertEqual(driver.checklist("cn-card-family")?.currentIndex(in: method), 3)
        XCTAssertEqual(driver.wizard?.material, 0, "a new step starts on its first material")
        XCTAssertEqual(driver.wizard?.scroll, 0)
        XCTAssertTrue(driver.rows[2].hasPrefix(" Step 4 of 5"), driver.rows[2])
    }

    func testLanguageSwitchKeepsTheScreenAndSelection() throws {
        var driver = try Driver(.zh)
        driver.openChinaCardMethod(3)
        driver.press("n", "down", "down")
        let stack = driver.state.stack
        let chinese = driver.screenText
        XCTAssertTrue(chinese.contains("步骤 2/5"))
        XCTAssertEqual(driver.press("L"), [.saveSession])
        XCTAssertEqual(driver.state.language, .en)
        XCTAssertEqual(driver.state.stack, stack)
        let english = driver.screenText
        XCTAssertTrue(english.contains("Step 2 of 5"), english)
        XCTAssertTrue(english.contains("What to bring"), english)
        XCTAssertFalse(english.contains("步骤"), english)
        XCTAssertEqual(driver.wizard?.material, 2)
        XCTAssertTrue(try XCTUnwrap(driver.rows.first { $0.hasPrefix(" > ") }).contains("[ ]"))
        driver.press("L")
        XCTAssertEqual(driver.state.language, .zh)
        XCTAssertEqual(driver.screenText, chinese, "back in Chinese, the same screen")

        // A list keeps its selection too.
        driver.press("esc", "esc", "f", "pgdn")
        let selection = try XCTUnwrap(driver.selection)
        XCTAssertGreaterThan(selection, 0)
        let question = try XCTUnwrap(driver.rows.first { $0.hasPrefix(" > ") })
        driver.press("L")
        XCTAssertEqual(driver.context, .faqList)
        XCTAssertEqual(driver.selection, selection)
        XCTAssertNotEqual(
            driver.rows.first { $0.hasPrefix(" > ") }, question,
            "the selected question is now in English")
    }

    func testSearchInChineseNarrowsWidensAndOpens() throws {
        var driver = try Driver(.zh)
        driver.press("/")
        XCTAssertEqual(driver.context, .search)
        XCTAssertTrue(driver.screenText.contains("输入中文或英文关键词"))
        driver.type("密码")
        let wide = try XCTUnwrap(driver.search?.hits)
        XCTAssertGreaterThan(wide.count, 5)
        XCTAssertTrue(driver.rows[3].hasPrefix(" \(wide.count) 条结果"), driver.rows[3])
        driver.type("输错")
        let narrow = try XCTUnwrap(driver.search?.hits)
        XCTAssertGreaterThan(narrow.count, 0)
        XCTAssertLessThan(narrow.count, wide.count)
        XCTAssertTrue(Set(narrow.map(\.document)).isSubset(of: Set(wide.map(\.document))))
        driver.press("bksp", "bksp")
        XCTAssertEqual(driver.search?.query, "密码")
        XCTAssertEqual(driver.search?.hits, wide, "Backspace brings the wider results back")
        driver.type("输错")
        driver.press("down")
        XCTAssertEqual(driver.selection, 1)
        let index = SearchIndex(pack: driver.state.pack, language: .zh)
        let target = index.documents[narrow[1].document]
        driver.press("enter")
        switch (target.target, driver.state.screen) {
        case (.faq(let card, let faq), .faqAnswer(let openedCard, let openedFAQ, _)):
            XCTAssertEqual([card, faq], [openedCard, openedFAQ])
            XCTAssertTrue(driver.screenText.contains(target.title), driver.screenText)
        case (.caution(let card, _), .cautions(let openedCard, _)): XCTAssertEqual(card, openedCard)
        case (.step(let card, let method, _), _):
            XCTAssertTrue(
                driver.state.stack.contains(.wizard(WizardState(cardID: card, methodID: method))),
                "\(driver.state.stack)")
        case (.card(let card), .methods(let openedCard, _)): XCTAssertEqual(card, openedCard)
        default: XCTFail("Enter on \(target.target) opened \(driver.state.screen)")
        }
        // Esc comes back to the results as they were.
        driver.press("esc")
        XCTAssertEqual(driver.search?.query, "密码输错")
        XCTAssertEqual(driver.selection, 1)
        // Backspace on an empty query closes the search.
        driver.press("bksp", "bksp", "bksp", "bksp")
        XCTAssertEqual(driver.search?.query, "")
        driver.press("bksp")
        XCTAssertEqual(contexts(driver), [.home])
    }

    func testEscPopsOneScreenAndHomeStays() throws {
        var driver = try Driver(.en)
        driver.press("enter", "enter", "f", "enter")
        XCTAssertEqual(contexts(driver), [.home, .cards, .methods, .faqList, .faqAnswer])
        for expected in [
            [KeyContext.home, .cards, .methods, .faqList], [.home, .cards, .methods],
            [.home, .cards], [.home], [.home],
        ] {
            driver.press("esc")
            XCTAssertEqual(contexts(driver), expected)
        }
        // Esc closes an overlay before it pops a screen.
        driver.press("enter", "?")
        driver.press("esc")
        XCTAssertNil(driver.state.overlay)
        XCTAssertEqual(contexts(driver), [.home, .cards])
    }

    func testQQuitsExceptInTheSearchFieldAndOverlays() throws {
        var driver = try Driver(.zh)
        XCTAssertEqual(driver.press("q"), [.quit])
        driver.openChinaCardMethod(0)
        XCTAssertEqual(driver.press("q"), [.quit])
        driver.press("?")
        XCTAssertEqual(driver.press("q"), [], "q closes help")
        XCTAssertNil(driver.state.overlay)
        driver.press("/")
        XCTAssertEqual(driver.press("q"), [])
        XCTAssertEqual(driver.search?.query, "q")
        driver.press("esc")
        driver.state.helpDesk = HelpDeskState(kiosk: IdleClock(idle: 60, lastInput: Driver.start))
        XCTAssertEqual(driver.press("q"), [], "a kiosk has no quit key")
    }

    func testResizeKeepsTheSelection() throws {
        var driver = try Driver(.en)
        driver.press("down", "down")
        XCTAssertEqual(driver.selection, 2)
        let before = driver.screenText
        driver.resize(100, 30)
        XCTAssertEqual(driver.selection, 2)
        XCTAssertTrue(driver.rows.contains { $0.hasPrefix(" > France") }, driver.screenText)
        XCTAssertEqual(driver.grid.size, Size(width: 100, height: 30))
        driver.resize(30, 10)
        XCTAssertTrue(driver.screenText.contains("Terminal too small"))
        XCTAssertEqual(driver.selection, 2)
        driver.press("down") // ignored while too small
        driver.resize(80, 24)
        XCTAssertEqual(driver.selection, 2)
        XCTAssertEqual(driver.screenText, before)

        // Deep in a long list, the selected item stays on screen at 40x12 and the selection
        // survives the round trip.
        driver.press("esc", "f")
        for _ in 0..<30 { driver.press("down") }
        let question = try XCTUnwrap(driver.rows.first { $0.hasPrefix(" > ") })
        driver.resize(40, 12)
        XCTAssertEqual(driver.selection, 30)
        let narrow = try XCTUnwrap(driver.rows.first { $0.hasPrefix(" > ") }, driver.screenText)
        XCTAssertTrue(question.hasPrefix(String(narrow.prefix(20))), "\(narrow) is not \(question)")
        driver.resize(100, 30)
        driver.resize(80, 24)
        XCTAssertEqual(driver.selection, 30)

        // The wizard keeps its selected material and keeps it visible.
        driver.press("esc")
        driver.openChinaCardMethod(3)
        driver.press("n", "down", "down", "down")
        driver.resize(40, 12)
        XCTAssertEqual(driver.wizard?.material, 3)
        XCTAssertTrue(driver.rows.contains { $0.hasPrefix(" > [ ]") }, driver.screenText)
        driver.resize(30, 10)
        driver.resize(80, 24)
        XCTAssertEqual(driver.wizard?.material, 3)
        XCTAssertTrue(driver.rows.contains { $0.hasPrefix(" > [ ]") }, driver.screenText)
    }

    func testResetAndRemoveAChecklistAskFirst() throws {
        let pack = try ShippedPack.pack()
        var driver = try Driver(.en, checklists: try ShippedPack.inProgress(pack))
        let family = try XCTUnwrap(pack.card("cn-card")?.method("cn-card-family"))
        let before = try XCTUnwrap(driver.checklist("cn-card-family"))
        XCTAssertEqual(before.currentIndex(in: family), 1)

        // Not on a checklist: x and D do nothing.
        driver.press("end", "x", "D")
        XCTAssertNil(driver.state.overlay)
        driver.press("home")

        driver.press("x")
        XCTAssertEqual(driver.state.overlay, .confirm(.resetChecklist(methodID: "cn-card-family")))
        XCTAssertTrue(driver.screenText.contains("Start this checklist again?"), driver.screenText)
        XCTAssertEqual(driver.rows[23].trimmingCharacters(in: .whitespaces), "y Yes  n No")
        XCTAssertEqual(driver.press("n"), [])
        XCTAssertNil(driver.state.overlay)
        XCTAssertEqual(driver.checklist("cn-card-family"), before, "n keeps the checklist")
        driver.press("x", "esc")
        XCTAssertEqual(driver.checklist("cn-card-family"), before, "Esc keeps it too")
        XCTAssertEqual(contexts(driver), [.home])

        driver.press("x")
        XCTAssertEqual(driver.press("y"), [.saveSession])
        let reset = try XCTUnwrap(driver.checklist("cn-card-family"))
        XCTAssertEqual(reset.currentIndex(in: family), 0)
        XCTAssertTrue(reset.ticked.isEmpty)
        XCTAssertEqual(reset.doneCount(in: family), 0)
        XCTAssertEqual(driver.state.checklists.count, 3, "reset keeps the checklist in the list")

        // Remove the last checklist: the selection moves up to stay in the list.
        driver.press("down", "down")
        XCTAssertEqual(driver.selection, 2)
        driver.press("D")
        XCTAssertEqual(
            driver.state.overlay, .confirm(.removeChecklist(methodID: "cn-ecard-wechat")))
        driver.press("N")
        XCTAssertEqual(driver.state.checklists.count, 3)
        driver.press("del", "Y")
        XCTAssertEqual(
            driver.state.checklists.map(\.methodID), ["cn-card-family", "fr-vitale-worker"])
        XCTAssertEqual(driver.state.homeEntries.count, 2 + 3 + 3)
        XCTAssertEqual(driver.selection, 2)
        XCTAssertFalse(driver.screenText.contains("WeChat"), driver.screenText)
        // q is not an answer: the question stays until y or n.
        driver.press("up", "D", "q")
        XCTAssertEqual(
            driver.state.overlay, .confirm(.removeChecklist(methodID: "fr-vitale-worker")))
    }

    func testWizardEffects() throws {
        var driver = try Driver(.en)
        driver.openChinaCardMethod(0)
        driver.press("d", "enter")
        XCTAssertEqual(driver.press("p"), [try driver.handout("cn-card-branch")])
        driver.press("esc", "esc", "esc", "esc")
        XCTAssertEqual(driver.press("P"), [.listProfiles])
        XCTAssertEqual(driver.context, .profiles)
    }

    /// Starting a checklist puts a new entry at the top of home: the selection stays on the
    /// country it was on, not on whatever slid into its row.
    func testHomeSelectionStaysOnItsEntryWhenAChecklistStarts() throws {
        var driver = try Driver(.en)
        driver.press("down")
        let country = try XCTUnwrap(driver.rows.first { $0.hasPrefix(" > ") })
        driver.press("enter", "enter", "enter", "d", "enter")
        XCTAssertEqual(driver.state.checklists.count, 1)
        driver.press("esc", "esc", "esc")
        XCTAssertEqual(contexts(driver), [.home])
        XCTAssertEqual(driver.rows.first { $0.hasPrefix(" > ") }, country)
    }

    /// The footer offers Space only on a step with something to tick.
    func testTickIsOfferedOnlyWhereThereIsSomethingToTick() throws {
        var driver = try Driver(.en)
        driver.openChinaCardMethod(0)
        let wizard = try XCTUnwrap(driver.wizard)
        let method = try XCTUnwrap(driver.state.pack.card(wizard.cardID)?.method(wizard.methodID))
        XCTAssertTrue(
            method.steps.contains { $0.bring.isEmpty }
                && method.steps.contains { !$0.bring.isEmpty },
            "the method should have steps with and without materials")
        for (n, step) in method.steps.enumerated() {
            XCTAssertEqual(
                Keymap.footer(driver.state).contains { $0.action == .tick }, !step.bring.isEmpty,
                "step \(n + 1)")
            XCTAssertEqual(
                driver.rows.last?.contains("Space Tick"), !step.bring.isEmpty, "step \(n + 1)")
            driver.press("n")
        }
    }

    /// A kiosk has no quit key, so its too-small screen does not offer one.
    func testKioskTooSmallScreenOffersNoQuit() throws {
        var driver = try Driver(.en, 36, 10)
        XCTAssertTrue(driver.screenText.contains("press q"), driver.screenText)
        driver.state.helpDesk = HelpDeskState(kiosk: IdleClock(idle: 60, lastInput: Driver.start))
        XCTAssertFalse(driver.screenText.contains("press q"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("enlarge"), driver.screenText)
    }

    /// Results under an opened hit follow a language switch: Esc returns to them in the new language.
    func testSearchUnderAnOpenedHitFollowsALanguageSwitch() throws {
        var driver = try Driver(.zh)
        driver.press("/")
        driver.type("PIN")
        XCTAssertFalse(try XCTUnwrap(driver.search?.hits).isEmpty)
        driver.press("enter", "L", "esc")
        XCTAssertEqual(
            driver.search?.hits, SearchIndex(pack: driver.state.pack, language: .en).search("PIN"))
        XCTAssertNotEqual(
            driver.search?.hits, SearchIndex(pack: driver.state.pack, language: .zh).search("PIN"))
    }

    /// A hit whose title does not hold the query shows the part of its text that does.
    func testSearchShowsWhereTheTextMatchesWhenTheTitleDoesNot() throws {
        var driver = try Driver(.en)
        driver.press("/")
        driver.type("krankenkasse")
        let hits = try XCTUnwrap(driver.search?.hits)
        let index = SearchIndex(pack: driver.state.pack, language: .en)
        let bodyOnly = try XCTUnwrap(
            hits.first {
                !index.documents[$0.document].title.lowercased().contains("krankenkasse")
            },
            "a hit that matches in its text only")
        let rows = SearchView.rows(driver.state, try XCTUnwrap(driver.search)).rows.filter {
            $0.item == hits.firstIndex(of: bodyOnly)
        }
        XCTAssertEqual(rows.count, 3, "title, place, excerpt")
        let excerpt = try XCTUnwrap(rows.last)
        let marked = try XCTUnwrap(excerpt.highlights.first)
        XCTAssertEqual(
            String(Array(excerpt.text)[marked]).lowercased(), "krankenkasse", excerpt.text)
        XCTAssertFalse(excerpt.text.contains("\n"))
        XCTAssertNil(SearchView.excerpt(of: "nothing here", terms: ["kasse"], width: 40))
        XCTAssertEqual(
            SearchView.excerpt(of: "Die Krankenkasse", terms: ["kranken"], width: 40)?.text,
            "Die Krankenkasse", "a match near the start is not cut")
    }

    /// An excerpt uses the row's width: the whole sentence when it fits (it showed
    /// "...hey set the PIN themselves." at 80 columns), else a window on the match that cuts
    /// Latin text between words; CJK text may be cut anywhere.
    func testSearchExcerptShowsTheWholeSentenceWhenItFits() throws {
        let pack = try FixturePack.pack()
        for (language, query, sentence) in [
            (Language.en, "pin", "They set the PIN themselves."),
            (.zh, "密码", "办卡不收费。要你转账或说出密码的，都是骗子。"),
        ] {
            var driver = try Driver(language, 80, 24, pack: pack)
            driver.press("/")
            driver.type(query)
            XCTAssertTrue(
                driver.rows.contains { $0.hasPrefix("       " + sentence + " ") },
                driver.screenText)
        }
        let text =
            "Bring your passport and your residence permit. At the desk they print the card "
            + "and you set the PIN yourself, then you sign the form for the bank."
        let narrow = try XCTUnwrap(SearchView.excerpt(of: text, terms: ["pin"], width: 30))
        XCTAssertLessThanOrEqual(DisplayWidth.of(narrow.text), 30, narrow.text)
        XCTAssertEqual(narrow.highlights.map { String(Array(narrow.text)[$0]) }, ["PIN"])
        XCTAssertTrue(narrow.text.hasPrefix("...") && narrow.text.hasSuffix("..."), narrow.text)
        let body = String(narrow.text.dropFirst(3).dropLast(3))
        let range = try XCTUnwrap(text.range(of: body), narrow.text)
        XCTAssertEqual(text[text.index(before: range.lowerBound)], " ", "cut between words")
        XCTAssertEqual(text[range.upperBound], " ", "cut between words")
        let wide = try XCTUnwrap(SearchView.excerpt(of: text, terms: ["pin"], width: 70))
        XCTAssertEqual(
            wide.text, "At the desk they print the card and you set the PIN yourself, then...")
        // At any width: within it, the match marked, and no cut beside punctuation ("...,",
        // "it....", "not '...").
        let samples = [
            text,
            "Keep the card, and you need no PIN to show it. You can also do it 'online' here.",
        ]
        for sample in samples {
            for width in 16...90 {
                let shown = try XCTUnwrap(
                    SearchView.excerpt(of: sample, terms: ["pin"], width: width))
                XCTAssertLessThanOrEqual(DisplayWidth.of(shown.text), width, shown.text)
                XCTAssertEqual(shown.highlights.map { String(Array(shown.text)[$0]) }, ["PIN"])
                for bad in ["...,", "... ", "....", " ...", "'..."] {
                    XCTAssertFalse(shown.text.contains(bad), "\(width): \(shown.text)")
                }
            }
        }
        // CJK text is cut beside any character; a sentence that fits is shown from its start.
        let chinese = "社保卡在银行网点领取。首次领卡不收费。补卡需要交工本费。"
        let cut = { (text: String) in
            SearchView.excerpt(of: text, terms: ["收费"], width: 20)?.text
        }
        XCTAssertEqual(cut(chinese), "首次领卡不收费。", "a sentence cut at its end needs no ...")
        XCTAssertEqual(cut(chinese.filter { $0 != "。" }), "...卡不收费补卡需...")
    }

    /// At 40 columns a source title that wraps goes on under its first word, not under its
    /// "[X1]" (then the id stands out at the left, as on a reference list).
    func testAWrappedSourceTitleHangsUnderItsFirstWord() throws {
        var driver = try Driver(.en, 40, 12, pack: try FixturePack.pack())
        driver.press("s")
        let lines = Pages.safetyLines(driver.state)
        let title = try XCTUnwrap(lines.firstIndex { $0.text.hasPrefix("[X1] National") })
        XCTAssertEqual(lines[title + 1].text, "platform (official)")
        XCTAssertEqual(lines[title + 1].indent, lines[title].indent + "[X1] ".count)
    }

    /// A source's address sits under its title's text, not under its [X1], in every language
    /// and size: at the column its wrapped title hangs at.
    func testASourceAddressLinesUpWithItsTitle() throws {
        for language in Language.allCases {
            for (width, height) in [(40, 12), (80, 24)] {
                var driver = try Driver(language, width, height, pack: try FixturePack.pack())
                driver.press("s")
                let lines = Pages.safetyLines(driver.state)
                let title = try XCTUnwrap(lines.firstIndex { $0.text.hasPrefix("[X1] ") })
                let address = try XCTUnwrap(
                    lines[title...].firstIndex { $0.text.hasPrefix("https://") })
                XCTAssertEqual(
                    lines[address].indent, lines[title].indent + "[X1] ".count,
                    "\(language) \(width)x\(height)")
                driver.press("end")
                let row = try XCTUnwrap(
                    driver.rows.first { $0.contains(lines[address].text) }, driver.screenText)
                let titleRow = try XCTUnwrap(
                    driver.rows.first { $0.contains("[X1] ") }, driver.screenText)
                XCTAssertEqual(
                    row.prefix { $0 == " " }.count,
                    titleRow.prefix { $0 == " " }.count + "[X1] ".count, driver.screenText)
            }
        }
    }

    /// The profile switcher opens with the profile in use selected.
    func testProfileSwitcherSelectsTheProfileInUse() throws {
        var driver = try Driver(.en)
        driver.state.currentProfile = "desk-2"
        XCTAssertEqual(driver.press("P"), [.listProfiles])
        driver.state.showProfiles([
            ProfileListing(name: nil, progress: .checklists(count: 0, latest: nil)),
            ProfileListing(name: "desk-1", progress: .checklists(count: 1, latest: nil)),
            ProfileListing(name: "desk-2", progress: .checklists(count: 2, latest: nil)),
        ])
        XCTAssertEqual(driver.selection, 2)
        XCTAssertTrue(
            try XCTUnwrap(driver.rows.first { $0.hasPrefix(" > ") }).contains("desk-2"),
            driver.screenText)
    }

    /// The search list builds rows only for a window of hits around the selection: what it
    /// draws must be exactly what the rows of every hit would draw, at any selection and size.
    func testWindowedSearchRowsDrawAsAllRows() throws {
        for (width, height) in [(80, 24), (40, 12), (200, 60)] {
            var driver = try Driver(.en, width, height)
            driver.press("/")
            driver.type("a")
            let search = try XCTUnwrap(driver.search)
            XCTAssertGreaterThan(search.hits.count, 3 * height, "enough hits to scroll")
            let layout = Layout(Size(width: width, height: height))
            for selection in [
                0, 1, height / 2, height, search.hits.count / 2, search.hits.count - height,
                search.hits.count - 1,
            ] {
                var state = search
                state.list.selection = selection
                func drawn(_ rows: ListRows) -> String {
                    var grid = CellGrid(size: Size(width: width, height: height))
                    _ = rows.draw(
                        into: &grid, top: 0, height: layout.bodyHeight - 2, left: 1,
                        width: layout.contentWidth, selection: selection)
                    return grid.text
                }
                XCTAssertEqual(
                    drawn(SearchView.rows(driver.state, state, window: layout.bodyHeight / 2 + 2)),
                    drawn(SearchView.rows(driver.state, state)),
                    "\(width)x\(height), selection \(selection)")
            }
        }
    }
}
