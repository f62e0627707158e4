import CardGuideCore

/// The scrolling pages' lines. Update uses their count to bound scrolling and the view
/// draws them, so the two can never disagree.
enum Pages {
    static func width(_ state: AppState) -> Int { Layout(state.size).contentWidth }

    static func sources(_ ids: [String], _ state: AppState, into page: inout PageBuilder) {
        page.text(Strings.both { $0.sourcesLabel }, role: .title)
        // Said in words, not only by the labels: nothing official backs what is above.
        if !ids.contains(where: { state.pack.source($0)?.kind == .official }) {
            page.text(Strings.both { $0.noOfficialSource }, role: .warning, indent: 2)
        }
        for id in ids {
            guard let source = state.pack.source(id) else { continue }
            // A wrapped title hangs under its first word, not under the [id], and the
            // address lines up with the title's text.
            let title = Localized.each {
                "\(source.title[$0]) (\(Strings($0).sourceKind(source.kind)))"
            }
            let label = "[\(id)]"
            page.field(.each { _ in label }, title, role: .dim, indent: 2)
            page.text(
                source.url, role: .dim, indent: PageBuilder.valueIndent(label: label, indent: 2))
        }
    }

    static func faqLines(_ state: AppState, cardID: String, faqID: String) -> [PageLine] {
        guard let card = state.pack.card(cardID),
            let faq = card.faq.first(where: { $0.id == faqID })
        else { return [] }
        var page = PageBuilder(state)
        page.text(faq.question, role: .title)
        page.text(card.name, role: .dim)
        page.blank()
        page.text(faq.answer)
        page.blank()
        sources(faq.sources, state, into: &page)
        return page.lines
    }

    static func safetyLines(_ state: AppState) -> [PageLine] {
        var page = PageBuilder(state)
        page.text(Strings.both { $0.safetyIntro }, role: .accent)
        page.blank()
        // A card's flow shows its country's rules; the home screen's page shows them all.
        let country = state.currentCountryID
        let rules = country.map(state.pack.safetyRules(forCountry:)) ?? state.pack.safety
        for rule in rules {
            page.text(.each { "\(rule.id)  \(rule.title[$0])" }, role: .warning)
            page.text(rule.body, indent: 4)
            page.blank()
        }
        let cited = rules.flatMap(\.sources)
        sources(
            cited.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }, state,
            into: &page)
        return page.lines
    }

    static func cautionLines(_ state: AppState, cardID: String) -> [PageLine] {
        cautionPage(state, cardID: cardID).lines
    }

    /// The line a caution's title is on, so that a search hit opens the page at it.
    static func cautionStart(_ state: AppState, cardID: String, cautionID: String) -> Int? {
        cautionPage(state, cardID: cardID).starts[cautionID]
    }

    private static func cautionPage(_ state: AppState, cardID: String) -> (
        lines: [PageLine], starts: [String: Int]
    ) {
        guard let card = state.pack.card(cardID) else { return ([], [:]) }
        var page = PageBuilder(state)
        var starts: [String: Int] = [:]
        // Fraud warnings first: they matter most.
        let ordered =
            card.cautions.filter { $0.kind == .fraud } + card.cautions.filter { $0.kind != .fraud }
        for caution in ordered {
            starts[caution.id] = page.lines.count
            let role: Role =
                caution.kind == .fraud ? .fraud : caution.kind == .warning ? .warning : .accent
            page.text(
                .each { "[\(Strings($0).cautionKind(caution.kind))] \(caution.title[$0])" },
                role: role)
            page.text(caution.body, indent: 4)
            let cited = caution.sources.joined(separator: ", ")
            page.text(Strings(state.language).sourcesLabel + ": " + cited, role: .dim, indent: 4)
            page.blank()
        }
        return (page.lines, starts)
    }

    /// A comparison table as lines: one column of row labels, one column per method.
    static func comparisonLines(_ state: AppState, cardID: String, index: Int) -> [PageLine] {
        guard let card = state.pack.card(cardID), card.comparisons.indices.contains(index) else {
            return []
        }
        let table = card.comparisons[index]
        let language = state.language
        let total = width(state)
        let separator = state.display.ascii || state.display.plain ? " | " : " \u{2502} "
        let columns = max(1, table.methods.count)
        let labelWidth = min(
            max(8, table.rows.map { DisplayWidth.of($0.label[language]) }.max() ?? 8), total / 4)
        let cellWidth = max(4, (total - labelWidth - columns * 3) / columns)
        var lines: [PageLine] = []
        let s = Strings(language)
        // The title wraps (at 40 columns it is often longer than a line); the table's position
        // follows it whole, on the title's last line if there is room.
        var title = TextLayout.wrap(table.title[language], width: total)
        let position = "(" + s.comparisonPosition(index + 1, card.comparisons.count) + ")"
        if let last = title.last, DisplayWidth.of(last) + 2 + DisplayWidth.of(position) <= total {
            title[title.count - 1] = last + "  " + position
        } else {
            title.append(position)
        }
        lines += title.map { PageLine($0, role: .title) }
        lines.append(.blank)
        let names = table.methods.map { id in card.method(id)?.name[language] ?? id }

        // Columns too narrow for their words would cut them ("anothe" / "r city"): then each
        // row lists the methods one under the other instead.
        let fits =
            cellWidth >= 8 && names.allSatisfy { longestWord($0) <= cellWidth }
            && table.rows.allSatisfy { row in
                longestWord(row.label[language]) <= labelWidth
                    && row.cells.allSatisfy { longestWord($0[language]) <= cellWidth }
            }
        // Both languages in one table cell would halve its width: bilingual, rows are listed too.
        if !fits || state.display.bilingual {
            var page = PageBuilder(state)
            page.lines = lines
            for tableRow in table.rows {
                page.text(tableRow.label, role: .title)
                for (id, cell) in zip(table.methods, tableRow.cells) {
                    page.text(
                        card.method(id)?.name ?? Localized(zh: id, en: id), role: .accent,
                        indent: 2)
                    page.text(cell, indent: 4)
                }
                page.lines.append(.blank)
            }
            return page.lines
        }

        func row(_ label: [String], _ cells: [[String]], role: Role) {
            let height = max(label.count, cells.map(\.count).max() ?? 0)
            for line in 0..<height {
                var text = TextLayout.fit(
                    line < label.count ? label[line] : "", width: labelWidth, ellipsis: false)
                for cell in cells {
                    text +=
                        separator
                        + TextLayout.fit(
                            line < cell.count ? cell[line] : "", width: cellWidth, ellipsis: false)
                }
                lines.append(PageLine(text, role: role))
            }
        }
        row([""], names.map { TextLayout.wrap($0, width: cellWidth) }, role: .title)
        let rule: Character = state.display.ascii || state.display.plain ? "-" : "\u{2500}"
        lines.append(
            PageLine(
                String(repeating: rule, count: min(total, labelWidth + columns * (cellWidth + 3))),
                role: .border))
        for tableRow in table.rows {
            row(
                TextLayout.wrap(tableRow.label[language], width: labelWidth),
                tableRow.cells.map { TextLayout.wrap($0[language], width: cellWidth) },
                role: .normal)
            lines.append(.blank)
        }
        return lines
    }

    /// The widest run of text that wrapping cannot break: a word of narrow characters, or
    /// one wide (CJK) character, which may break on either side.
    static func longestWord(_ text: String) -> Int {
        var longest = 0
        var run = 0
        for character in text {
            let width = DisplayWidth.of(character)
            if character == " " || width == 2 {
                longest = max(longest, run, width == 2 ? 2 : 0)
                run = 0
            } else {
                run += width
            }
        }
        return max(longest, run)
    }

    /// The wizard's scrolling part for the current step: body, the varies warning, what to
    /// bring (one line per material, tagged so the view can mark the selection), where, how
    /// long and the sources.
    static func wizardLines(_ state: AppState, _ wizard: WizardState) -> [PageLine] {
        guard let (_, method, checklist, index) = state.position(of: wizard) else { return [] }
        let step = method.steps[index]
        let language = state.language
        let s = Strings(language)
        var page = PageBuilder(state)
        // Bilingual, the row under the title holds its translation (WizardView): the note that
        // only reading starts nothing opens the page instead, in both languages.
        if state.display.bilingual, state.checklist(for: method.id) == nil {
            page.text(Strings.both { $0.notStartedYet }, role: .dim)
            page.blank()
        }
        page.text(step.body)
        if step.varies {
            page.blank()
            // The note says what varies and whom to ask; the general sentence only stands in
            // for a missing note (it named an insurer where the office is a bank or a town hall).
            page.text(.each { "! " + (step.variesNote?[$0] ?? Strings($0).varies) }, role: .warning)
        }
        page.blank()
        let ticked = step.bring.filter { checklist.ticked.contains($0.id) }.count
        // The count in each language: bilingual, the translation says it too.
        let bring = { (s: Strings) in
            s.bring
                + (step.bring.isEmpty ? "" : "  (\(s.materialsReady(ticked, step.bring.count)))")
        }
        page.text(bring(s), role: .title)
        if let second = state.secondLanguage { page.text(bring(Strings(second)), role: .dim) }
        if step.bring.isEmpty {
            page.text(Strings.both { $0.nothingToBring }, role: .dim, indent: 2)
        }
        for (index, material) in step.bring.enumerated() {
            let box = checklist.ticked.contains(material.id) ? "[x] " : "[ ] "
            let wrapped = TextLayout.wrap(material.name[language], width: max(1, page.width - 6))
            for (n, line) in wrapped.enumerated() {
                page.lines.append(
                    PageLine((n == 0 ? box : "    ") + line, indent: 2, material: index))
            }
            // Under the name: the other language's name, the note, the other language's note;
            // all part of the same item, so they move with the selection.
            let second = state.secondLanguage
            let details = [
                second.map { material.name[$0] }, material.note?[language],
                second.flatMap { material.note?[$0] },
            ]
            for text in details.compactMap({ $0 }) {
                for line in TextLayout.wrap(text, width: max(1, page.width - 6)) {
                    page.lines.append(PageLine(line, role: .dim, indent: 6, material: index))
                }
            }
        }
        page.blank()
        if let place = step.where { page.field(Strings.both { $0.whereLabel }, place) }
        if let duration = step.duration { page.field(Strings.both { $0.durationLabel }, duration) }
        page.blank()
        sources(step.sources, state, into: &page)
        return page.lines
    }
}
