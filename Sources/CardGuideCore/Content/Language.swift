/// The two languages every text exists in. Chinese (Simplified) is the default.
public enum Language: String, CaseIterable, Sendable {
    case zh
    case en

    public var other: Language { self == .zh ? .en : .zh }
}

/// A user-visible text in both languages.
public struct Localized: Equatable, Hashable, Sendable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public subscript(language: Language) -> String {
        language == .zh ? zh : en
    }
}
