import CardGuideCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The mouse, as other terminal programs use it: a click focuses an item and a click on the
/// focused item opens (or ticks) it; the wheel scrolls.
extension Update {
    public static func mouse(_ event: MouseEvent, to state: inout AppState, now: Date) -> [Effect] {
        // Like a key, a click hands over a playing demo and keeps a kiosk awake.
        if state.helpDesk.demo != nil {
            stopDemo(&state)
            state.helpDesk.kiosk?.lastInput = now
            return []
        }
        if state.helpDesk.kiosk != nil {
            state.helpDesk.kiosk?.lastInput = now
            if state.helpDesk.countdown != nil {
                state.helpDesk.countdown = nil
                return []
            }
        }
        guard !state.isTooSmall else { return [] }
        switch event.kind {
        case .wheelUp, .wheelDown:
            let action: Action = event.kind == .wheelUp ? .up : .down
            return (0..<3).flatMap { _ in apply(action, to: &state, now: now) }
        case .click:
            guard state.overlay == nil else { return [] }
            return click(row: event.row, &state, now: now)
        }
    }

    private static func click(row: Int, _ state: inout AppState, now: Date) -> [Effect] {
        if case .wizard(var wizard) = state.screen {
            guard let material = WizardView.material(atRow: row, state, wizard) else { return [] }
            if material == wizard.material { return apply(.tick, to: &state, now: now) }
            wizard.material = material
            state.screen = .wizard(wizard)
            return []
        }
        guard let list = ScreenList.of(state), let item = list.item(atRow: row) else { return [] }
        if item == list.selection { return apply(.open, to: &state, now: now) }
        state.screen.select(item)
        return []
    }
}

extension Screen {
    /// Moves a list screen's selection to `item`.
    mutating func select(_ item: Int) {
        switch self {
        case .home(var list):
            list.selection = item
            self = .home(list)
        case .cards(let id, var list):
            list.selection = item
            self = .cards(countryID: id, list: list)
        case .methods(let id, var list):
            list.selection = item
            self = .methods(cardID: id, list: list)
        case .overview(let card, let method, var list):
            list.selection = item
            self = .overview(cardID: card, methodID: method, list: list)
        case .faqList(let id, var list):
            list.selection = item
            self = .faqList(cardID: id, list: list)
        case .profiles(var list):
            list.selection = item
            self = .profiles(list)
        case .search(var search):
            search.list.selection = item
            self = .search(search)
        default: break
        }
    }
}
