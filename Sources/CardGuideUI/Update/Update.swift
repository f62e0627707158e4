import CardGuideCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The one place state changes. Pure apart from `now`: it returns effects instead of
/// doing I/O, so every screen's behaviour is testable by feeding actions.
public enum Update {
    public static func apply(_ action: Action, to state: inout AppState, now: Date) -> [Effect] {
        if case .resize(let size) = action {
            let keepMaterial = WizardUpdate.keepsMaterialInView(state)
            state.size = size
            clampAll(&state)
            if keepMaterial, !state.isTooSmall, case .wizard(var wizard) = state.screen {
                WizardUpdate.follow(&wizard, state)
                state.screen = .wizard(wizard)
            }
            return []
        }
        if let effects = outcome(action, &state) { return effects }
        // A notice stays until the next key.
        state.notice = nil
        if state.overlay != nil { return overlayAction(action, &state, now: now) }
        switch action {
        case .quit: return [.quit]
        case .help:
            state.overlay = .help(scroll: 0)
            return []
        case .switchLanguage:
            return switchLanguage(&state)
        case .search:
            if case .search = state.screen { return [] }
            state.stack.append(.search(SearchState()))
            return []
        case .showCode:
            return showCode(&state)
        case .switchBilingual where !state.display.englishOnly:
            state.display.bilingual.toggle()
            return [.saveSession]
        case .safety:
            if case .safety = state.screen { return [] }
            state.stack.append(.safety(scroll: 0))
            return []
        case .contacts:
            state.openContacts()
            return []
        case .back:
            if state.stack.count > 1 { state.stack.removeLast() }
            return []
        default:
            return screenAction(action, &state, now: now)
        }
    }

    private static func screenAction(_ action: Action, _ state: inout AppState, now: Date)
        -> [Effect]
    {
        switch state.screen {
        case .home(var list):
            // Home is always the bottom of the stack; screens it opens are pushed above it.
            let effects = home(action, &list, &state, now: now)
            state.stack[0] = .home(list)
            return effects
        case .cards(let countryID, var list):
            let cards = state.pack.cards(in: countryID)
            if moveInList(action, &list, count: cards.count, state: state, rowsPerItem: 2) {
                state.screen = .cards(countryID: countryID, list: list)
            } else if cards.indices.contains(list.selection) {
                let card = cards[list.selection]
                switch action {
                case .open: state.stack.append(.methods(cardID: card.id, list: ListState()))
                case .faq: state.stack.append(.faqList(cardID: card.id, list: ListState()))
                case .cautions: state.stack.append(.cautions(cardID: card.id, scroll: 0))
                default: break
                }
            }
            return []
        case .methods(let cardID, var list):
            guard let card = state.pack.card(cardID) else { return [] }
            if moveInList(action, &list, count: card.methods.count, state: state, rowsPerItem: 3) {
                state.screen = .methods(cardID: cardID, list: list)
                return []
            }
            switch action {
            case .open where card.methods.indices.contains(list.selection):
                return openWizard(
                    card: card, method: card.methods[list.selection], stepIndex: nil, &state,
                    now: now)
            case .compare where !card.comparisons.isEmpty:
                state.stack.append(.comparison(cardID: cardID, index: 0, scroll: 0))
            case .compare:
                state.notice = Notice(Strings(state.language).noComparison)
            case .faq: state.stack.append(.faqList(cardID: cardID, list: ListState()))
            case .cautions: state.stack.append(.cautions(cardID: cardID, scroll: 0))
            default: break
            }
            return []
        case .wizard(var wizard):
            let index = state.stack.count - 1
            let effects = WizardUpdate.apply(action, &wizard, &state, now: now)
            state.stack[index] = .wizard(wizard)
            return effects
        case .overview(let cardID, let methodID, var list):
            return WizardUpdate.overview(
                action, cardID: cardID, methodID: methodID, &list, &state, now: now)
        case .comparison(let cardID, var index, var scroll):
            let count = state.pack.card(cardID)?.comparisons.count ?? 0
            switch action {
            case .nextTable where count > 0:
                index = (index + 1) % count
                scroll = 0
            case .previousTable where count > 0:
                index = (index + count - 1) % count
                scroll = 0
            default:
                scroll = scrolled(
                    action, scroll,
                    lines: Pages.comparisonLines(state, cardID: cardID, index: index),
                    state: state)
            }
            state.screen = .comparison(cardID: cardID, index: index, scroll: scroll)
            return []
        case .faqList(let cardID, var list):
            let entries = state.faqEntries(cardID)
            if moveInList(action, &list, count: entries.count, state: state) {
                state.screen = .faqList(cardID: cardID, list: list)
            } else if action == .open, entries.indices.contains(list.selection) {
                let entry = entries[list.selection]
                state.stack.append(
                    .faqAnswer(cardID: entry.card.id, faqID: entry.faq.id, scroll: 0))
            }
            return []
        case .faqAnswer(let cardID, let faqID, let scroll):
            let lines = Pages.faqLines(state, cardID: cardID, faqID: faqID)
            state.screen = .faqAnswer(
                cardID: cardID, faqID: faqID,
                scroll: scrolled(action, scroll, lines: lines, state: state))
            return []
        case .safety(let scroll):
            state.screen = .safety(
                scroll: scrolled(
                    action, scroll, lines: Pages.safetyLines(state), state: state))
            return []
        case .cautions(let cardID, let scroll):
            let lines = Pages.cautionLines(state, cardID: cardID)
            state.screen = .cautions(
                cardID: cardID, scroll: scrolled(action, scroll, lines: lines, state: state))
            return []
        case .contacts(let countryID, let scroll):
            let lines = ContactPages.lines(state, countryID: countryID)
            let moved = scrolled(action, scroll, lines: lines, state: state)
            state.screen = .contacts(countryID: countryID, scroll: moved)
            return []
        case .profiles(var list):
            if moveInList(action, &list, count: state.profiles.count, state: state, rowsPerItem: 2)
            {
                state.screen = .profiles(list)
            } else if action == .open, state.profiles.indices.contains(list.selection) {
                let name = state.profiles[list.selection].name
                state.stack = [state.stack[0]]
                return [.switchProfile(name: name)]
            }
            return []
        case .search(var search):
            let index = state.stack.count - 1
            let effects = searchAction(action, &search, &state, now: now)
            // An empty query's Backspace closes the search screen.
            if state.stack.indices.contains(index), state.stack[index].context == .search {
                state.stack[index] = .search(search)
            }
            return effects
        }
    }

    private static func home(
        _ action: Action, _ list: inout ListState, _ state: inout AppState, now: Date
    ) -> [Effect] {
        let entries = state.homeEntries
        if moveInList(action, &list, count: entries.count, state: state) { return [] }
        guard entries.indices.contains(list.selection) else { return [] }
        let entry = entries[list.selection]
        switch (action, entry) {
        case (.open, .resume(let checklist)), (.open, .finished(let checklist)):
            guard let (card, method) = state.resolve(checklist) else { return [] }
            return openWizard(card: card, method: method, stepIndex: nil, &state, now: now)
        case (.open, .country(let country)):
            state.stack.append(.cards(countryID: country.id, list: ListState()))
        case (.open, .allFAQ), (.allFAQ, _):
            state.stack.append(.faqList(cardID: nil, list: ListState()))
        case (.open, .safety):
            state.stack.append(.safety(scroll: 0))
        case (.open, .contacts):
            state.openContacts()
        case (.profiles, _) where !state.helpDesk.isKiosk:
            state.stack.append(.profiles(ListState()))
            return [.listProfiles]
        case (.reset, _):
            guard let checklist = entry.checklist else { break }
            state.overlay = .confirm(.resetChecklist(methodID: checklist.methodID))
        case (.remove, _):
            guard let checklist = entry.checklist else { break }
            state.overlay = .confirm(.removeChecklist(methodID: checklist.methodID))
        default: break
        }
        return []
    }

    /// Opens the wizard of a method to read: at `stepIndex`, else where its checklist stopped,
    /// else at the first step. Reading starts no checklist and changes none.
    static func openWizard(
        card: Card, method: Method, stepIndex: Int?, _ state: inout AppState,
        now: Date
    ) -> [Effect] {
        let step = stepIndex ?? state.checklist(for: method.id)?.currentIndex(in: method) ?? 0
        state.stack.append(.wizard(WizardState(cardID: card.id, methodID: method.id, step: step)))
        return []
    }

    /// `L`, on a screen or the code screen: every text is worded when drawn, so only the
    /// searches, which hold their language's results, are run again.
    static func switchLanguage(_ state: inout AppState) -> [Effect] {
        state.language = state.language.other
        // Every search on the stack, not only a visible one: Esc from a result goes back to it.
        for index in state.stack.indices {
            if case .search(var search) = state.stack[index] {
                rerunSearch(&search, &state, at: index)
                state.stack[index] = .search(search)
            }
        }
        return [.saveSession]
    }

    private static func overlayAction(_ action: Action, _ state: inout AppState, now: Date)
        -> [Effect]
    {
        switch state.overlay {
        case .help(let scroll):
            switch action {
            case .back, .help: state.overlay = nil
            case .contacts:
                state.overlay = nil
                state.openContacts()
            case .down:
                state.overlay = .help(scroll: min(scroll + 1, Overlays.helpMaxScroll(state)))
            case .up: state.overlay = .help(scroll: max(0, scroll - 1))
            case .quit: return [.quit]
            default: break
            }
            return []
        case .safetyBox:
            state.overlay = nil
            if action == .safety { state.stack.append(.safety(scroll: 0)) }
            return action == .quit ? [.quit] : []
        case .code(let code):
            return codeAction(action, code, &state)
        case .confirm(let confirmation):
            state.overlay = nil
            guard action == .confirm else { return [] }
            switch confirmation {
            case .finishChecklist(let cardID, let methodID):
                return WizardUpdate.finish(cardID: cardID, methodID: methodID, &state, now: now)
            case .resetChecklist(let methodID):
                if let index = state.checklists.firstIndex(where: { $0.methodID == methodID }),
                    let (_, method) = state.resolve(state.checklists[index])
                {
                    let old = state.checklists[index]
                    state.checklists[index] = Checklist(
                        countryID: old.countryID, cardID: old.cardID, method: method,
                        now: old.changed, contentFingerprint: state.pack.fingerprint)
                }
            case .removeChecklist(let methodID):
                state.checklists.removeAll { $0.methodID == methodID }
            }
            clampAll(&state)
            return [.saveSession]
        case nil:
            return []
        }
    }

    // MARK: - Lists and pages

    /// Applies a movement action to a list; false when the action is not a movement.
    static func moveInList(
        _ action: Action, _ list: inout ListState, count: Int, state: AppState, rowsPerItem: Int = 1
    ) -> Bool {
        let page = max(1, Layout(state.size).bodyHeight / rowsPerItem - 1)
        switch action {
        case .up: list.selection -= 1
        case .down: list.selection += 1
        case .pageUp: list.selection -= page
        case .pageDown: list.selection += page
        case .top: list.selection = 0
        case .bottom: list.selection = count - 1
        default: return false
        }
        list.clamp(count: count)
        return true
    }

    /// After a resize or a removal, every selection and scroll is brought back in range.
    static func clampAll(_ state: inout AppState) {
        for index in state.stack.indices {
            switch state.stack[index] {
            case .home(var list):
                list.clamp(count: state.homeEntries.count)
                state.stack[index] = .home(list)
            default: break
            }
        }
        guard !state.isTooSmall else { return }
        if case .help(let scroll) = state.overlay {
            state.overlay = .help(scroll: min(scroll, Overlays.helpMaxScroll(state)))
        }
        // Scroll offsets are re-clamped by replaying a no-op movement on the top screen.
        switch state.screen {
        case .faqAnswer(let cardID, let faqID, let scroll):
            state.screen = .faqAnswer(
                cardID: cardID, faqID: faqID,
                scroll: scrolled(
                    .cancel, scroll,
                    lines: Pages.faqLines(state, cardID: cardID, faqID: faqID), state: state))
        case .safety(let scroll):
            state.screen = .safety(
                scroll: scrolled(
                    .cancel, scroll, lines: Pages.safetyLines(state), state: state))
        case .cautions(let cardID, let scroll):
            state.screen = .cautions(
                cardID: cardID,
                scroll: scrolled(
                    .cancel, scroll, lines: Pages.cautionLines(state, cardID: cardID),
                    state: state))
        case .contacts(let countryID, let scroll):
            let lines = ContactPages.lines(state, countryID: countryID)
            let kept = scrolled(.cancel, scroll, lines: lines, state: state)
            state.screen = .contacts(countryID: countryID, scroll: kept)
        case .wizard(var wizard):
            WizardUpdate.clampScroll(&wizard, state)
            state.screen = .wizard(wizard)
        default: break
        }
    }

    // MARK: - Search

    private static func searchAction(
        _ action: Action, _ search: inout SearchState, _ state: inout AppState, now: Date
    ) -> [Effect] {
        switch action {
        case .insert(let character):
            // Past the limit a key changes nothing, so it costs nothing (a paste of any size).
            guard search.query.unicodeScalars.count < SearchState.maximumQueryLength else {
                state.notice = Notice(Strings(state.language).searchTooLong, kind: .warning)
                return []
            }
            let previous = search.query.isEmpty ? nil : search.hits
            search.query.append(character)
            let index = state.searchIndex()
            search.hits = SearchField.rankedByPlace(
                index.search(search.query, within: previous), index: index,
                card: SearchField.currentCard(state))
            search.list = ListState()
        case .deleteBackward:
            if search.query.isEmpty {
                state.stack.removeLast()
                return []
            }
            search.query.removeLast()
            rerunSearch(&search, &state)
        case .clearField:
            search.query = ""
            rerunSearch(&search, &state)
        case .deleteWord:
            search.query = SearchField.deletingLastWord(search.query)
            rerunSearch(&search, &state)
        case .open:
            guard search.hits.indices.contains(search.list.selection) else { return [] }
            let target = state.searchIndex().documents[search.hits[search.list.selection].document]
                .target
            return openTarget(target, &state, now: now)
        default:
            _ = moveInList(
                action, &search.list, count: search.hits.count, state: state, rowsPerItem: 2)
        }
        return []
    }

    /// Searches again; `position` is where the search stands in the stack (nil: on top).
    private static func rerunSearch(
        _ search: inout SearchState, _ state: inout AppState, at position: Int? = nil
    ) {
        let index = state.searchIndex()
        search.hits = SearchField.rankedByPlace(
            index.search(search.query), index: index,
            card: SearchField.currentCard(state, searchAt: position))
        search.list.clamp(count: search.hits.count)
    }

    private static func openTarget(_ target: SearchIndex.Target, _ state: inout AppState, now: Date)
        -> [Effect]
    {
        switch target {
        case .faq(let cardID, let faqID):
            state.stack.append(.faqAnswer(cardID: cardID, faqID: faqID, scroll: 0))
        case .step(let cardID, let methodID, let stepIndex):
            guard let card = state.pack.card(cardID), let method = card.method(methodID) else {
                return []
            }
            return openWizard(card: card, method: method, stepIndex: stepIndex, &state, now: now)
        case .caution(let cardID, let cautionID):
            // Open the card's cautions at the one that was found, not at the top of the page.
            let start = Pages.cautionStart(state, cardID: cardID, cautionID: cautionID) ?? 0
            let lines = Pages.cautionLines(state, cardID: cardID)
            state.stack.append(
                .cautions(
                    cardID: cardID, scroll: scrolled(.cancel, start, lines: lines, state: state)))
        case .card(let cardID):
            state.stack.append(.methods(cardID: cardID, list: ListState()))
        }
        return []
    }
}

extension AppState {
    /// The profiles the `.listProfiles` effect found; the switcher opens on the one in use.
    mutating func showProfiles(_ profiles: [ProfileListing]) {
        self.profiles = profiles
        guard case .profiles(var list) = screen,
            let current = profiles.firstIndex(where: { $0.name == currentProfile })
        else { return }
        list.selection = current
        screen = .profiles(list)
    }

    /// Puts a changed checklist first (most recent first) in place of its older self.
    /// The home screen keeps its selection on the same entry, though the entries move.
    mutating func store(_ checklist: Checklist) {
        let selected = homeSelectionKey
        checklists.removeAll { $0.methodID == checklist.methodID }
        checklists.insert(checklist, at: 0)
        if let selected, case .home(var list) = stack.first,
            let index = homeEntries.firstIndex(where: { $0.key == selected })
        {
            list.selection = index
            stack[0] = .home(list)
        }
    }

    /// Selects a checklist's entry on the home screen.
    mutating func selectHome(_ checklist: Checklist) {
        guard case .home(var list) = stack.first,
            let index = homeEntries.firstIndex(where: {
                $0.checklist?.methodID == checklist.methodID
            })
        else { return }
        list.selection = index
        stack[0] = .home(list)
    }

    private var homeSelectionKey: String? {
        guard case .home(let list) = stack.first, homeEntries.indices.contains(list.selection)
        else { return nil }
        return homeEntries[list.selection].key
    }
}

extension HomeEntry {
    /// Names the entry across changes of the checklist it may hold.
    var key: String {
        switch self {
        case .resume(let checklist), .finished(let checklist):
            return "checklist:" + checklist.methodID
        case .country(let country): return "country:" + country.id
        case .allFAQ: return "faq"
        case .safety: return "safety"
        case .contacts: return "contacts"
        }
    }
}
