import CardGuideCore

/// The list a screen shows and where it stands: one answer for the view, which draws it,
/// and for a mouse click, which must find the item under the pointer.
struct ScreenList {
    var rows: ListRows
    var selection: Int
    var top: Int
    var height: Int
    /// Every item of the list (the search's rows hold only those near the selection).
    var total: Int

    /// The item drawn on screen row `row`, if any.
    func item(atRow row: Int) -> Int? {
        guard row >= top, row < top + height else { return nil }
        let index = rows.scroll(selection: selection, height: height) + row - top
        return rows.rows.indices.contains(index) ? rows.rows[index].item : nil
    }

    /// The list of the screen on top, nil for a screen that is not a list.
    static func of(_ state: AppState) -> ScreenList? {
        let layout = Layout(state.size)
        func list(
            _ rows: ListRows, _ selection: Int, top: Int = layout.bodyTop,
            height: Int = layout.bodyHeight
        ) -> ScreenList {
            ScreenList(
                rows: rows, selection: selection, top: top, height: height,
                total: (rows.rows.compactMap(\.item).max() ?? -1) + 1)
        }
        switch state.screen {
        case .home(let selection):
            return list(ListScreens.home(state, selection), selection.selection)
        case .cards(let countryID, let selection):
            return list(
                ListScreens.cards(state, countryID: countryID), selection.selection,
                height: layout.bodyHeight
                    - cardDetailRows(state, countryID: countryID, selection).reserved)
        case .methods(let cardID, let selection):
            guard let card = state.pack.card(cardID) else { return nil }
            return list(ListScreens.methods(state, card: card), selection.selection)
        case .overview(let cardID, let methodID, let selection):
            guard let method = state.pack.card(cardID)?.method(methodID) else { return nil }
            return list(ListScreens.overview(state, method: method), selection.selection)
        case .faqList(let cardID, let selection):
            return list(ListScreens.faqList(state, cardID: cardID), selection.selection)
        case .profiles(let selection):
            return list(ListScreens.profiles(state), selection.selection)
        case .search(let search) where !search.hits.isEmpty:
            // Items take two or three rows, so half a screen of items each side of the
            // selection fills more than the view.
            let rows = SearchView.rows(state, search, window: layout.bodyHeight / 2 + 2)
            return ScreenList(
                rows: rows, selection: search.list.selection, top: layout.bodyTop + 2,
                height: layout.bodyHeight - 2, total: search.hits.count)
        default:
            return nil
        }
    }

    /// Under the cards list: who issues the selected card and how it is activated, and the
    /// rows that takes from the list (the details and a gap).
    static func cardDetailRows(
        _ state: AppState, countryID: String,
        _ selection: ListState
    ) -> (lines: [PageLine], reserved: Int) {
        let layout = Layout(state.size)
        let cards = state.pack.cards(in: countryID)
        var details = PageBuilder(state)
        if cards.indices.contains(selection.selection) {
            let card = cards[selection.selection]
            details.field(Strings.both { $0.issuer }, card.issuer, role: .dim)
            details.field(Strings.both { $0.activation }, card.activation, role: .dim)
        }
        let shown = min(details.lines.count, max(0, layout.bodyHeight - 6))
        return (Array(details.lines.prefix(shown)), shown > 0 ? shown + 1 : 0)
    }
}
