/// The content model: country → card → method → ordered steps, with each card's cautions,
/// FAQ and comparison tables, and the pack-wide safety rules and source table.
/// Every ID is a stable string: saved progress refers to steps and materials by ID.

public struct Country: Equatable, Sendable {
    public var id: String
    public var name: Localized
    public var summary: Localized
}

public struct Source: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable { case official, media, low }
    public var id: String
    public var kind: Kind
    public var title: Localized
    public var url: String
}

public struct SafetyRule: Equatable, Sendable {
    public var id: String
    public var title: Localized
    public var body: Localized
    public var sources: [String]
    /// The countries the rule is about; empty means every country.
    public var countries: [String]

    public init(
        id: String, title: Localized, body: Localized, sources: [String], countries: [String] = []
    ) {
        self.id = id
        self.title = title
        self.body = body
        self.sources = sources
        self.countries = countries
    }

    public func applies(toCountry countryID: String) -> Bool {
        countries.isEmpty || countries.contains(countryID)
    }
}

public struct Material: Equatable, Sendable {
    public var id: String
    public var name: Localized
    public var note: Localized?
}

public struct Step: Equatable, Sendable {
    public var id: String
    public var title: Localized
    public var body: Localized
    public var bring: [Material]
    public var `where`: Localized?
    public var duration: Localized?
    public var sources: [String]
    /// The rule differs by insurer, city or bank: the reader is told to check locally.
    public var varies: Bool
    public var variesNote: Localized?
}

public struct Method: Equatable, Sendable {
    public var id: String
    public var name: Localized
    public var summary: Localized
    public var suits: Localized
    public var steps: [Step]

    /// Every material of every step, in order: the method's checklist.
    public var materials: [Material] { steps.flatMap(\.bring) }
}

public struct Caution: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable { case fraud, warning, info }
    public var id: String
    public var kind: Kind
    public var title: Localized
    public var body: Localized
    public var sources: [String]
}

public struct FAQ: Equatable, Sendable {
    public var id: String
    public var question: Localized
    public var answer: Localized
    public var sources: [String]
    public var keywordsZh: [String]
    public var keywordsEn: [String]

    public func keywords(_ language: Language) -> [String] {
        language == .zh ? keywordsZh : keywordsEn
    }
}

public struct Comparison: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var label: Localized
        public var cells: [Localized]
    }
    public var id: String
    public var title: Localized
    public var methods: [String]
    public var rows: [Row]
}

public struct Card: Equatable, Sendable {
    public var id: String
    public var countryID: String
    public var name: Localized
    public var summary: Localized
    public var issuer: Localized
    public var activation: Localized
    public var methods: [Method]
    public var cautions: [Caution]
    public var faq: [FAQ]
    public var comparisons: [Comparison]

    public func method(_ id: String) -> Method? { methods.first { $0.id == id } }
}

/// The whole loaded pack.
public struct ContentPack: Equatable, Sendable {
    public var countries: [Country]
    public var cards: [Card] { didSet { cardIndex = Self.index(cards, \.id) } }
    public var safety: [SafetyRule]
    public var sources: [Source] { didSet { sourceIndex = Self.index(sources, \.id) } }
    /// Official hotlines and web addresses, each naming its country.
    public var contacts: [Contact]
    /// A short hash of the files' bytes: saved progress records which content it was made against.
    public var fingerprint: String
    /// Cards and sources by ID: every frame looks some up (a wizard's card, a step's sources),
    /// and a large pack has thousands.
    private var cardIndex: [String: Int]
    private var sourceIndex: [String: Int]

    public init(
        countries: [Country], cards: [Card], safety: [SafetyRule], sources: [Source],
        contacts: [Contact] = [], fingerprint: String
    ) {
        self.countries = countries
        self.contacts = contacts
        self.cards = cards
        self.safety = safety
        self.sources = sources
        self.fingerprint = fingerprint
        cardIndex = Self.index(cards, \.id)
        sourceIndex = Self.index(sources, \.id)
    }

    /// The first position of each ID (a pack with duplicates is reported by validation).
    private static func index<T>(_ items: [T], _ id: KeyPath<T, String>) -> [String: Int] {
        var index: [String: Int] = [:]
        for (n, item) in items.enumerated() where index[item[keyPath: id]] == nil {
            index[item[keyPath: id]] = n
        }
        return index
    }

    public func country(_ id: String) -> Country? { countries.first { $0.id == id } }
    public func cards(in countryID: String) -> [Card] { cards.filter { $0.countryID == countryID } }
    public func card(_ id: String) -> Card? { cardIndex[id].map { cards[$0] } }
    public func source(_ id: String) -> Source? { sourceIndex[id].map { sources[$0] } }
    /// The safety rules a visitor of this country needs, in pack order (a WeChat e-card user
    /// does not need the German Sperrkennwort).
    public func safetyRules(forCountry countryID: String) -> [SafetyRule] {
        safety.filter { $0.applies(toCountry: countryID) }
    }

    public var allFAQ: [(card: Card, faq: FAQ)] {
        cards.flatMap { card in card.faq.map { (card, $0) } }
    }
}
