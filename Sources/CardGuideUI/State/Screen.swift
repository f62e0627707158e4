import CardGuideCore

/// The screens, each with the little state it owns. The app keeps a stack of them: Esc pops.
public enum Screen: Equatable, Sendable {
    case home(ListState)
    case cards(countryID: String, list: ListState)
    case methods(cardID: String, list: ListState)
    case wizard(WizardState)
    case overview(cardID: String, methodID: String, list: ListState)
    case comparison(cardID: String, index: Int, scroll: Int)
    case faqList(cardID: String?, list: ListState)
    case faqAnswer(cardID: String, faqID: String, scroll: Int)
    case search(SearchState)
    case safety(scroll: Int)
    case cautions(cardID: String, scroll: Int)
    case profiles(ListState)
    /// Official contacts of a country; nil lists every country's.
    case contacts(countryID: String?, scroll: Int)

    /// The screen's name in the keymap and help.
    public var context: KeyContext {
        switch self {
        case .home: return .home
        case .cards: return .cards
        case .methods: return .methods
        case .wizard: return .wizard
        case .overview: return .overview
        case .comparison: return .comparison
        case .faqList: return .faqList
        case .faqAnswer: return .faqAnswer
        case .search: return .search
        case .safety: return .safety
        case .cautions: return .cautions
        case .profiles: return .profiles
        case .contacts: return .contacts
        }
    }
}

/// A selection in a list, kept in range by `clamp` whenever the list or the screen changes.
public struct ListState: Equatable, Sendable {
    public var selection: Int = 0
    public var scroll: Int = 0

    public init(selection: Int = 0) { self.selection = selection }

    public mutating func clamp(count: Int) {
        selection = count == 0 ? 0 : min(max(selection, 0), count - 1)
    }

    /// Keeps the selection within a viewport of `height` rows of `rowsPerItem` rows each.
    public mutating func follow(visible height: Int, rowsPerItem: Int = 1) {
        let perPage = max(1, height / max(1, rowsPerItem))
        if selection < scroll { scroll = selection }
        if selection >= scroll + perPage { scroll = selection - perPage + 1 }
        scroll = max(0, scroll)
    }
}

public struct WizardState: Equatable, Sendable {
    public var cardID: String
    public var methodID: String
    /// The step on screen. Reading moves it; a started checklist remembers it as its
    /// current step, an unstarted method keeps nothing.
    public var step: Int = 0
    /// The selected material of the current step, if it has any.
    public var material: Int = 0
    public var scroll: Int = 0

    public init(cardID: String, methodID: String, step: Int = 0) {
        self.cardID = cardID
        self.methodID = methodID
        self.step = step
    }
}

public struct SearchState: Equatable, Sendable {
    public var query: String = ""
    public var hits: [SearchIndex.Hit] = []
    public var list = ListState()

    public init() {}

    /// Longer queries are cut: each key re-runs the search, and a 200 KB paste kept the CPU
    /// busy for minutes. Far above any real question (the longest FAQ title is shorter).
    public static let maximumQueryLength = 100
}
