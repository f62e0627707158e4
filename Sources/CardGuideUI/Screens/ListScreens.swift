import CardGuideCore

/// The list screens: home, cards, methods, FAQ list, step overview.
enum ListScreens {
    static func home(_ state: AppState, _ list: ListState) -> ListRows {
        let s = Strings(state.language)
        let l = state.language
        var rows = ListRows()
        rows.note(Strings.both { $0.welcome }, in: state, role: .accent)
        rows.gap()
        let entries = state.homeEntries
        var section = ""
        for (index, entry) in entries.enumerated() {
            let heading: Localized
            switch entry {
            case .resume: heading = Strings.both { $0.continueTitle }
            case .country: heading = Strings.both { $0.chooseCountry }
            case .finished: heading = Strings.both { $0.finishedTitle }
            case .allFAQ, .safety, .contacts: heading = Strings.both { $0.more }
            }
            if heading.en != section {
                if !section.isEmpty { rows.gap() }
                rows.heading(heading, in: state)
                section = heading.en
            }
            switch entry {
            case .resume(let checklist), .finished(let checklist):
                guard let (card, method) = state.resolve(checklist) else { continue }
                // One measure of progress everywhere: steps done.
                let position = s.doneOf(checklist.doneCount(in: method), method.steps.count)
                // Two rows, as on the methods screen: the method with its step first, so that
                // 40 columns still show where the person stopped; then its country and card.
                rows.item(index, method.name, in: state, trailing: position)
                rows.item(
                    index,
                    .each { language in
                        let words = Strings(language)
                        let country =
                            state.pack.country(checklist.countryID)?.name[language]
                            ?? checklist.countryID
                        let ready = words.materialsReady(
                            checklist.tickedCount(in: method),
                            method.materials.count)
                        return words.resumeDetail("\(country) > \(card.name[language])", ready)
                    }, in: state, role: .dim, indent: 2)
            case .country(let country):
                // Names padded to one width, so that the summaries line up (in both languages
                // when bilingual).
                let nameWidth = state.display.bilingual || l == .en ? 9 : 6
                rows.item(
                    index,
                    .each { language in
                        TextLayout.fit(country.name[language], width: nameWidth, ellipsis: false)
                            + "  "
                            + country.summary[language]
                    }, in: state)
            case .allFAQ:
                rows.item(index, Strings.both { $0.allFAQ }, in: state)
            case .safety:
                rows.item(index, Strings.both { $0.safetyRules }, in: state, role: .warning)
            case .contacts:
                rows.item(index, Strings.both { $0.contactsTitle }, in: state)
            }
        }
        return rows
    }

    static func cards(_ state: AppState, countryID: String) -> ListRows {
        let l = state.language
        var rows = ListRows()
        rows.heading(Strings.both { $0.chooseCard }, in: state)
        let cards = state.pack.cards(in: countryID)
        for (index, card) in cards.enumerated() {
            rows.item(index, card.name, in: state)
            rows.item(index, card.summary, in: state, role: .dim, indent: 2)
        }
        if cards.isEmpty {
            rows.rows.append(.init(text: Strings(l).noCards, role: .dim, item: nil))
        }
        return rows
    }

    static func methods(_ state: AppState, card: Card) -> ListRows {
        let s = Strings(state.language)
        var rows = ListRows()
        rows.note(
            .each { Strings($0).activation + " " + card.activation[$0] }, in: state,
            role: .accent)
        rows.gap()
        rows.heading(Strings.both { $0.chooseMethod }, in: state)
        for (index, method) in card.methods.enumerated() {
            var trailing = "\(method.steps.count) \(s.steps)"
            if let checklist = state.checklist(for: method.id) {
                trailing = s.doneOf(checklist.doneCount(in: method), method.steps.count)
            }
            rows.item(index, method.name, in: state, trailing: trailing)
            rows.item(index, method.summary, in: state, role: .dim, indent: 2)
        }
        return rows
    }

    static func faqList(_ state: AppState, cardID: String?) -> ListRows {
        var rows = ListRows()
        var currentCard = ""
        for (index, entry) in state.faqEntries(cardID).enumerated() {
            if entry.card.id != currentCard {
                rows.gap()
                rows.heading(entry.card.name, in: state)
                currentCard = entry.card.id
            }
            rows.item(index, entry.faq.question, in: state)
        }
        return rows
    }

    static func profiles(_ state: AppState) -> ListRows {
        let s = Strings(state.language)
        var rows = ListRows()
        rows.heading(s.profilesTitle)
        for (index, profile) in state.profileRows.enumerated() {
            let current = profile.name == state.currentProfile ? " *" : ""
            rows.item(
                index, (profile.name ?? s.defaultProfile) + current,
                trailing: s.profileCount(profile.checklists))
            rows.item(index, profile.latest ?? "", role: .dim, indent: 2)
        }
        if state.profiles.count <= 1 {
            rows.gap()
            // Wrapped, not cut: the way to make a profile is at its end.
            for line in TextLayout.wrap(
                s.noProfiles, width: max(1, Layout(state.size).contentWidth - 2))
            {
                rows.rows.append(.init(text: line, role: .dim, item: nil))
            }
        }
        return rows
    }

    static func overview(_ state: AppState, method: Method) -> ListRows {
        let s = Strings(state.language)
        var rows = ListRows()
        rows.heading(method.name, in: state)
        let checklist = state.checklist(for: method.id)
        let current = checklist?.currentIndex(in: method)
        let tagWidth = StepStatus.allCases.map { DisplayWidth.of(s.status($0)) }.max() ?? 0
        for (index, step) in method.steps.enumerated() {
            let status = checklist?.status(of: step.id) ?? .notStarted
            let tag = TextLayout.fit(s.status(status), width: tagWidth, ellipsis: false)
            let role: Role = status == .done ? .success : index == current ? .accent : .normal
            rows.item(
                index, .each { "\(index + 1). \(step.title[$0])" }, in: state, role: role,
                trailing: tag)
        }
        return rows
    }
}
