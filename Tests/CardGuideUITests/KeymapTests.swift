import CardGuideCore
import XCTest

@testable import CardGuideUI

/// The keymaps against the three promises of the design (section 3, item 8): no key is bound
/// twice in one context, the footer never shows a key that does not do what it says, and the
/// help overlay lists every key of the screen.
final class KeymapTests: XCTestCase {
    /// One state per screen and overlay, reached by keys, in both languages; plus a kiosk.
    static func everyState() throws -> [(name: String, state: AppState)] {
        let pack = try ShippedPack.pack()
        let checklists = try ShippedPack.inProgress(pack)
        var states: [(String, AppState)] = []
        for language in Language.allCases {
            func reach(
                _ name: String, checklists: [Checklist] = [], _ script: (inout Driver) -> Void
            ) throws {
                var driver = try Driver(language, checklists: checklists)
                script(&driver)
                states.append(("\(name) (\(language.rawValue))", driver.state))
            }
            try reach("home") { _ in }
            try reach("home with checklists", checklists: checklists) { _ in }
            try reach("cards") { $0.press("enter") }
            try reach("methods") { $0.press("enter", "enter") }
            try reach("safety box as a checklist starts") {
                $0.openChinaCardMethod(0)
                $0.press("n", "space", "space")
            }
            try reach("wizard") { $0.openChinaCardMethod(0) }
            try reach("overview") {
                $0.openChinaCardMethod(0)
                $0.press("o")
            }
            try reach("comparison") { $0.press("enter", "enter", "c") }
            try reach("faq list") { $0.press("enter", "enter", "f") }
            try reach("faq answer") { $0.press("enter", "enter", "f", "enter") }
            try reach("cautions") { $0.press("enter", "enter", "w") }
            try reach("safety") { $0.press("s") }
            try reach("contacts") { $0.press("enter", "enter", "t") }
            try reach("search") { $0.press("/") }
            try reach("search with hits") {
                $0.press("/")
                $0.type("pin")
            }
            try reach("profiles") { $0.press("P") }
            try reach("help") { $0.press("?") }
            try reach("help on the wizard") {
                $0.openChinaCardMethod(0)
                $0.press("?")
            }
            try reach("confirm", checklists: checklists) { $0.press("x") }
            try reach("code") { $0.press("down", "down", "enter", "enter", "enter", "enter", "Q") }
            try reach("kiosk home") {
                $0.state.helpDesk = HelpDeskState(
                    kiosk: IdleClock(idle: 120, lastInput: Driver.start))
            }
            try reach("kiosk wizard") {
                $0.state.helpDesk = HelpDeskState(
                    kiosk: IdleClock(idle: 120, lastInput: Driver.start))
                $0.openChinaCardMethod(1)
            }
        }
        return states
    }

    func testTheStatesCoverEveryContext() throws {
        let reached = Set(try Self.everyState().map { Keymap.activeContext($0.state) })
        XCTAssertEqual(reached, Set(KeyContext.allCases).subtracting([.global]))
    }

    func testNoKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            var keys = Keymap.bindings(context).flatMap(\.keys)
            if context != .global && Keymap.globalsApply(context) {
                keys += Keymap.global.flatMap(\.keys)
            }
            var seen: Set<Key> = []
            for key in keys {
                XCTAssertTrue(
                    seen.insert(key).inserted, "\(key.label) is bound twice in \(context)")
            }
        }
    }

    /// Globals apply on every screen, never in the search field or an overlay.
    func testGlobalsApplyExceptWhileTypingAndInOverlays() {
        for context in KeyContext.allCases {
            let overlay: [KeyContext] = [.search, .help, .confirm, .safetyBox, .code]
            XCTAssertEqual(Keymap.globalsApply(context), !overlay.contains(context), "\(context)")
        }
    }

    func testEveryFooterHintIsALiveBinding() throws {
        for (name, state) in try Self.everyState() {
            let footer = Keymap.footer(state)
            XCTAssertFalse(footer.isEmpty, "\(name): an empty footer")
            for binding in footer {
                XCTAssertEqual(
                    Keymap.action(for: binding.keys[0], in: state), binding.action,
                    "\(name): the footer shows \(binding.keys[0].label) \(binding.hint.en) but the key does something else"
                )
                // Every key of the binding, not only the one shown, does the same.
                for key in binding.keys {
                    XCTAssertEqual(
                        Keymap.action(for: key, in: state), binding.action, "\(name): \(key.label)")
                }
            }
            if state.helpDesk.isKiosk {
                XCTAssertFalse(
                    footer.contains { $0.action == .quit }, "\(name): a kiosk footer offers quit")
            }
        }
    }

    /// The footer row drawn on screen is the keymap's hints in order, help first, as many as
    /// fit: no key hint is drawn that is not in the table.
    func testTheDrawnFooterIsTheKeymapsHints() throws {
        for (name, state) in try Self.everyState() {
            for (width, height) in [(80, 24), (40, 12)] {
                var sized = state
                Update.apply(
                    .resize(Size(width: width, height: height)), to: &sized, now: Driver.start)
                var hints = Keymap.footer(sized)
                if let help = hints.firstIndex(where: { $0.action == .help }) {
                    hints.insert(hints.remove(at: help), at: 0)
                }
                let pieces = hints.map {
                    "\($0.keys[0].label(sized.language)) "
                        + Keymap.hint($0, in: sized)[sized.language]
                }
                let grid = View.render(sized)
                if case .code = sized.overlay {
                    // The code screen may need every row: its hints are lines of its text column.
                    for piece in pieces {
                        XCTAssertTrue(
                            grid.text.contains(piece),
                            "\(name) \(width)x\(height): no \(piece)")
                    }
                    continue
                }
                let drawn = grid.rowText(height - 1).trimmingCharacters(in: .whitespaces)
                let candidates = (1...pieces.count).map {
                    pieces.prefix($0).joined(separator: "  ")
                }
                XCTAssertTrue(
                    candidates.contains(drawn),
                    "\(name) \(width)x\(height): footer '\(drawn)' is not \(pieces)")
            }
        }
    }

    /// Opening help on each screen and scrolling it to the end shows every binding of that
    /// screen (and the global keys where they apply), each key with its hint on one line.
    func testHelpListsEveryBindingOfTheContext() throws {
        for (name, state) in try Self.everyState()
        where state.overlay == nil && Keymap.activeContext(state) != .search {
            var driver = try Driver(state.language)
            driver.state = state
            driver.press("?")
            XCTAssertEqual(driver.state.overlay, .help(scroll: 0), name)
            var seen: [String] = []
            var previous = ""
            for _ in 0..<40 {
                let text = driver.screenText
                // Only what is inside the box counts, not the screen behind it.
                seen += driver.rows.compactMap { row in
                    guard let left = row.firstIndex(of: "│"), let right = row.lastIndex(of: "│"),
                        left < right
                    else { return nil }
                    return String(row[row.index(after: left)..<right])
                }
                if text == previous { break }
                previous = text
                driver.press("down")
            }
            let context = state.screen.context
            let all =
                Keymap.bindings(context)
                + (Keymap.globalsApply(context) ? Keymap.globals(state) : [])
            // Every key that works here, and no key that does nothing here.
            for binding in all {
                let label = binding.label(state.language)
                let hint = Keymap.hint(binding, in: state)[state.language]
                let listed = seen.contains { $0.contains(label + " ") && $0.contains(hint) }
                if Keymap.hasEffect(binding.action, in: state, context: context) {
                    XCTAssertTrue(listed, "\(name): help does not list \(label) \(hint)")
                } else {
                    XCTAssertFalse(
                        listed, "\(name): help lists \(label) \(hint), which does nothing here")
                }
            }
            if state.helpDesk.isKiosk, let quit = Keymap.global.first(where: { $0.action == .quit })
            {
                XCTAssertFalse(
                    seen.contains { $0.contains("q ") && $0.contains(quit.hint[state.language]) },
                    "\(name): a kiosk's help offers q to quit")
            }
        }
    }

    /// The help box is scrolled by Down and Up; Up works at once after scrolling to the end
    /// (the scroll offset never runs past the last line).
    func testHelpScrollStopsAtTheEnd() throws {
        var driver = try Driver(.en, 40, 12)
        driver.press("?")
        let first = driver.screenText
        for _ in 0..<60 { driver.press("down") }
        let end = driver.screenText
        XCTAssertNotEqual(first, end, "help at 40x12 does not scroll")
        driver.press("up")
        XCTAssertNotEqual(
            driver.screenText, end, "Up after scrolling to the end of help does nothing")
        for _ in 0..<60 { driver.press("up") }
        XCTAssertEqual(driver.screenText, first)
    }

    /// Help that does not fit says so on the box's borders, with the key and the count of
    /// hidden lines; scrolled to the end, the last global key shows.
    func testHelpThatDoesNotFitSaysMoreFollows() throws {
        var driver = try Driver(.en, 40, 12)
        driver.press("?")
        func border(_ corner: Character) -> String {
            driver.rows.first { $0.contains(corner) } ?? ""
        }
        let lines = Overlays.helpLines(driver.state).count
        XCTAssertTrue(
            border("└").contains(" Down (\(lines - 8)) "),
            "no sign that help continues:\n\(driver.screenText)")
        XCTAssertFalse(border("┌").contains("Up ("), driver.screenText)
        for _ in 0..<60 { driver.press("down") }
        XCTAssertFalse(border("└").contains("Down ("), driver.screenText)
        XCTAssertTrue(border("┌").contains(" Up (\(lines - 8)) "), driver.screenText)
        XCTAssertTrue(
            driver.rows.contains { $0.contains("s ") && $0.contains("Safety") }, driver.screenText)
        // At 80x24 the home screen's help fits: no marks.
        driver.resize(80, 24)
        XCTAssertEqual(
            driver.state.overlay, .help(scroll: 0), "a resize brings the scroll back in range")
        XCTAssertFalse(driver.screenText.contains("Down ("), driver.screenText)
    }

    /// In the search field every printable key is text, including the global keys' letters.
    func testSearchTypesTheGlobalKeys() throws {
        var driver = try Driver(.en)
        driver.press("/")
        for character in "q?/Ls" {
            XCTAssertEqual(
                Keymap.action(for: .char(character), in: driver.state), .insert(character))
        }
        driver.type("q?/Ls")
        XCTAssertEqual(driver.search?.query, "q?/Ls")
        XCTAssertTrue(driver.allEffects.isEmpty)
    }

    /// A too-small terminal only quits (the screen says so); a kiosk not even that.
    func testTooSmallOnlyQuits() throws {
        var driver = try Driver(.zh, 30, 10)
        for key: Key in [.enter, .down, .escape, .char("?"), .char("/"), .char("L")] {
            XCTAssertNil(Keymap.action(for: key, in: driver.state), key.label)
        }
        XCTAssertEqual(driver.press("q"), [.quit])
        driver.state.helpDesk = HelpDeskState(kiosk: IdleClock(idle: 60, lastInput: Driver.start))
        XCTAssertNil(Keymap.action(for: .char("q"), in: driver.state))
    }
}
