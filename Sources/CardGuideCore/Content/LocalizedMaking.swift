/// Making a text in both languages at once: the visitor sheet and the bilingual view build
/// most of their lines this way.
extension Localized {
    /// A text made the same way in each language ("[S1] " + the title in that language).
    public static func each(_ make: (Language) -> String) -> Localized {
        Localized(zh: make(.zh), en: make(.en))
    }

    /// Each language's text changed by `transform`, which is told the language.
    public func mapBoth(_ transform: (Language, String) -> String) -> Localized {
        Localized(zh: transform(.zh, zh), en: transform(.en, en))
    }

    /// Each language's text changed the same way.
    public func map(_ transform: (String) -> String) -> Localized {
        Localized(zh: transform(zh), en: transform(en))
    }
}
