import CardGuideCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The wizard's and the overview's reactions to actions. Reading (moving between steps,
/// scrolling) changes nothing saved until a checklist is started by the first tick or done.
enum WizardUpdate {
    /// Rows of the wizard above its scrolling part: progress bar, step title, a gap.
    static let fixedRows = 3

    static func apply(
        _ action: Action, _ wizard: inout WizardState, _ state: inout AppState,
        now: Date
    ) -> [Effect] {
        guard let (card, method, saved, current) = state.position(of: wizard) else { return [] }
        let started = state.checklist(for: method.id) != nil
        var checklist = saved
        let s = Strings(state.language)
        let step = method.steps[current]
        var effects: [Effect] = []
        // Whether the checklist exists after this action, so that it is stored.
        var begun = started
        switch action {
        case .nextStep where current + 1 < method.steps.count:
            effects += move(
                &wizard, to: current + 1, method, &checklist, started: started, now: now)
        case .nextStep:
            offerToFinish(card: card, method: method, checklist, &state)
        case .previousStep where current > 0:
            effects += move(
                &wizard, to: current - 1, method, &checklist, started: started, now: now)
        case .previousStep:
            state.notice = Notice(s.firstStep)
        case .tick:
            guard step.bring.indices.contains(wizard.material) else { return [] }
            // A tick must be seen: when the selected item is not fully in view, show it first,
            // and say so, or the key looks as if it did nothing.
            guard isMaterialVisible(wizard, state) else {
                follow(&wizard, state)
                state.notice = Notice(s.tickScrolledFirst)
                return []
            }
            if !started {
                begin(&checklist, at: current, card: card, method: method, &state, now: now)
            }
            begun = true
            checklist.toggle(material: step.bring[wizard.material].id, in: method, now: now)
            effects.append(.saveSession)
        case .markDone:
            if !started {
                begin(&checklist, at: current, card: card, method: method, &state, now: now)
            }
            begun = true
            checklist.toggleDone(step: step.id, in: method, now: now)
            let done = checklist.status(of: step.id) == .done
            state.notice = Notice(done ? s.stepDone(current + 1) : s.stepReopened(current + 1))
            // Marking a step done moves on, as a paper checklist would.
            if done && current + 1 < method.steps.count {
                _ = move(&wizard, to: current + 1, method, &checklist, started: true, now: now)
            }
            effects.append(.saveSession)
        case .up, .down:
            if step.bring.isEmpty {
                wizard.scroll = Update.scrolled(
                    action, wizard.scroll, lines: Pages.wizardLines(state, wizard), state: state,
                    height: scrollHeight(state))
            } else {
                wizard.material = min(
                    max(0, wizard.material + (action == .down ? 1 : -1)), step.bring.count - 1)
                follow(&wizard, state)
            }
        case .pageUp, .pageDown, .top, .bottom:
            page(action, &wizard, materials: step.bring.count, state)
            return []
        case .printHandout:
            if let last = state.lastHandout, last.methodID == method.id,
                last.language == state.language, last.bilingual == state.display.bilingual,
                last.checklist == state.checklist(for: method.id)
            {
                let paths = last.paths.joined(separator: ", ")
                state.notice = Notice(Strings(state.language).handoutUnchanged(paths))
            } else if let sheet = VisitorSheet.render(
                cardID: card.id, methodID: method.id, pack: state.pack, language: state.language,
                bilingual: state.display.bilingual)
            {
                effects.append(.writeHandout(methodID: method.id, sheet: sheet))
            }
        case .overview:
            state.stack.append(
                .overview(cardID: card.id, methodID: method.id, list: ListState(selection: current))
            )
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
        if begun { state.store(checklist) }
        clampScroll(&wizard, state)
        return effects
    }

    /// Shows another step; a started checklist remembers it as where the person stopped.
    private static func move(
        _ wizard: inout WizardState, to index: Int, _ method: Method,
        _ checklist: inout Checklist, started: Bool, now: Date
    ) -> [Effect] {
        wizard.step = index
        wizard.material = 0
        wizard.scroll = 0
        guard started else { return [] }
        checklist.go(to: index, in: method, now: now)
        return [.saveSession]
    }

    /// Starts the checklist at the step on screen and shows the card's safety rules once,
    /// in one short box.
    private static func begin(
        _ checklist: inout Checklist, at index: Int, card: Card, method: Method,
        _ state: inout AppState, now: Date
    ) {
        checklist = Checklist(
            countryID: card.countryID, cardID: card.id, method: method, now: now,
            contentFingerprint: state.pack.fingerprint)
        checklist.go(to: index, in: method, now: now)
        if !state.pack.safetyRules(forCountry: card.countryID).isEmpty {
            state.overlay = .safetyBox(cardID: card.id)
        }
    }

    /// Enter on the last step: asks to mark it done and finish; a finished checklist says so,
    /// and one with earlier steps open says how many.
    private static func offerToFinish(
        card: Card, method: Method, _ checklist: Checklist, _ state: inout AppState
    ) {
        let s = Strings(state.language)
        let last = method.steps[method.steps.count - 1]
        if checklist.status(of: last.id) != .done {
            state.overlay = .confirm(.finishChecklist(cardID: card.id, methodID: method.id))
        } else if checklist.isFinished(in: method) {
            state.notice = Notice(s.checklistFinished)
        } else {
            state.notice = Notice(s.stepsLeft(method.steps.count - checklist.doneCount(in: method)))
        }
    }

    /// The finish confirmation's yes: the last step is done (starting the checklist if it was
    /// only read); when every step is, the person returns home, where it is listed as done.
    static func finish(cardID: String, methodID: String, _ state: inout AppState, now: Date)
        -> [Effect]
    {
        guard let card = state.pack.card(cardID), let method = card.method(methodID),
            let last = method.steps.last, case .wizard(var wizard) = state.screen
        else { return [] }
        let s = Strings(state.language)
        var checklist =
            state.checklist(for: methodID)
            ?? Checklist(
                countryID: card.countryID, cardID: card.id, method: method, now: now,
                contentFingerprint: state.pack.fingerprint)
        checklist.go(to: method.steps.count - 1, in: method, now: now)
        if checklist.status(of: last.id) != .done {
            checklist.toggleDone(step: last.id, in: method, now: now)
        }
        state.store(checklist)
        if checklist.isFinished(in: method) {
            state.stack = [state.stack[0]]
            state.selectHome(checklist)
            state.notice = Notice(s.checklistFinished)
        } else {
            wizard.step = method.steps.count - 1
            state.screen = .wizard(wizard)
            state.notice = Notice(s.stepsLeft(method.steps.count - checklist.doneCount(in: method)))
        }
        return [.saveSession]
    }

    /// PgUp/PgDn scroll the page; Home/End go to its top/bottom and select its first/last
    /// item. Then the selected item is one wholly in view whenever one is: Space never ticks
    /// an item out of sight, and the marker never sits on half an item.
    private static func page(
        _ action: Action, _ wizard: inout WizardState, materials: Int, _ state: AppState
    ) {
        let lines = Pages.wizardLines(state, wizard)
        wizard.scroll = Update.scrolled(
            action, wizard.scroll, lines: lines, state: state, height: scrollHeight(state))
        guard materials > 0 else { return }
        switch action {
        case .top: wizard.material = 0
        case .bottom: wizard.material = materials - 1
        default: break
        }
        guard !isMaterialVisible(wizard, state, lines: lines) else { return }
        let visible = (0..<materials).filter { material in
            var probe = wizard
            probe.material = material
            return isMaterialVisible(probe, state, lines: lines)
        }
        if let choice = action == .pageUp || action == .bottom ? visible.last : visible.first {
            wizard.material = choice
        } else if action == .top || action == .bottom {
            follow(&wizard, state)
        }
    }

    /// Whether a resize must keep the selected material in view: the person has moved to
    /// the materials (selected or scrolled) and the material is on screen, or the screen was
    /// too small to tell. A step they have not moved in keeps its text at the top.
    static func keepsMaterialInView(_ state: AppState) -> Bool {
        guard case .wizard(let wizard) = state.screen, wizard.material > 0 || wizard.scroll > 0
        else { return false }
        return state.isTooSmall || isMaterialVisible(wizard, state)
    }

    /// Whether every line of the selected material is in view. `lines` are the step's page
    /// lines when the caller has them already (the view, at every frame).
    static func isMaterialVisible(
        _ wizard: WizardState, _ state: AppState, lines: [PageLine]? = nil
    )
        -> Bool
    {
        let lines = lines ?? Pages.wizardLines(state, wizard)
        let visible = wizard.scroll..<(wizard.scroll + scrollHeight(state))
        let rows = lines.indices.filter { lines[$0].material == wizard.material }
        guard let first = rows.first, let last = rows.last else { return false }
        return visible.contains(first) && visible.contains(last)
    }

    /// Keeps the scroll offset within the page (after a resize or a change of step).
    static func clampScroll(_ wizard: inout WizardState, _ state: AppState) {
        let lines = scrollLines(Pages.wizardLines(state, wizard), state)
        wizard.scroll = min(max(0, wizard.scroll), max(0, lines - scrollHeight(state)))
    }

    static func scrollHeight(_ state: AppState) -> Int {
        max(1, Layout(state.size).bodyHeight - fixedRows)
    }

    /// How many lines the region scrolls through (`Update.scrollLines`).
    static func scrollLines(_ lines: [PageLine], _ state: AppState) -> Int {
        Update.scrollLines(lines, height: scrollHeight(state))
    }

    /// Scrolls so that the selected material's lines are visible.
    static func follow(_ wizard: inout WizardState, _ state: AppState) {
        let lines = Pages.wizardLines(state, wizard)
        let height = scrollHeight(state)
        let rows = lines.indices.filter { lines[$0].material == wizard.material }
        if let first = rows.first, let last = rows.last {
            if last >= wizard.scroll + height { wizard.scroll = last - height + 1 }
            if first < wizard.scroll { wizard.scroll = first }
        }
        wizard.scroll = min(max(0, wizard.scroll), max(0, scrollLines(lines, state) - height))
    }

    static func overview(
        _ action: Action, cardID: String, methodID: String, _ list: inout ListState,
        _ state: inout AppState, now: Date
    ) -> [Effect] {
        guard let card = state.pack.card(cardID), let method = card.method(methodID) else {
            return []
        }
        if Update.moveInList(action, &list, count: method.steps.count, state: state) {
            state.screen = .overview(cardID: cardID, methodID: methodID, list: list)
            return []
        }
        let saved = state.checklist(for: methodID)
        switch action {
        case .open:
            state.stack.removeLast()
            guard case .wizard(var wizard) = state.screen else { return [] }
            wizard.step = list.selection
            wizard.material = 0
            wizard.scroll = 0
            state.screen = .wizard(wizard)
            guard var checklist = saved else { return [] }
            checklist.go(to: list.selection, in: method, now: now)
            state.store(checklist)
            return [.saveSession]
        case .markDone:
            var checklist =
                saved
                ?? Checklist(
                    countryID: card.countryID, cardID: card.id, method: method, now: now,
                    contentFingerprint: state.pack.fingerprint)
            if saved == nil, let current = wizardStep(below: state) {
                checklist.go(to: current, in: method, now: now)
            }
            checklist.toggleDone(step: method.steps[list.selection].id, in: method, now: now)
            state.store(checklist)
            return [.saveSession]
        default:
            return []
        }
    }

    /// The step of the wizard under the overview.
    private static func wizardStep(below state: AppState) -> Int? {
        guard state.stack.count > 1, case .wizard(let wizard) = state.stack[state.stack.count - 2]
        else { return nil }
        return wizard.step
    }
}
