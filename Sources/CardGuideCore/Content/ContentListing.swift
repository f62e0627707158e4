/// The pack as a plain-text tree, for scripts, screen readers and help-desk staff
/// (`cardguide list`).
public enum ContentListing {
    public static func render(_ pack: ContentPack, language: Language) -> String {
        let l = UIStrings(language)
        var out = ""
        for country in pack.countries {
            out += "\(country.name[language]) [\(country.id)]\n"
            for card in pack.cards(in: country.id) {
                out +=
                    "  \(card.name[language]) [\(card.id)]: \(l.count(card.methods.count, "method")), \(l.count(card.faq.count, "faq"))\n"
                for method in card.methods {
                    out +=
                        "    - \(method.name[language]) [\(method.id)]: \(l.count(method.steps.count, "step"))\n"
                }
            }
            let contacts = pack.contacts(forCountry: country.id)
            if !contacts.isEmpty {
                let values = contacts.map { $0.value[language] }.joined(separator: "; ")
                out += "  " + l.contacts + values + "\n"
            }
        }
        return TerminalText.escaped(out) // for a terminal: see TerminalText
    }
}

/// The few interface words the core itself prints (listings, exports, hand-outs).
public struct UIStrings: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    public var contacts: String {
        language == .zh ? "官方联系方式：" : "Official contacts: "
    }

    public func count(_ n: Int, _ noun: String) -> String {
        switch (language, noun) {
        case (.zh, "method"): return "\(n) 种办理方式"
        case (.zh, "faq"): return "\(n) 条常见问题"
        case (.zh, "step"): return "\(n) 步"
        case (.zh, _): return "\(n)"
        case (.en, _):
            return "\(n) \(noun == "faq" ? "FAQ" : noun)\(n == 1 || noun == "faq" ? "" : "s")"
        }
    }
}
