/// The sheet a help desk hands over (`p` in a checklist, `cardguide export --sheet`): one
/// method of one card, to take along and tick by hand. It holds no progress at all, so the
/// demo's or an earlier visitor's ticks can never end up on it: every box is empty.
///
/// Plain text of at most `width` columns (CJK counted as two), about 60 lines for a typical
/// method: the card and method, each step with the first sentences of its instruction, what
/// to bring and where to go; the country's official contacts and safety rules; the sources
/// cited, numbered, official first, with addresses broken at `/` for the paper.
public enum VisitorSheet {
    public static let width = 78

    /// The sheet in `language`, each text followed by the other language's when `bilingual`;
    /// nil when the pack has no such card or method. `contacts` stands in for the country's
    /// (`OfficialContacts`) in tests.
    public static func render(
        cardID: String, methodID: String, pack: ContentPack, language: Language,
        bilingual: Bool = false, contacts: [OfficialContact]? = nil
    ) -> String? {
        guard let card = pack.card(cardID), let method = card.method(methodID) else { return nil }
        var sheet = SheetLines(width: width, language: language, bilingual: bilingual)
        let country =
            pack.country(card.countryID)?.name ?? Localized(zh: card.countryID, en: card.countryID)
        let numbers = sourceNumbers(method, pack: pack)
        // A long method keeps to one page by keeping one sentence of each instruction.
        let sentences = method.steps.count > 6 ? 1 : 2

        sheet.both(
            Localized(
                zh: "CardGuide 办卡指南：\(card.name.zh) > \(method.name.zh)",
                en: "CardGuide: \(card.name.en) > \(method.name.en)"))
        sheet.both(country)
        sheet.rule()
        sheet.words { $0.stepsHeading }
        for (index, step) in method.steps.enumerated() {
            sheet.both(step.title, prefix: "[ ] \(index + 1). ")
            let cited = cited(step, pack: pack).compactMap { numbers[$0] }.sorted().map {
                "[\($0)]"
            }.joined()
            sheet.both(
                step.body.map {
                    LeadSentences.of($0, count: sentences) + (cited.isEmpty ? "" : " " + cited)
                },
                indent: 7)
            if !step.bring.isEmpty {
                sheet.words(indent: 7) { $0.sheetBring }
                for material in step.bring {
                    sheet.both(
                        material.name.mapBoth { with(note: material.note, $0, $1) }, indent: 9,
                        prefix: "[ ] ")
                }
            }
            if let place = step.where {
                sheet.field(indent: 7, { $0.sheetWhere }, place)
            }
        }

        sheet.blank()
        sheet.words { $0.contactsHeading }
        sheet.field(indent: 2, { $0.sheetIssuer }, card.issuer)
        for contact in contacts ?? OfficialContacts.forCountry(card.countryID, in: pack) {
            // One line each: "Health insurance hotline: 36 46 (Mon-Fri 8:30-17:30)".
            sheet.both(
                .each { language in
                    let hours = contact.hours.map {
                        language == .zh ? "（\($0[language])）" : " (\($0[language]))"
                    }
                    return contact.name[language] + (language == .zh ? "：" : ": ")
                        + contact.value[language]
                        + (hours ?? "")
                }, indent: 2, prefix: "- ")
        }

        let rules = pack.safetyRules(forCountry: card.countryID)
        if !rules.isEmpty {
            sheet.blank()
            sheet.words { $0.safetyHeading(country[$0.language]) }
            for rule in rules { sheet.both(rule.title, indent: 2, prefix: rule.id + "  ") }
        }

        let ordered = numbers.sorted { $0.value < $1.value }.compactMap { pack.source($0.key) }
        if !ordered.isEmpty {
            sheet.blank()
            sheet.words { $0.sourcesHeading }
            for (n, source) in ordered.enumerated() {
                // Official ones go unmarked under the heading that says they come first.
                let kind =
                    source.kind == .official ? "" : Strings(language).sheetKind(source.kind) + " "
                sheet.address(source.url, indent: 2, prefix: "[\(n + 1)] " + kind)
            }
        }
        return sheet.text
    }

    /// A material with its note in brackets, as the wizard shows it.
    static func with(note: Localized?, _ language: Language, _ name: String) -> String {
        guard let note = note?[language], !note.isEmpty else { return name }
        return Strings(language).remark(name, language == .zh ? "（\(note)）" : "(\(note))")
    }

    /// The sources a step is printed with: up to two official ones; failing those, up to two
    /// from established media; failing those, one low-confidence page. A hand-out is not a
    /// bibliography: the app lists every source.
    static func cited(_ step: Step, pack: ContentPack) -> [String] {
        let known = step.sources.filter { pack.source($0) != nil }
        for (kind, limit) in [(Source.Kind.official, 2), (.media, 2), (.low, 1)] {
            let found = known.filter { pack.source($0)?.kind == kind }
            if !found.isEmpty { return Array(found.prefix(limit)) }
        }
        return []
    }

    /// The sources the steps are printed with, numbered from 1: official first, then media,
    /// then low-confidence pages, each group in the order the steps cite them.
    static func sourceNumbers(_ method: Method, pack: ContentPack) -> [String: Int] {
        var seen = Set<String>()
        let cited = method.steps.flatMap { Self.cited($0, pack: pack) }.filter {
            seen.insert($0).inserted
        }
        let order: [Source.Kind] = [.official, .media, .low]
        let sorted = order.flatMap { kind in cited.filter { pack.source($0)?.kind == kind } }
        return Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0 + 1) })
    }
}
