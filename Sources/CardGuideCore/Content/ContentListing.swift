/// The pack as a plain-text tree, for scripts, screen readers and help-desk staff
/// (`cardguide list`).
public enum ContentListing {
    public static func render(_ pack: ContentPack, language: Language) -> String {
        let l = Strings(language)
        var out = ""
        for country in pack.countries {
            out += "\(country.name[language]) [\(country.id)]\n"
            for card in pack.cards(in: country.id) {
                out +=
                    "  \(card.name[language]) [\(card.id)]: \(l.listingCount(card.methods.count, "method")), \(l.listingCount(card.faq.count, "faq"))\n"
                for method in card.methods {
                    out +=
                        "    - \(method.name[language]) [\(method.id)]: \(l.listingCount(method.steps.count, "step"))\n"
                }
            }
            let contacts = pack.contacts(forCountry: country.id)
            if !contacts.isEmpty {
                let values = contacts.map { $0.value[language] }.joined(separator: "; ")
                out += "  " + l.listingContacts + values + "\n"
            }
        }
        return TerminalText.escaped(out) // for a terminal: see TerminalText
    }
}
