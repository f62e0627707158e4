import CardGuideCore

/// One saved profile as the switcher shows it, worded when drawn from the `ProfileListing`
/// the state keeps, so that `L` re-words the list like any other screen.
public struct ProfileSummary: Equatable, Sendable {
    /// nil for the default progress file.
    public var name: String?
    public var checklists: Int
    /// The most recent checklist, described ("France > Carte Vitale > ... - Step 3 of 5"), if any.
    public var latest: String?

    public init(name: String?, checklists: Int, latest: String?) {
        self.name = name
        self.checklists = checklists
        self.latest = latest
    }

    /// A listed profile in `state`'s language: its checklists, and the latest one as
    /// "card > method - step n of m", or why the file could not be read.
    init(_ listing: ProfileListing, _ state: AppState) {
        switch listing.progress {
        case .unreadable(let reason):
            self.init(name: listing.name, checklists: 0, latest: reason)
        case .checklists(let count, let latest):
            let described = latest.flatMap { checklist -> String? in
                guard let (card, method) = state.resolve(checklist) else { return nil }
                let language = state.language
                let position = Strings(language).stepOf(
                    checklist.currentIndex(in: method) + 1, method.steps.count)
                return "\(card.name[language]) > \(method.name[language]) - \(position)"
            }
            self.init(name: listing.name, checklists: count, latest: described)
        }
    }
}

extension AppState {
    /// The listed profiles as the switcher shows them now.
    var profileRows: [ProfileSummary] { profiles.map { ProfileSummary($0, self) } }
}
