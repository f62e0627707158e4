import CardGuideCore

/// The card's safety rules in one screen, shown once as a checklist starts: each rule's
/// title on one line, the full text one key away (`s`). It replaces a page of over a
/// hundred lines that stood between the person and their step.
enum SafetyBox {
    static func draw(_ state: AppState, cardID: String, into grid: inout CellGrid) {
        let s = Strings(state.language)
        let countryID = state.pack.card(cardID)?.countryID ?? ""
        let rules = state.pack.safetyRules(forCountry: countryID)
        let width = min(grid.size.width - 2, 64)
        let inner = width - 4
        // Below the header row at most: intro, rules, the keys, two borders.
        let room = max(1, grid.size.height - 1 - 4)
        var lines = rules.map { "\($0.id) \($0.title[state.language])" }
        if lines.count > room {
            let hidden = lines.count - room + 1
            lines = Array(lines.prefix(room - 1)) + [s.moreRules(hidden)]
        }
        let box = Box(
            state: state, title: s.safetyBoxTitle, width: width, height: lines.count + 4,
            in: grid.size)
        box.draw(into: &grid)
        grid.write(
            TextLayout.truncate(s.safetyBoxIntro, width: inner), row: box.top + 1,
            column: box.innerLeft,
            role: .accent)
        for (n, line) in lines.enumerated() {
            grid.write(
                TextLayout.truncate(line, width: inner), row: box.top + 2 + n,
                column: box.innerLeft,
                role: .warning)
        }
        grid.write(
            TextLayout.truncate(s.safetyBoxKeys, width: inner), row: box.top + box.height - 2,
            column: box.innerLeft, role: .key)
    }
}
