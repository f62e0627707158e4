import CardGuideCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Keys and time, before the keymap: the demo stops at the first key, a kiosk countdown is
/// cancelled by any key, the staff's exit sequence is read, and timers advance the demo and
/// the kiosk reset.
extension Update {
    /// Handles one key press from the person at the terminal.
    public static func key(_ key: Key, to state: inout AppState, now: Date) -> [Effect] {
        if state.helpDesk.demo != nil {
            stopDemo(&state)
            state.helpDesk.kiosk?.lastInput = now
            // The first key only hands control over, but the staff's Ctrl-X is theirs at once.
            guard state.helpDesk.isKiosk, key == .ctrl("x") else { return [] }
        }
        if var kiosk = state.helpDesk.kiosk {
            let phase = kiosk.phase(at: now)
            kiosk.lastInput = now
            state.helpDesk.kiosk = kiosk
            if state.helpDesk.countdown != nil || phase != .active {
                state.helpDesk.countdown = nil
                return [] // the key only cancels the countdown
            }
            if key == .ctrl("x") {
                state.helpDesk.staffEntry = ""
                return []
            }
            if let entry = state.helpDesk.staffEntry {
                switch key {
                case .char(let character):
                    if entry.count < HelpDeskState.maximumStaffEntry {
                        state.helpDesk.staffEntry = entry + String(character)
                    }
                    return []
                case .enter:
                    state.helpDesk.staffEntry = nil
                    guard let word = state.helpDesk.staffExitWord, !word.isEmpty else { return [] }
                    return entry == word ? [.quit] : []
                default:
                    state.helpDesk.staffEntry = nil
                    return []
                }
            }
        }
        // A key that does nothing here says so, rather than leaving the person guessing.
        guard let action = Keymap.action(for: key, in: state),
            state.isTooSmall || Keymap.hasEffect(action, in: state)
        else {
            if !state.isTooSmall {
                state.notice = Notice(
                    Strings(state.language).keyDoesNothing(key.label(state.language)))
            }
            return []
        }
        return apply(action, to: &state, now: now)
    }

    /// Time passed without a key: plays the demo's next key, runs the kiosk countdown and reset.
    public static func timer(_ state: inout AppState, now: Date) -> [Effect] {
        if var demo = state.helpDesk.demo {
            guard let key = demo.next(at: now, state: state) else { return [] }
            state.helpDesk.demo = demo
            guard let action = Keymap.action(for: key, in: state), action != .quit else {
                return []
            }
            // The demo is not a visitor: what it does is never saved or printed.
            return apply(action, to: &state, now: now).filter { $0 == .quit }
        }
        guard let kiosk = state.helpDesk.kiosk else { return [] }
        switch kiosk.phase(at: now) {
        case .active:
            state.helpDesk.countdown = nil
            return []
        case .countdown(let left):
            state.helpDesk.countdown = left
            state.overlay = nil
            return []
        case .expired:
            resetForNextVisitor(&state, now: now)
            return [.saveSession]
        }
    }

    /// When the loop must wake up if no key comes, or nil to wait for a key forever.
    public static func nextWake(_ state: AppState, now: Date) -> Date? {
        if let demo = state.helpDesk.demo { return demo.nextAt }
        return state.helpDesk.kiosk?.nextWake(after: now)
    }

    /// Starts the self-playing demo (with `--demo`: at launch, and after each kiosk reset).
    public static func startDemo(_ state: inout AppState, now: Date) {
        guard let seconds = state.helpDesk.demoStepSeconds else { return }
        state.helpDesk.demo = DemoPlayer(stepSeconds: seconds, now: now, state: state)
    }

    /// Back to the visitor's own progress, keeping the screen the demo was on.
    static func stopDemo(_ state: inout AppState) {
        guard let demo = state.helpDesk.demo else { return }
        state.helpDesk.demo = nil
        // What the demo ticked is not the visitor's: a wizard shows without a checklist.
        state.checklists = demo.savedChecklists
        clampAll(&state)
    }

    /// A kiosk keeps no visitor's data: home screen, no progress, the default language.
    static func resetForNextVisitor(_ state: inout AppState, now: Date) {
        var fresh = AppState(
            pack: state.pack, language: state.helpDesk.defaultLanguage, size: state.size,
            display: state.display)
        fresh.display.bilingual = state.helpDesk.defaultBilingual
        fresh.helpDesk = state.helpDesk
        fresh.helpDesk.kiosk?.lastInput = now
        fresh.helpDesk.countdown = nil
        fresh.helpDesk.staffEntry = nil
        fresh.searchIndexes = state.searchIndexes
        state = fresh
        startDemo(&state, now: now)
    }
}
