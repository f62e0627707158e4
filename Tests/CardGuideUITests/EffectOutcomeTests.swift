import CardGuideCore
import Foundation
import XCTest

@testable import CardGuideUI

/// What effects bring back, fed to `Update` as the run loop does: the state it changes and
/// the words it shows, in both languages. The executable only does the I/O.
final class EffectOutcomeTests: XCTestCase {
    private let sessionPath = "/home/visitor/.local/state/cardguide/session.json"

    func testAFailedSaveSaysSoInTheVisitorsLanguage() throws {
        let problem = SessionNotice.saveFailed(path: sessionPath, reason: "write: disk full")
        let expected: [Language: String] = [
            .en: "Could not save progress to \(sessionPath) (write: disk full). The previously "
                + "saved file is intact; saving is retried on your next change.",
            .zh: "无法保存进度到 \(sessionPath)（write: disk full）。之前保存的文件完好；下次改动时会再试。",
        ]
        for (language, text) in expected {
            var driver = try Driver(language)
            driver.openChinaCardMethod(0)
            driver.effects = { effect, _ in
                effect == .saveSession ? .saved(problem: problem, readOnly: false) : nil
            }
            XCTAssertEqual(driver.press("d"), [.saveSession])
            XCTAssertEqual(driver.state.notice, Notice(text, kind: .warning))
            XCTAssertTrue(driver.screenText.contains(String(text.prefix(12))), driver.screenText)
        }
    }

    /// A save that worked leaves the key's own notice; a file that turned read-only shows so
    /// in the header.
    func testASaveKeepsTheKeysNoticeAndTakesTheReadOnlyState() throws {
        var driver = try Driver(.en)
        driver.openChinaCardMethod(0)
        driver.effects = { _, _ in .saved(problem: nil, readOnly: true) }
        driver.press("d")
        XCTAssertEqual(driver.state.notice?.text, "Step 1 done.")
        XCTAssertTrue(driver.state.readOnly)
        XCTAssertTrue(driver.rows[0].contains("read-only, not saved"), driver.rows[0])
    }

    func testAProfileListIsWordedFromItsData() throws {
        let pack = try ShippedPack.pack()
        let latest = try Progress.checklist(pack, card: "cn-card", method: "cn-card-family", at: 2)
        let listings = [
            ProfileListing(name: nil, progress: .checklists(count: 0, latest: nil)),
            ProfileListing(name: "desk-1", progress: .checklists(count: 2, latest: latest)),
            ProfileListing(name: "fifo", progress: .unreadable(reason: "not a regular file")),
        ]
        let expected: [Language: String] = [
            .en: "Physical social security card > For a family member - Step 3 of 5",
            .zh: "社会保障卡（实体卡） > 替家人办理 - 步骤 3/5",
        ]
        for (language, described) in expected {
            var driver = try Driver(language)
            driver.state.currentProfile = "desk-1"
            XCTAssertEqual(driver.press("P"), [.listProfiles])
            driver.receive(.profilesListed(listings))
            XCTAssertEqual(driver.state.profiles, listings, "kept as data")
            XCTAssertEqual(
                driver.state.profileRows,
                [
                    ProfileSummary(name: nil, checklists: 0, latest: nil),
                    ProfileSummary(name: "desk-1", checklists: 2, latest: described),
                    ProfileSummary(name: "fifo", checklists: 0, latest: "not a regular file"),
                ])
            XCTAssertEqual(driver.selection, 1, "the profile in use is selected")
            XCTAssertTrue(driver.screenText.contains(described), driver.screenText)
        }
    }

    /// `L` with the switcher open re-words its rows, as it does every other screen.
    func testLRewordsTheProfileList() throws {
        let pack = try ShippedPack.pack()
        let latest = try Progress.checklist(pack, card: "cn-card", method: "cn-card-family", at: 2)
        var driver = try Driver(.en)
        driver.press("P")
        driver.receive(
            .profilesListed([
                ProfileListing(name: "desk-1", progress: .checklists(count: 2, latest: latest))
            ]))
        let english = "Physical social security card > For a family member - Step 3 of 5"
        XCTAssertTrue(driver.screenText.contains(english), driver.screenText)
        driver.press("L")
        XCTAssertEqual(driver.context, .profiles)
        XCTAssertFalse(driver.screenText.contains(english), driver.screenText)
        XCTAssertTrue(
            driver.screenText.contains("社会保障卡（实体卡） > 替家人办理 - 步骤 3/5"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("2 份清单"), driver.screenText)
    }

    func testASwitchedProfileBringsItsProgressAndSaysWhatOpeningFound() throws {
        let pack = try ShippedPack.pack()
        let older = try Progress.checklist(
            pack, card: "cn-card", method: "cn-card-family", at: 1, changed: 10)
        let newer = try Progress.checklist(
            pack, card: "fr-vitale", method: "fr-vitale-worker", at: 0, changed: 20)
        let migrated = SessionNotice.migrated(path: "/p/desk-1.json", from: 1, to: 2)
        var driver = try Driver(.en)
        driver.press("P")
        driver.state.profiles = [
            ProfileListing(name: "desk-1", progress: .checklists(count: 2, latest: nil))
        ]
        driver.effects = { effect, _ in
            guard case .switchProfile(let name) = effect else { return nil }
            return .profileSwitched(
                ProfileOpened(
                    name: name, checklists: [older, newer], readOnly: true, notices: [migrated]))
        }
        XCTAssertEqual(driver.press("enter"), [.switchProfile(name: "desk-1")])
        XCTAssertEqual(
            driver.state.checklists.map(\.methodID), ["fr-vitale-worker", "cn-card-family"])
        XCTAssertEqual(driver.state.currentProfile, "desk-1")
        XCTAssertTrue(driver.state.readOnly)
        XCTAssertEqual(driver.context, .home)
        XCTAssertEqual(
            driver.state.notice,
            Notice("Switched to profile: desk-1 " + migrated.message(.en)))

        driver.state.language = .zh
        driver.receive(
            .profileSwitched(
                ProfileOpened(name: nil, checklists: [], readOnly: false, notices: [])))
        XCTAssertEqual(driver.state.notice, Notice("已切换到档案：（默认）"))
        XCTAssertEqual(driver.state.currentProfile, nil)
        XCTAssertEqual(driver.state.checklists, [])

        driver.receive(.profileNotSwitched(reason: "no folder for the progress file"))
        XCTAssertEqual(
            driver.state.notice, Notice("no folder for the progress file", kind: .warning))
    }

    func testASheetThatCannotBeWrittenSaysWhyAndWhere() throws {
        let expected: [Language: String] = [
            .en: "The sheet was not saved: no permission to write there (folder: /desk). "
                + "Staff: check --handout-dir.",
            .zh: "须知单没有保存：没有写入权限（文件夹：/desk）。请工作人员检查 --handout-dir。",
        ]
        for (language, text) in expected {
            var driver = try Driver(language)
            driver.openChinaCardMethod(0)
            driver.effects = { effect, _ in
                guard case .writeHandout(let methodID, _) = effect else { return nil }
                return .handoutWritten(
                    methodID: methodID, .notWritten(code: EACCES, folder: "/desk"))
            }
            XCTAssertEqual(driver.press("p"), [try driver.handout("cn-card-branch")])
            XCTAssertEqual(driver.state.notice, Notice(text, kind: .warning))
            XCTAssertNil(driver.state.lastHandout, "nothing written: p tries again")
        }
    }

    func testAWrittenSheetIsRememberedAndThePrintersAnswerShown() throws {
        let path = "/desk/cardguide-cn-card-branch-1.txt"
        let outcomes: [(PrintOutcome?, Notice)] = [
            (nil, Notice("Sheet saved: \(path)")),
            (.printed, Notice("Sheet sent to the printer (file: \(path))")),
            (
                .failed(status: 1, message: "lp: no such printer"),
                Notice(
                    "Printing failed (the print command ended with status 1: lp: no such "
                        + "printer). Sheet saved: \(path)", kind: .warning)
            ),
            (
                .killed(signal: 9, timedOut: true),
                Notice(
                    "The print command took too long and was stopped. Sheet saved: \(path)",
                    kind: .warning)
            ),
            (
                .notStarted(code: ENOENT),
                Notice(
                    "Could not start the print command (the folder does not exist). "
                        + "Sheet saved: \(path)", kind: .warning)
            ),
        ]
        for (printing, notice) in outcomes {
            var driver = try Driver(.en)
            driver.openChinaCardMethod(0)
            driver.receive(
                .handoutWritten(
                    methodID: "cn-card-branch", .written(path: path, printing: printing)))
            XCTAssertEqual(driver.state.notice, notice)
            XCTAssertEqual(
                driver.state.lastHandout,
                HandoutRecord(
                    checklist: nil, methodID: "cn-card-branch", language: .en, paths: [path]))
        }
    }

    /// A code arrives for the address on screen; one for an address the person has moved
    /// past is dropped.
    func testAnEncodedCodeIsShownOnlyForTheAddressOnScreen() throws {
        var driver = try Driver(.en)
        driver.press("home", "down", "down", "enter", "enter", "enter", "enter")
        let effects = driver.press("Q")
        guard case .encodeCode(let address)? = effects.first,
            case .code(let code)? = driver.state.overlay
        else { return XCTFail("Q asked for no code: \(effects)") }
        driver.receive(.codeEncoded(address: "https://elsewhere.example", .unavailable))
        guard case .code(let unchanged)? = driver.state.overlay else { return XCTFail() }
        XCTAssertEqual(unchanged, code)
        driver.receive(.codeEncoded(address: address, .tooLong))
        guard case .code(let shown)? = driver.state.overlay else { return XCTFail() }
        XCTAssertEqual(shown.status, .tooLong)
    }

    /// The first screen: why English, then what opening the progress file found.
    func testTheFirstNoticeSaysWhatStartingFound() throws {
        let migrated = SessionNotice.migrated(path: sessionPath, from: 1, to: 2)
        let inUse = SessionNotice.inUse(path: sessionPath, pid: 42)
        var driver = try Driver(.zh)
        Update.greet(&driver.state, notices: [])
        XCTAssertNil(driver.state.notice)
        Update.greet(&driver.state, notices: [migrated])
        XCTAssertEqual(driver.state.notice, Notice(migrated.message(.zh)))
        Update.greet(&driver.state, notices: [inUse, migrated])
        XCTAssertEqual(
            driver.state.notice,
            Notice(inUse.message(.zh) + " " + migrated.message(.zh), kind: .warning))

        var ascii = try Driver(.en, display: DisplayOptions(ascii: true, englishOnly: true))
        Update.greet(&ascii.state, notices: [inUse])
        XCTAssertEqual(
            ascii.state.notice,
            Notice(Strings(.en).localeNotice + " " + inUse.message(.en), kind: .warning))
    }

    /// The run loop hands each outcome to `Update` and runs the effects it asks for; a quit
    /// stops it. The driver and `cardguide-screen` share this path (`RunLoop.perform`).
    func testTheRunLoopFeedsOutcomesBackThroughUpdate() throws {
        var state = try Driver(.en).state
        var handled: [Effect] = []
        let ran = CardGuideUI.RunLoop.perform(
            [.saveSession, .listProfiles], on: &state, now: Driver.start
        ) { effect, _ in
            handled.append(effect)
            return effect == .saveSession ? .saved(problem: nil, readOnly: true) : nil
        }
        XCTAssertEqual(ran, [.saveSession, .listProfiles])
        XCTAssertEqual(handled, [.saveSession, .listProfiles])
        XCTAssertTrue(state.readOnly)

        handled = []
        let stopped = CardGuideUI.RunLoop.perform(
            [.saveSession, .quit, .listProfiles], on: &state, now: Driver.start
        ) { effect, _ in
            handled.append(effect)
            return nil
        }
        XCTAssertNil(stopped)
        XCTAssertEqual(handled, [.saveSession], "nothing runs after a quit")

        let backend = TestBackend(size: Size(width: 80, height: 24))
        let readOnly: CardGuideUI.RunLoop.EffectHandler = { effect, _ in
            effect == .saveSession
                ? .saved(problem: .notSavedReadOnly(path: "/p/session.json"), readOnly: true)
                : nil
        }
        let loop = CardGuideUI.RunLoop(
            backend: backend, state: try Driver(.en).state, clock: { Driver.start },
            handle: readOnly)
        XCTAssertTrue(loop.process(.key(.char("L"))))
        XCTAssertEqual(loop.state.notice?.text, "只读：改动未保存到 /p/session.json。")
        XCTAssertEqual(backend.screen.cells, View.render(loop.state).cells)
    }

    /// The driver presses keys as the program reads them: a key that does nothing here says so.
    func testTheDriverTakesTheProgramsPathForKeys() throws {
        var driver = try Driver(.en)
        XCTAssertEqual(driver.press("o"), [])
        XCTAssertEqual(
            driver.state.notice?.text, "o does nothing here: ? lists the keys of this screen.")
    }
}
