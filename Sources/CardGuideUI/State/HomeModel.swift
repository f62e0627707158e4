import CardGuideCore

/// The entries of the home screen, in order: checklists in progress (most recent first),
/// the countries, finished checklists, then the pack-wide FAQ and the safety rules.
public enum HomeEntry: Equatable, Sendable {
    case resume(Checklist)
    case country(Country)
    /// A checklist with every step done: listed apart, not as "continue where you stopped".
    case finished(Checklist)
    case allFAQ
    case safety
    case contacts

    public var isFinished: Bool { if case .finished = self { return true } else { return false } }

    /// The checklist the entry stands for, if any.
    public var checklist: Checklist? {
        switch self {
        case .resume(let checklist), .finished(let checklist): return checklist
        default: return nil
        }
    }
}

extension AppState {
    public var homeEntries: [HomeEntry] {
        var open: [HomeEntry] = []
        var finished: [HomeEntry] = []
        for checklist in checklists {
            guard let (_, method) = resolve(checklist) else { continue }
            if checklist.isFinished(in: method) {
                finished.append(.finished(checklist))
            } else {
                open.append(.resume(checklist))
            }
        }
        return open + pack.countries.map(HomeEntry.country) + finished + [
            .allFAQ, .safety, .contacts,
        ]
    }

    /// The FAQ entries a FAQ list shows: one card's, or all.
    public func faqEntries(_ cardID: String?) -> [(card: Card, faq: FAQ)] {
        if let cardID, let card = pack.card(cardID) { return card.faq.map { (card, $0) } }
        return pack.allFAQ
    }
}
