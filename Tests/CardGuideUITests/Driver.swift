import CardGuideCore
import CardGuideStorage
import Foundation
import XCTest

@testable import CardGuideUI

/// Drives the app as a person would: keys by name go through `Update.key` (the help desk's
/// handling, the keymap, `Update.apply`) with a fixed clock, and their effects through
/// `RunLoop.perform`, exactly the path of the run loop and `cardguide-screen`. The effects do no I/O:
/// `effects` stands in for the executable (by default nothing comes back; a test returns the
/// outcome it wants to see handled). After lazygit's integration tests, keys can also be
/// pressed by what they do (`press(.tick)` finds the key the current screen binds to that
/// action).
struct Driver {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    var state: AppState
    var now = Driver.start
    /// The effects of the last key, and of every key so far.
    private(set) var lastEffects: [Effect] = []
    private(set) var allEffects: [Effect] = []
    /// The action the last key mapped to (nil: the key is not bound here).
    private(set) var lastAction: Action?
    /// What the executable would bring back from an effect (nil: nothing).
    var effects: CardGuideUI.RunLoop.EffectHandler = { _, _ in nil }

    init(
        _ language: Language = .zh, _ width: Int = 80, _ height: Int = 24,
        checklists: [Checklist] = [],
        display: DisplayOptions = DisplayOptions(), pack: ContentPack? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        state = AppState(
            pack: try pack ?? ShippedPack.pack(file: file, line: line), language: language,
            size: Size(width: width, height: height), display: display, checklists: checklists)
    }

    /// The key a script name stands for: the names `cardguide-screen` takes ("enter", "esc", "down",
    /// "space", "bksp", "pgdn", "tab" …) or one character. Anything else is a typo.
    static func key(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> Key? {
        let keys = KeyScript.keys(name)
        guard keys.count == 1 else {
            XCTFail("unknown key name '\(name)' (type text with type(_:))", file: file, line: line)
            return nil
        }
        return keys[0]
    }

    /// Presses keys by name, one after another.
    @discardableResult
    mutating func press(_ names: String..., file: StaticString = #filePath, line: UInt = #line)
        -> [Effect]
    {
        for name in names {
            guard let key = Self.key(name, file: file, line: line) else { return [] }
            press(key)
        }
        return lastEffects
    }

    /// Presses a key decoded by the backend.
    @discardableResult
    mutating func press(_ key: Key) -> [Effect] {
        lastAction = Keymap.action(for: key, in: state)
        let effects = Update.key(key, to: &state, now: now)
        // At a quit the loop stops: the effects before it ran, none after.
        lastEffects =
            CardGuideUI.RunLoop.perform(effects, on: &state, now: now, handle: self.effects)
            ?? effects
        allEffects += lastEffects
        return lastEffects
    }

    /// An effect's outcome arrives, as the run loop hands it to `Update`.
    @discardableResult
    mutating func receive(_ outcome: Action) -> [Effect] {
        lastEffects = Update.apply(outcome, to: &state, now: now)
        allEffects += lastEffects
        return lastEffects
    }

    /// Presses the key the current screen (or overlay) binds to `action`: the first key of
    /// its binding, as the footer and help show it. Fails when nothing here does that.
    @discardableResult
    mutating func press(_ action: Action, file: StaticString = #filePath, line: UInt = #line)
        -> [Effect]
    {
        let context = Keymap.activeContext(state)
        let bindings =
            Keymap.bindings(context) + (Keymap.globalsApply(context) ? Keymap.globals(state) : [])
        guard let binding = bindings.first(where: { $0.action == action }) else {
            XCTFail("no key does \(action) in \(context)", file: file, line: line)
            return []
        }
        return press(binding.keys[0])
    }

    /// Types text, one character per key (search queries).
    mutating func type(_ text: String) {
        for character in text { press(.char(character)) }
    }

    /// The terminal changes size, as the backend reports it.
    mutating func resize(_ width: Int, _ height: Int) {
        lastEffects = Update.apply(
            .resize(Size(width: width, height: height)), to: &state, now: now)
    }

    var context: KeyContext { Keymap.activeContext(state) }
    var grid: CellGrid { View.render(state) }
    var rows: [String] {
        let grid = grid
        return (0..<grid.size.height).map(grid.rowText)
    }
    var screenText: String { rows.joined(separator: "\n") }

    /// The selection of the list on top, if the top screen is a list.
    var selection: Int? {
        switch state.screen {
        case .home(let list), .cards(_, let list), .methods(_, let list), .overview(_, _, let list),
            .faqList(_, let list), .profiles(let list):
            return list.selection
        case .search(let search): return search.list.selection
        case .wizard(let wizard): return wizard.material
        default: return nil
        }
    }

    var wizard: WizardState? {
        if case .wizard(let wizard) = state.screen { return wizard } else { return nil }
    }
    var search: SearchState? {
        if case .search(let search) = state.screen { return search } else { return nil }
    }

    func checklist(_ methodID: String) -> Checklist? { state.checklist(for: methodID) }

    /// What `p` asks the executable to write for `methodID`: the sheet as the state words it.
    func handout(_ methodID: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> Effect
    {
        let card = try XCTUnwrap(
            state.pack.cards.first { $0.method(methodID) != nil }, file: file, line: line)
        let sheet = try XCTUnwrap(
            VisitorSheet.render(
                cardID: card.id, methodID: methodID, pack: state.pack, language: state.language,
                bilingual: state.display.bilingual), file: file, line: line)
        return .writeHandout(methodID: methodID, sheet: sheet)
    }

    /// Opens China > the physical card > method `index` and continues past the safety
    /// rules (shown the first time the card is entered): the wizard's first step.
    mutating func openChinaCardMethod(_ index: Int) {
        press("home") // top of the home list: China comes first after any checklist
        for _ in 0..<state.checklists.count { press("down") }
        press("enter", "enter")
        for _ in 0..<index { press("down") }
        press("enter")
        if case .safety = state.screen { press("enter") }
    }
}

/// Checklists made directly, for screens that show progress.
enum Progress {
    static func checklist(
        _ pack: ContentPack, card cardID: String, method methodID: String, at step: Int,
        done: [Int] = [], ticked: Int = 0, changed: TimeInterval = 0
    ) throws -> Checklist {
        let card = try XCTUnwrap(pack.card(cardID), "no card \(cardID)")
        let method = try XCTUnwrap(card.method(methodID), "no method \(methodID)")
        let time = Driver.start.addingTimeInterval(changed)
        var checklist = Checklist(
            countryID: card.countryID, cardID: card.id, method: method, now: time,
            contentFingerprint: pack.fingerprint)
        for index in done {
            checklist.toggleDone(step: method.steps[index].id, in: method, now: time)
        }
        for material in method.materials.prefix(ticked) {
            checklist.toggle(material: material.id, in: method, now: time)
        }
        checklist.go(to: step, in: method, now: time)
        return checklist
    }
}
