import CardGuideCore

/// The entries of the home screen, in order: checklists in progress (most recent first),
/// the countries, then the pack-wide FAQ and the safety rules.
public enum HomeEntry: Equatable, Sendable {
    case resume(Checklist)
    case country(Country)
    case allFAQ
    case safety
}

extension AppState {
    public var homeEntries: [HomeEntry] {
        checklists.filter { resolve($0) != nil }.map(HomeEntry.resume)
            + pack.countries.map(HomeEntry.country)
            + [.allFAQ, .safety]
    }

    /// The FAQ entries a FAQ list shows: one card's, or all.
    public func faqEntries(_ cardID: String?) -> [(card: Card, faq: FAQ)] {
        if let cardID, let card = pack.card(cardID) { return card.faq.map { (card, $0) } }
        return pack.allFAQ
    }
}
