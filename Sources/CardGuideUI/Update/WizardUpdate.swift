import CardGuideCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The wizard's and the overview's reactions to actions.
enum WizardUpdate {
    /// Rows of the wizard above its scrolling part: progress bar, step title, a gap.
    static let fixedRows = 3

    static func apply(_ action: Action, _ wizard: inout WizardState, _ state: inout AppState, now: Date) -> [Effect] {
        guard let (card, method, saved, current) = state.position(of: wizard) else { return [] }
        var checklist = saved
        let s = Strings(state.language)
        let step = method.steps[current]
        var effects: [Effect] = []
        switch action {
        case .nextStep:
            if current + 1 < method.steps.count {
                checklist.go(to: current + 1, in: method, now: now)
                wizard.material = 0
                wizard.scroll = 0
                effects.append(.saveSession)
            } else {
                state.notice = Notice(s.lastStep)
            }
        case .previousStep:
            if current > 0 {
                checklist.go(to: current - 1, in: method, now: now)
                wizard.material = 0
                wizard.scroll = 0
                effects.append(.saveSession)
            } else {
                state.notice = Notice(s.firstStep)
            }
        case .tick:
            guard step.bring.indices.contains(wizard.material) else { return [] }
            // A tick must be seen: when the selected item is scrolled away, show it first.
            guard isMaterialVisible(wizard, state) else {
                follow(&wizard, state)
                return []
            }
            checklist.toggle(material: step.bring[wizard.material].id, in: method, now: now)
            effects.append(.saveSession)
        case .markDone:
            checklist.toggleDone(step: step.id, now: now)
            let done = checklist.status(of: step.id) == .done
            state.notice = Notice(done ? s.stepDone(current + 1) : s.stepReopened(current + 1))
            // Marking a step done moves on, as a paper checklist would.
            if done && current + 1 < method.steps.count {
                checklist.go(to: current + 1, in: method, now: now)
                wizard.material = 0
                wizard.scroll = 0
            }
            effects.append(.saveSession)
        case .up, .down:
            if step.bring.isEmpty {
                wizard.scroll = Update.scrolled(action, wizard.scroll, lines: Pages.wizardLines(state, wizard).count,
                                                state: state, height: scrollHeight(state))
            } else {
                wizard.material = min(max(0, wizard.material + (action == .down ? 1 : -1)), step.bring.count - 1)
                follow(&wizard, state)
            }
        case .pageUp, .pageDown, .top, .bottom:
            wizard.scroll = Update.scrolled(action, wizard.scroll, lines: Pages.wizardLines(state, wizard).count,
                                            state: state, height: scrollHeight(state))
            return []
        case .printHandout:
            if let last = state.lastHandout, last.language == state.language,
               last.checklist == state.checklist(for: method.id) {
                let paths = last.paths.joined(separator: ", ")
                state.notice = Notice(Strings(state.language).handoutUnchanged(paths))
            } else {
                effects.append(.writeHandout(methodID: method.id))
            }
        case .overview:
            state.stack.append(.overview(cardID: card.id, methodID: method.id, list: ListState(selection: current)))
        case .faq:
            state.stack.append(.faqList(cardID: card.id, list: ListState()))
        case .cautions:
            state.stack.append(.cautions(cardID: card.id, scroll: 0))
        case .compare where !card.comparisons.isEmpty:
            state.stack.append(.comparison(cardID: card.id, index: 0, scroll: 0))
        case .compare:
            state.notice = Notice(s.noComparison)
        default:
            break
        }
        state.store(checklist)
        clampScroll(&wizard, state)
        return effects
    }

    /// Whether a resize must keep the selected material in view: the person has moved to
    /// the materials (selected or scrolled) and the material is on screen, or the screen was
    /// too small to tell. A step they have not moved in keeps its text at the top.
    static func keepsMaterialInView(_ state: AppState) -> Bool {
        guard case .wizard(let wizard) = state.screen, wizard.material > 0 || wizard.scroll > 0 else { return false }
        return state.isTooSmall || isMaterialVisible(wizard, state)
    }

    private static func isMaterialVisible(_ wizard: WizardState, _ state: AppState) -> Bool {
        let lines = Pages.wizardLines(state, wizard)
        let visible = wizard.scroll..<(wizard.scroll + scrollHeight(state))
        return lines.indices.contains { lines[$0].material == wizard.material && visible.contains($0) }
    }

    /// Keeps the scroll offset within the page (after a resize or a change of step).
    static func clampScroll(_ wizard: inout WizardState, _ state: AppState) {
        let lines = Pages.wizardLines(state, wizard).count
        wizard.scroll = min(max(0, wizard.scroll), max(0, lines - scrollHeight(state)))
    }

    static func scrollHeight(_ state: AppState) -> Int { max(1, Layout(state.size).bodyHeight - fixedRows) }

    /// Scrolls so that the selected material's lines are visible.
    static func follow(_ wizard: inout WizardState, _ state: AppState) {
        let lines = Pages.wizardLines(state, wizard)
        let height = scrollHeight(state)
        let rows = lines.indices.filter { lines[$0].material == wizard.material }
        if let first = rows.first, let last = rows.last {
            if last >= wizard.scroll + height { wizard.scroll = last - height + 1 }
            if first < wizard.scroll { wizard.scroll = first }
        }
        wizard.scroll = min(max(0, wizard.scroll), max(0, lines.count - height))
    }

    static func overview(_ action: Action, cardID: String, methodID: String, _ list: inout ListState,
                         _ state: inout AppState, now: Date) -> [Effect] {
        guard let method = state.pack.card(cardID)?.method(methodID), var checklist = state.checklist(for: methodID) else { return [] }
        if Update.moveInList(action, &list, count: method.steps.count, state: state) {
            state.screen = .overview(cardID: cardID, methodID: methodID, list: list)
            return []
        }
        switch action {
        case .open:
            checklist.go(to: list.selection, in: method, now: now)
            state.store(checklist)
            state.stack.removeLast()
            if case var .wizard(wizard) = state.screen {
                wizard.material = 0
                wizard.scroll = 0
                state.screen = .wizard(wizard)
            }
            return [.saveSession]
        case .markDone:
            checklist.toggleDone(step: method.steps[list.selection].id, now: now)
            state.store(checklist)
            return [.saveSession]
        default:
            return []
        }
    }
}
