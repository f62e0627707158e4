import CardGuideCore

/// The official contacts screen: one country's hotlines and web addresses (every country's
/// when opened from the home screen), each with what it is for, its hours and its sources.
enum ContactPages {
    static func lines(_ state: AppState, countryID: String?) -> [PageLine] {
        var page = PageBuilder(state)
        page.text(Strings.both { $0.contactsIntro }, role: .accent)
        let countries = countryID.map { [$0] } ?? state.pack.countries.map(\.id)
        var cited: [String] = []
        for id in countries {
            let contacts = state.pack.contacts(forCountry: id)
            guard !contacts.isEmpty else { continue }
            page.blank()
            page.text(state.pack.country(id)?.name ?? Localized(zh: id, en: id), role: .title)
            for contact in contacts {
                page.text(contact.value, role: .warning, indent: 2)
                page.text(contact.name, indent: 4)
                page.text(contact.purpose, role: .dim, indent: 4)
                if let hours = contact.hours {
                    let line = Localized.each { Strings($0).hoursLabel + " " + hours[$0] }
                    page.text(line, role: .dim, indent: 4)
                }
                cited += contact.sources.filter { !cited.contains($0) }
            }
        }
        if cited.isEmpty {
            page.blank()
            page.text(Strings.both { $0.noContacts }, role: .dim)
            return page.lines
        }
        page.blank()
        Pages.sources(cited, state, into: &page)
        return page.lines
    }
}

extension AppState {
    /// The country of what the person is looking at (a card, its methods, a wizard, its FAQ
    /// or cautions); nil on screens that belong to no country (home, all FAQ, search).
    var currentCountryID: String? {
        for screen in stack.reversed() {
            switch screen {
            case .cards(let countryID, _): return countryID
            case .methods(let cardID, _), .overview(let cardID, _, _),
                .comparison(let cardID, _, _), .faqAnswer(let cardID, _, _),
                .cautions(let cardID, _):
                return pack.card(cardID)?.countryID
            case .wizard(let wizard): return pack.card(wizard.cardID)?.countryID
            case .faqList(let cardID?, _): return pack.card(cardID)?.countryID
            case .contacts(let countryID, _): return countryID
            default: continue
            }
        }
        return nil
    }

    /// Opens the contacts of the current country (all countries from the home screen).
    mutating func openContacts() {
        if case .contacts = screen { return }
        stack.append(.contacts(countryID: currentCountryID, scroll: 0))
    }
}
