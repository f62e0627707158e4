import CardGuideCore

/// Incremental search: the query line, the result count, and the hits with matches marked.
enum SearchView {
    /// The hits as list rows. With `window`, only the hits within that many items of the
    /// selection: the list shows a screenful around the selection, and building rows (match
    /// ranges, card names) for all of 10,000 hits took a tenth of a second per keystroke.
    static func rows(_ state: AppState, _ search: SearchState, window: Int? = nil) -> ListRows {
        var rows = ListRows()
        guard let index = state.searchIndexes[state.language] else { return rows }
        let s = Strings(state.language)
        let terms = SearchIndex.terms(search.query)
        let selection = search.list.selection
        // An excerpt's row: the list's width less the selection marker and its indent.
        let excerptWidth = Layout(state.size).contentWidth - 2 - 4
        let shown =
            window.map {
                max(0, selection - $0)..<max(0, min(search.hits.count, selection + $0 + 1))
            } ?? search.hits.indices
        for n in shown {
            let hit = search.hits[n]
            let document = index.documents[hit.document]
            let tag = "[" + s.searchKind(document.target) + "] "
            let highlights = Folding.matches(of: terms, in: document.title).map {
                ($0.lowerBound + tag.count)..<($0.upperBound + tag.count)
            }
            rows.item(n, tag + document.title, highlights: highlights)
            if let second = state.secondLanguage,
                let title = state.title(of: document.target, in: second)
            {
                let kind = Strings(second).searchKind(document.target)
                rows.item(n, "[" + kind + "] " + title, role: .dim)
            }
            rows.item(n, context(of: document, state: state), role: .dim, indent: 4)
            // A hit whose title does not show the query shows where its text does.
            if highlights.isEmpty,
                let excerpt = excerpt(of: document.body, terms: terms, width: excerptWidth)
            {
                rows.item(n, excerpt.text, role: .dim, indent: 4, highlights: excerpt.highlights)
            }
        }
        return rows
    }

    /// The second line of a hit: its country and card (and method and step).
    static func context(of document: SearchIndex.Document, state: AppState) -> String {
        let l = state.language
        guard let card = state.pack.card(document.target.cardID) else { return "" }
        let place =
            (state.pack.country(card.countryID)?.name[l] ?? card.countryID) + " > " + card.name[l]
        guard case .step(_, let methodID, let stepIndex) = document.target,
            let method = card.method(methodID)
        else {
            return place
        }
        return place + " > " + method.name[l] + " > "
            + Strings(l).stepOf(stepIndex + 1, method.steps.count)
    }

    static func draw(_ state: AppState, _ search: SearchState, into grid: inout CellGrid)
        -> Position
    {
        let layout = Layout(state.size)
        let s = Strings(state.language)
        let top = layout.bodyTop
        let prompt = s.searchPrompt
        var x =
            layout.contentLeft
            + grid.write(prompt, row: top, column: layout.contentLeft, role: .accent)
        // Show the end of a long query: that is where typing happens.
        let room = layout.contentWidth - DisplayWidth.of(prompt) - 1
        var query = search.query
        while DisplayWidth.of(query) > room, !query.isEmpty { query.removeFirst() }
        x += grid.write(query, row: top, column: x, role: .normal)
        let cursor = Position(row: top, column: x)
        if !state.display.plain { grid.write("_", row: top, column: x, role: .accent) }
        if search.query.isEmpty || search.hits.isEmpty {
            // Wrapped, not cut: the hint's examples are at its end.
            let message = search.query.isEmpty ? s.searchHint : s.noResults
            for (n, line) in TextLayout.wrap(message, width: layout.contentWidth).prefix(
                max(0, layout.bodyHeight - 2)
            ).enumerated() {
                grid.write(line, row: top + 2 + n, column: layout.contentLeft, role: .dim)
            }
        } else {
            grid.write(
                s.resultCount(search.hits.count), row: top + 1, column: layout.contentLeft,
                role: .dim)
            if let list = ScreenList.of(state) {
                list.rows.draw(
                    into: &grid, top: list.top, height: list.height, left: layout.contentLeft,
                    width: layout.contentWidth, selection: list.selection)
                ListPosition.draw(
                    list.rows, selection: list.selection, height: list.height, total: list.total,
                    state: state, into: &grid)
            }
        }
        return cursor
    }
}
