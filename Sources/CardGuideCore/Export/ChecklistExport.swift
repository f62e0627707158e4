#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Progress written out for the record (`cardguide export`) and, one checklist at a time,
/// for a printable hand-out: readable without the app, in Markdown or plain text.
public enum ChecklistExport {
    public enum Format: String, CaseIterable, Sendable { case markdown, text }

    /// Plain text fits a printed page and an 80-column terminal with a margin.
    public static let textWidth = 78

    /// Every checklist in the order given (callers pass `SessionFile.listed`), then the
    /// safety rules when `safety` is true.
    public static func render(
        _ checklists: [Checklist], pack: ContentPack, language: Language, format: Format,
        safety: Bool, utcOffset: (Date) -> Int
    ) -> String {
        let words = Strings(language)
        var document = ExportDocument()
        document.add(.heading(level: 1, text: words.title))
        document.add(.paragraph(words.legend))
        if checklists.isEmpty { document.add(.paragraph(words.noChecklists)) }
        for checklist in checklists {
            document.add(.rule)
            add(checklist, to: &document, pack: pack, words: words, utcOffset: utcOffset)
        }
        // The rules of the checklists' countries (every rule when there is no checklist).
        let countries = Set(checklists.map(\.countryID))
        let rules = pack.safety.filter { rule in
            countries.isEmpty || countries.contains { rule.applies(toCountry: $0) }
        }
        if safety && !rules.isEmpty {
            document.add(.rule)
            addSafety(rules, to: &document, pack: pack, words: words)
        }
        return output(document, format)
    }

    /// The box of a step: `[x]` done, `[~]` in progress, `[ ]` not started (see the legend).
    public static func box(_ status: StepStatus) -> String {
        switch status {
        case .done: return "[x]"
        case .inProgress: return "[~]"
        case .notStarted: return "[ ]"
        }
    }

    /// Printed to a terminal or a file someone will `cat`: unsafe characters are escaped.
    private static func output(_ document: ExportDocument, _ format: Format) -> String {
        let text = format == .markdown ? document.markdown() : document.text(width: textWidth)
        return TerminalText.escaped(text)
    }

    // MARK: Building blocks

    private static func add(
        _ checklist: Checklist, to document: inout ExportDocument, pack: ContentPack,
        words: Strings, utcOffset: (Date) -> Int
    ) {
        let language = words.language
        guard let card = pack.card(checklist.cardID), let method = card.method(checklist.methodID)
        else {
            document.add(.heading(level: 2, text: "\(checklist.cardID) > \(checklist.methodID)"))
            document.add(.paragraph(words.gone(card: checklist.cardID, method: checklist.methodID)))
            return
        }
        let country = pack.country(card.countryID)?.name[language] ?? card.countryID
        document.add(
            .heading(
                level: 2, text: "\(country) > \(card.name[language]) > \(method.name[language])"))
        document.add(
            .paragraph(
                words.progress(
                    step: checklist.currentIndex(in: method) + 1, of: method.steps.count,
                    done: checklist.doneCount(in: method),
                    ticked: checklist.tickedCount(in: method), of: method.materials.count)
                    + "\n"
                    + words.dates(
                        started: day(checklist.started, utcOffset),
                        changed: day(checklist.changed, utcOffset))))

        document.add(.heading(level: 3, text: words.exportSteps))
        for (index, step) in method.steps.enumerated() {
            let title = "\(index + 1). \(step.title[language])"
            document.add(
                .item(
                    depth: 0, mark: box(checklist.status(of: step.id)),
                    text: step.id == checklist.currentStepID
                        ? words.remark(title, words.current) : title))
            if !step.bring.isEmpty {
                document.add(.item(depth: 1, mark: nil, text: words.exportBring))
                for material in step.bring {
                    document.add(
                        .item(
                            depth: 2, mark: checklist.ticked.contains(material.id) ? "[x]" : "[ ]",
                            text: materialText(material, language)))
                }
            }
            if let place = step.where {
                document.add(.item(depth: 1, mark: nil, text: words.exportWhere + place[language]))
            }
            if let time = step.duration {
                document.add(.item(depth: 1, mark: nil, text: words.duration + time[language]))
            }
            if step.varies {
                document.add(
                    .item(
                        depth: 1, mark: nil,
                        text: words.exportVaries
                            + (step.variesNote?[language] ?? words.variesDefault)))
            }
            if !step.sources.isEmpty {
                let official = step.sources.contains { pack.source($0)?.kind == .official }
                let cited = words.stepSources + step.sources.joined(separator: ", ")
                let text = official ? cited : words.remark(cited, words.noOfficial)
                document.add(.item(depth: 1, mark: nil, text: text))
            }
        }
        document.add(.endList)

        document.add(.heading(level: 3, text: words.missing))
        var missing = 0
        for (index, step) in method.steps.enumerated() {
            for material in step.bring where !checklist.ticked.contains(material.id) {
                missing += 1
                document.add(
                    .item(
                        depth: 0, mark: "[ ]",
                        text: words.remark(
                            material.name[language], words.inStep(index + 1, step.title[language])))
                )
            }
        }
        if missing == 0 { document.add(.paragraph(words.nothingMissing)) }
        document.add(.endList)

        var seen = Set<String>()
        let cited = method.steps.flatMap(\.sources).filter { seen.insert($0).inserted }
        if !cited.isEmpty {
            document.add(.heading(level: 3, text: words.sources))
            addSources(cited, to: &document, pack: pack, words: words)
        }
        addContacts(countryID: card.countryID, to: &document, pack: pack, words: words)
    }

    private static func addSafety(
        _ rules: [SafetyRule], to document: inout ExportDocument,
        pack: ContentPack, words: Strings
    ) {
        guard !rules.isEmpty else { return }
        document.add(.heading(level: 2, text: words.safety))
        for rule in rules {
            document.add(.heading(level: 3, text: rule.title[words.language]))
            document.add(.paragraph(rule.body[words.language]))
            addSources(rule.sources, to: &document, pack: pack, words: words)
        }
    }

    private static func addSources(
        _ ids: [String], to document: inout ExportDocument, pack: ContentPack,
        words: Strings
    ) {
        for id in ids {
            guard let source = pack.source(id) else {
                document.add(.item(depth: 0, mark: nil, text: "[\(id)]"))
                continue
            }
            document.add(
                .item(
                    depth: 0, mark: nil,
                    text: words.remark(
                        "[\(id)] \(source.title[words.language])", words.exportKind(source.kind))))
            document.add(.link(depth: 0, url: source.url))
        }
        document.add(.endList)
    }

    static func materialText(_ material: Material, _ language: Language) -> String {
        guard let note = material.note?[language], !note.isEmpty else {
            return material.name[language]
        }
        return language == .zh
            ? "\(material.name[language])（\(note)）" : "\(material.name[language]) (\(note))"
    }

    private static func day(_ date: Date, _ utcOffset: (Date) -> Int) -> String {
        CivilTime(date, utcOffset: utcOffset(date)).isoDay
    }
}
