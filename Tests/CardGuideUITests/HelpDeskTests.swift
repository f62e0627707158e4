import CardGuideCore
import Foundation
import XCTest

@testable import CardGuideUI

/// Kiosk and demo mode against a fake clock: time is a `Date` handed to `Update.key` and
/// `Update.timer`, exactly as the run loop does, so nothing here sleeps.
final class HelpDeskTests: XCTestCase {
    private let t0 = Driver.start

    private func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }

    // MARK: - The idle clock

    func testIdleClockPhases() {
        let clock = IdleClock(idle: 120, lastInput: t0)
        XCTAssertEqual(clock.phase(at: at(0)), .active)
        XCTAssertEqual(clock.phase(at: at(119.9)), .active)
        XCTAssertEqual(clock.phase(at: at(120)), .countdown(secondsLeft: 15))
        XCTAssertEqual(clock.phase(at: at(120.5)), .countdown(secondsLeft: 15))
        XCTAssertEqual(clock.phase(at: at(121)), .countdown(secondsLeft: 14))
        XCTAssertEqual(clock.phase(at: at(134.5)), .countdown(secondsLeft: 1))
        XCTAssertEqual(clock.phase(at: at(135)), .expired)
        XCTAssertEqual(clock.phase(at: at(10_000)), .expired)
    }

    /// The loop sleeps until the countdown starts, then wakes once a second to redraw it.
    func testIdleClockWakesAtTheCountdownThenEverySecond() {
        let clock = IdleClock(idle: 120, lastInput: t0)
        XCTAssertEqual(clock.nextWake(after: at(3)), at(120))
        XCTAssertEqual(clock.nextWake(after: at(120)), at(121))
        XCTAssertEqual(
            clock.nextWake(after: at(121.25)).timeIntervalSince(t0), 122, accuracy: 0.0001)
        XCTAssertEqual(
            clock.nextWake(after: at(134.5)).timeIntervalSince(t0), 135, accuracy: 0.0001)
        XCTAssertEqual(clock.nextWake(after: at(140)), at(140), "past the end: reset now")
    }

    // MARK: - Kiosk

    private func kiosk(_ language: Language = .zh, idle: TimeInterval = 60) throws -> Driver {
        var driver = try Driver(language)
        driver.state.helpDesk = HelpDeskState(
            kiosk: IdleClock(idle: idle, lastInput: t0), staffExitWord: staffWord)
        driver.state.helpDesk.defaultLanguage = .zh
        return driver
    }

    /// Set by the desk (issue 13): any word, never "exit" by default.
    private let staffWord = "tea4two"

    /// A visitor ticks an item, switches to English and walks away: the countdown shows, then
    /// the kiosk is back home in the default language with no progress, and saves that.
    func testKioskCountsDownThenResetsAndClearsTheVisitorsProgress() throws {
        var driver = try kiosk()
        driver.openChinaCardMethod(1)
        driver.press("n")
        driver.press(.tick)
        driver.press("enter") // past the safety box of the checklist just started
        driver.press("L")
        XCTAssertFalse(driver.state.checklists.isEmpty)
        XCTAssertEqual(driver.state.language, .en)
        // The last key came at t0 (the driver's clock): quiet until 60 s.
        XCTAssertEqual(Update.timer(&driver.state, now: at(59)), [])
        XCTAssertNil(driver.state.helpDesk.countdown)
        XCTAssertEqual(Update.timer(&driver.state, now: at(60)), [])
        XCTAssertEqual(driver.state.helpDesk.countdown, 15)
        XCTAssertTrue(
            driver.screenText.contains("Resetting for the next visitor in 15 s"), driver.screenText)
        XCTAssertEqual(Update.timer(&driver.state, now: at(70.5)), [])
        XCTAssertEqual(driver.state.helpDesk.countdown, 5)
        XCTAssertEqual(
            Update.timer(&driver.state, now: at(75)), [.saveSession],
            "the cleared progress is saved")
        XCTAssertEqual(driver.state.checklists, [])
        XCTAssertEqual(driver.state.language, .zh)
        XCTAssertEqual(driver.state.stack, [.home(ListState())])
        XCTAssertNil(driver.state.helpDesk.countdown)
        XCTAssertTrue(driver.state.helpDesk.isKiosk, "still a kiosk for the next visitor")
        XCTAssertEqual(Keymap.activeContext(driver.state), .home)
    }

    /// Any key during the countdown only cancels it; the visitor's screen and progress stay.
    func testAKeyDuringTheCountdownCancelsItAndDoesNothingElse() throws {
        var driver = try kiosk(.en)
        driver.openChinaCardMethod(1)
        let before = driver.state
        _ = Update.timer(&driver.state, now: at(65))
        XCTAssertNotNil(driver.state.helpDesk.countdown)
        XCTAssertEqual(Update.key(.char("n"), to: &driver.state, now: at(66)), [])
        XCTAssertNil(driver.state.helpDesk.countdown)
        XCTAssertEqual(
            driver.state.stack, before.stack, "the key was not also taken as 'next step'")
        XCTAssertEqual(driver.state.checklists, before.checklists)
        // The idle time starts again from that key.
        XCTAssertEqual(Update.timer(&driver.state, now: at(66 + 59)), [])
        XCTAssertNil(driver.state.helpDesk.countdown)
        XCTAssertEqual(Update.nextWake(driver.state, now: at(70)), at(66 + 60))
    }

    /// `q` does nothing in a kiosk; Ctrl-X then the desk's word and Enter quits; a wrong word
    /// (the old published "exit" among them) does not.
    func testKioskIgnoresQAndQuitsOnTheStaffSequence() throws {
        var driver = try kiosk()
        var now = at(1)
        func key(_ key: Key) -> [Effect] {
            now = now.addingTimeInterval(1)
            return Update.key(key, to: &driver.state, now: now)
        }
        XCTAssertEqual(key(.char("q")), [])
        XCTAssertEqual(driver.state.stack, [.home(ListState())])
        for character in "exot" { XCTAssertEqual(key(.char(character)), []) }
        XCTAssertEqual(key(.ctrl("x")), [])
        for character in "exot" { XCTAssertEqual(key(.char(character)), []) }
        XCTAssertEqual(key(.enter), [], "a wrong word does not quit")
        XCTAssertEqual(key(.ctrl("x")), [])
        for character in "exit" { XCTAssertEqual(key(.char(character)), []) }
        XCTAssertEqual(key(.enter), [], "the word the README once published opens the kiosk")
        XCTAssertEqual(key(.ctrl("x")), [])
        for character in staffWord { XCTAssertEqual(key(.char(character)), []) }
        XCTAssertEqual(key(.enter), [.quit])
        XCTAssertFalse(
            Keymap.footer(driver.state).contains { $0.action == .quit },
            "the footer does not reveal a way out")
    }

    /// Issue 13, point 1: a Ctrl-X while the demo played only stopped the demo, so the staff
    /// sequence failed on a kiosk's idle screen. It now starts the sequence at once.
    func testTheStaffSequenceWorksWhileTheDemoPlays() throws {
        var driver = try kiosk()
        driver.state.helpDesk.demoStepSeconds = 1
        Update.startDemo(&driver.state, now: at(0))
        _ = Update.timer(&driver.state, now: at(1))
        XCTAssertNotNil(driver.state.helpDesk.demo)
        var effects = Update.key(.ctrl("x"), to: &driver.state, now: at(2))
        for character in staffWord {
            effects += Update.key(.char(character), to: &driver.state, now: at(2))
        }
        effects += Update.key(.enter, to: &driver.state, now: at(2))
        XCTAssertEqual(effects, [.quit])
        XCTAssertNil(driver.state.helpDesk.demo)
    }

    /// A kiosk without a word cannot be left from the keyboard; a held key does not grow the
    /// entry without end.
    func testWithoutAWordTheKioskCannotBeLeftFromTheKeyboard() throws {
        var driver = try kiosk()
        driver.state.helpDesk.staffExitWord = nil
        var effects = Update.key(.ctrl("x"), to: &driver.state, now: at(1))
        effects += Update.key(.enter, to: &driver.state, now: at(1))
        XCTAssertEqual(effects, [])
        _ = Update.key(.ctrl("x"), to: &driver.state, now: at(2))
        for _ in 0..<10_000 { _ = Update.key(.char("x"), to: &driver.state, now: at(2)) }
        XCTAssertEqual(driver.state.helpDesk.staffEntry?.count, HelpDeskState.maximumStaffEntry)
    }

    // MARK: - Demo

    /// Plays the demo with the fake clock until `stop` says so or `limit` steps pass; returns
    /// the contexts it showed and the effects it produced.
    private func play(
        _ driver: inout Driver, steps limit: Int, from start: TimeInterval = 0,
        stop: (AppState) -> Bool = { _ in false }
    ) -> (contexts: [KeyContext], languages: Set<Language>, effects: [Effect], time: TimeInterval) {
        var contexts: [KeyContext] = []
        var languages: Set<Language> = []
        var effects: [Effect] = []
        var time = start
        for _ in 0..<limit {
            guard let wake = Update.nextWake(driver.state, now: at(time)) else { break }
            time = wake.timeIntervalSince(t0)
            effects += Update.timer(&driver.state, now: wake)
            contexts.append(Keymap.activeContext(driver.state))
            languages.insert(driver.state.language)
            if stop(driver.state) { break }
        }
        return (contexts, languages, effects, time)
    }

    /// One loop walks a card's wizard, the overview, an FAQ answer, a search, both languages,
    /// and comes back home; it never saves or prints anything, and it keeps its pace.
    func testDemoLoopVisitsEveryPartAndSavesNothing() throws {
        var driver = try Driver(.zh)
        driver.state.helpDesk = HelpDeskState(demoStepSeconds: 2)
        Update.startDemo(&driver.state, now: t0)
        XCTAssertEqual(Update.nextWake(driver.state, now: t0), at(2))
        XCTAssertEqual(Update.timer(&driver.state, now: at(1.9)), [], "nothing before its time")
        let script = DemoPlayer.script(loop: 0, state: driver.state)
        let run = play(&driver, steps: script.count)
        XCTAssertEqual(run.time, Double(script.count) * 2, accuracy: 0.001, "one key every 2 s")
        for context in [
            KeyContext.cards, .methods, .safety, .wizard, .overview, .faqList, .faqAnswer, .search,
        ] {
            XCTAssertTrue(run.contexts.contains(context), "the demo never showed \(context)")
        }
        XCTAssertEqual(run.languages, [.zh, .en])
        XCTAssertEqual(run.effects, [], "the demo saves and prints nothing")
        XCTAssertEqual(run.contexts.last, .home, "a loop ends at home")
        XCTAssertEqual(driver.state.helpDesk.demo?.loop, 1)
        XCTAssertEqual(driver.state.language, .zh)
        XCTAssertTrue(driver.screenText.contains("演示中"), "a playing demo says so")
    }

    /// Each loop shows the next country.
    func testDemoLoopsThroughTheCountries() throws {
        var driver = try Driver(.en)
        driver.state.helpDesk = HelpDeskState(demoStepSeconds: 1)
        Update.startDemo(&driver.state, now: t0)
        var countries: [String] = []
        var time: TimeInterval = 0
        for _ in driver.state.pack.countries {
            let run = play(&driver, steps: 200, from: time) { state in
                if case .cards(let country, _) = state.screen {
                    countries.append(country)
                    return true
                }
                return false
            }
            // Finish that loop.
            let loop = driver.state.helpDesk.demo?.loop
            let rest = play(&driver, steps: 200, from: run.time) { $0.helpDesk.demo?.loop != loop }
            time = rest.time
        }
        XCTAssertEqual(countries, driver.state.pack.countries.map(\.id))
    }

    /// The first key stops the demo where it is, and it is not taken as a command; the
    /// visitor's own progress is back, plus the checklist of the wizard on screen.
    func testAKeyStopsTheDemoAtItsScreen() throws {
        let pack = try ShippedPack.pack()
        let own = try Progress.checklist(
            pack, card: "fr-vitale", method: pack.card("fr-vitale")!.methods[0].id, at: 1, ticked: 1
        )
        var driver = try Driver(.zh, checklists: [own])
        driver.state.helpDesk = HelpDeskState(demoStepSeconds: 1)
        Update.startDemo(&driver.state, now: t0)
        let run = play(&driver, steps: 200) { Keymap.activeContext($0) == .wizard }
        XCTAssertEqual(run.contexts.last, .wizard)
        let stack = driver.state.stack
        XCTAssertEqual(
            Update.key(.char("q"), to: &driver.state, now: at(run.time + 0.5)), [],
            "the key only hands over")
        XCTAssertNil(driver.state.helpDesk.demo)
        XCTAssertEqual(
            driver.state.stack, stack, "control is handed over at the screen the demo was on")
        XCTAssertFalse(driver.screenText.contains("演示中"))
        XCTAssertEqual(
            driver.state.checklists, [own], "the visitor's progress is back, and only theirs")
        guard case .wizard = driver.state.screen else { return XCTFail("not on the wizard") }
        XCTAssertNil(
            Update.nextWake(driver.state, now: at(run.time + 1)), "no demo, no kiosk: wait for keys"
        )
        // From now on keys work as usual.
        XCTAssertEqual(
            Update.key(.char("d"), to: &driver.state, now: at(run.time + 2)), [.saveSession])
    }

    /// In a kiosk with --demo, the reset for the next visitor starts the demo again.
    func testKioskResetStartsTheDemo() throws {
        var driver = try Driver(.zh)
        driver.state.helpDesk = HelpDeskState(
            kiosk: IdleClock(idle: 30, lastInput: t0), demoStepSeconds: 1)
        _ = Update.key(.enter, to: &driver.state, now: at(1))
        XCTAssertNil(driver.state.helpDesk.demo)
        XCTAssertEqual(Update.timer(&driver.state, now: at(1 + 30 + 15)), [.saveSession])
        XCTAssertNotNil(driver.state.helpDesk.demo)
        XCTAssertEqual(Update.nextWake(driver.state, now: at(46)), at(47))
    }
}
