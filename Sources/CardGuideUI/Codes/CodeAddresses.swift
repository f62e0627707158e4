import CardGuideCore

/// The web addresses `Q` may show as a code on the current screen. Only addresses the pack
/// marks official: a code invites a visitor to open a page without reading its address,
/// so a media or low-confidence page never gets one.
enum CodeAddresses {
    static func onScreen(_ state: AppState) -> [String] {
        let pack = state.pack
        var ids: [String] = []
        var contacts: [OfficialContact] = []
        switch state.screen {
        case .wizard(let wizard):
            guard let (card, method, _, index) = state.position(of: wizard) else { return [] }
            ids = method.steps[index].sources
            contacts = OfficialContacts.forCountry(card.countryID, in: pack)
        case .faqAnswer(let cardID, let faqID, _):
            ids = pack.card(cardID)?.faq.first { $0.id == faqID }?.sources ?? []
        case .cautions(let cardID, _):
            ids = pack.card(cardID)?.cautions.flatMap(\.sources) ?? []
        case .safety:
            ids = pack.safety.flatMap(\.sources)
        case .contacts(let countryID, _):
            let countries = countryID.map { [$0] } ?? pack.countries.map(\.id)
            contacts = countries.flatMap { OfficialContacts.forCountry($0, in: pack) }
        default:
            return []
        }
        let sources = ids.compactMap { pack.source($0) }.filter { $0.kind == .official }.map(\.url)
        var seen = Set<String>()
        return (sources + contacts.compactMap(\.address)).filter { seen.insert($0).inserted }
    }
}
