import CardGuideCore

/// Where the person is, as the header shows it. The path follows from the screen on top
/// alone (its country, card and method), so a checklist opened from the home screen shows
/// the same path as one reached through the country and card; when it is too long it is cut
/// from the left, so the current screen always shows.
enum Breadcrumb {
    static let separator = " > "
    static let cut = "... > "

    /// The path of the screen on top, after the app's name.
    static func path(_ state: AppState) -> [String] {
        let s = Strings(state.language)
        let l = state.language
        func place(_ cardID: String) -> [String] {
            guard let card = state.pack.card(cardID) else { return [cardID] }
            return [state.pack.country(card.countryID)?.name[l] ?? card.countryID, card.name[l]]
        }
        func method(_ cardID: String, _ methodID: String) -> [String] {
            place(cardID) + [state.pack.card(cardID)?.method(methodID)?.name[l] ?? methodID]
        }
        switch state.screen {
        case .home: return []
        case .cards(let countryID, _): return [state.pack.country(countryID)?.name[l] ?? countryID]
        case .methods(let cardID, _): return place(cardID)
        case .wizard(let wizard): return method(wizard.cardID, wizard.methodID)
        case .overview(let cardID, let methodID, _):
            return method(cardID, methodID) + [s.overviewTitle]
        case .comparison(let cardID, _, _): return place(cardID) + [s.compareTitle]
        case .faqList(let cardID?, _): return place(cardID) + [s.faqTitle]
        case .faqList(nil, _): return [s.allFAQ]
        case .faqAnswer(let cardID, _, _): return place(cardID) + [s.faqTitle]
        case .cautions(let cardID, _): return place(cardID) + [s.cautionsTitle]
        case .search: return [s.searchTitle]
        case .safety: return [s.safetyRules]
        case .profiles: return [s.profilesTitle]
        case .contacts(let countryID?, _):
            return [state.pack.country(countryID)?.name[l] ?? countryID, s.contactsTitle]
        case .contacts(nil, _): return [s.contactsTitle]
        }
    }

    /// The crumbs in `width` columns: whole crumbs dropped from the left behind "... > ";
    /// only a last crumb too long on its own is cut at its end.
    static func fitted(_ crumbs: [String], width: Int) -> String {
        var shown = crumbs
        var text = shown.joined(separator: separator)
        while DisplayWidth.of(text) > width, shown.count > 1 {
            shown.removeFirst()
            text = cut + shown.joined(separator: separator)
        }
        return TextLayout.truncate(text, width: width)
    }
}
