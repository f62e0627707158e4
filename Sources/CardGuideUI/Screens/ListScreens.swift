import CardGuideCore

/// The list screens: home, cards, methods, FAQ list, step overview.
enum ListScreens {
    static func home(_ state: AppState, _ list: ListState) -> ListRows {
        let s = Strings(state.language)
        let l = state.language
        var rows = ListRows()
        rows.rows.append(.init(text: s.welcome, role: .accent, item: nil))
        rows.gap()
        let entries = state.homeEntries
        var section = ""
        for (index, entry) in entries.enumerated() {
            let heading: String
            switch entry {
            case .resume: heading = s.continueTitle
            case .country: heading = s.chooseCountry
            case .finished: heading = s.finishedTitle
            case .allFAQ, .safety, .contacts: heading = s.more
            }
            if heading != section {
                if !section.isEmpty { rows.gap() }
                rows.heading(heading)
                section = heading
            }
            switch entry {
            case .resume(let checklist), .finished(let checklist):
                guard let (card, method) = state.resolve(checklist) else { continue }
                let country = state.pack.country(checklist.countryID)?.name[l] ?? checklist.countryID
                // One measure of progress everywhere: steps done.
                let position = s.doneOf(checklist.doneCount(in: method), method.steps.count)
                let ready = s.materialsReady(checklist.tickedCount(in: method), method.materials.count)
                // Two rows, as on the methods screen: the method with its step first, so that
                // 40 columns still show where the person stopped; then its country and card.
                rows.item(index, method.name[l], trailing: position)
                rows.item(index, s.resumeDetail("\(country) > \(card.name[l])", ready), role: .dim, indent: 2)
            case .country(let country):
                let name = TextLayout.fit(country.name[l], width: l == .zh ? 6 : 9, ellipsis: false)
                rows.item(index, name + "  " + country.summary[l])
            case .allFAQ:
                rows.item(index, s.allFAQ)
            case .safety:
                rows.item(index, s.safetyRules, role: .warning)
            case .contacts:
                rows.item(index, s.contactsTitle)
            }
        }
        return rows
    }

    static func cards(_ state: AppState, countryID: String) -> ListRows {
        let l = state.language
        var rows = ListRows()
        rows.heading(Strings(l).chooseCard)
        let cards = state.pack.cards(in: countryID)
        for (index, card) in cards.enumerated() {
            rows.item(index, card.name[l])
            rows.item(index, card.summary[l], role: .dim, indent: 2)
        }
        if cards.isEmpty { rows.rows.append(.init(text: Strings(l).noCards, role: .dim, item: nil)) }
        return rows
    }

    static func methods(_ state: AppState, card: Card) -> ListRows {
        let s = Strings(state.language)
        let l = state.language
        var rows = ListRows()
        rows.rows.append(.init(text: s.activation + " " + card.activation[l], role: .accent, item: nil))
        rows.gap()
        rows.heading(s.chooseMethod)
        for (index, method) in card.methods.enumerated() {
            var trailing = "\(method.steps.count) \(s.steps)"
            if let checklist = state.checklist(for: method.id) {
                trailing = s.doneOf(checklist.doneCount(in: method), method.steps.count)
            }
            rows.item(index, method.name[l], trailing: trailing)
            rows.item(index, method.summary[l], role: .dim, indent: 2)
        }
        return rows
    }

    static func faqList(_ state: AppState, cardID: String?) -> ListRows {
        let l = state.language
        var rows = ListRows()
        var currentCard = ""
        for (index, entry) in state.faqEntries(cardID).enumerated() {
            if entry.card.id != currentCard {
                rows.gap()
                rows.heading(entry.card.name[l])
                currentCard = entry.card.id
            }
            rows.item(index, entry.faq.question[l])
        }
        return rows
    }

    static func profiles(_ state: AppState) -> ListRows {
        let s = Strings(state.language)
        var rows = ListRows()
        rows.heading(s.profilesTitle)
        for (index, profile) in state.profiles.enumerated() {
            let current = profile.name == state.currentProfile ? " *" : ""
            rows.item(index, (profile.name ?? s.defaultProfile) + current, trailing: s.profileCount(profile.checklists))
            rows.item(index, profile.latest ?? "", role: .dim, indent: 2)
        }
        if state.profiles.count <= 1 {
            rows.gap()
            // Wrapped, not cut: the way to make a profile is at its end.
            for line in TextLayout.wrap(s.noProfiles, width: max(1, Layout(state.size).contentWidth - 2)) {
                rows.rows.append(.init(text: line, role: .dim, item: nil))
            }
        }
        return rows
    }

    static func overview(_ state: AppState, method: Method) -> ListRows {
        let s = Strings(state.language)
        let l = state.language
        var rows = ListRows()
        rows.heading(method.name[l])
        let checklist = state.checklist(for: method.id)
        let current = checklist?.currentIndex(in: method)
        let tagWidth = StepStatus.allCases.map { DisplayWidth.of(s.status($0)) }.max() ?? 0
        for (index, step) in method.steps.enumerated() {
            let status = checklist?.status(of: step.id) ?? .notStarted
            let tag = TextLayout.fit(s.status(status), width: tagWidth, ellipsis: false)
            let role: Role = status == .done ? .success : index == current ? .accent : .normal
            rows.item(index, "\(index + 1). \(step.title[l])", role: role, trailing: tag)
        }
        return rows
    }
}
