import CardGuideCore

/// Draws the whole screen for a state. Pure: the same state always gives the same grid.
public enum View {
    public static func render(_ state: AppState) -> CellGrid {
        var grid = CellGrid(size: state.size)
        guard state.size.width > 0, state.size.height > 0 else { return grid }
        if state.isTooSmall {
            tooSmall(state, into: &grid)
            return grid
        }
        Chrome.header(state, into: &grid)
        let cursor = body(state, into: &grid)
        Chrome.notice(state, into: &grid)
        Chrome.footer(state, into: &grid)
        switch state.overlay {
        case .help(let scroll): Overlays.drawHelp(state, scroll: scroll, into: &grid)
        case .confirm(let confirmation): Overlays.drawConfirm(state, confirmation, into: &grid)
        case .safetyBox(let cardID): SafetyBox.draw(state, cardID: cardID, into: &grid)
        case nil: break
        }
        if let left = state.helpDesk.countdown { Overlays.drawCountdown(state, secondsLeft: left, into: &grid) }
        // The real cursor rests on the focused item only in plain mode, for screen readers.
        grid.cursor = state.display.plain ? (cursor ?? Position(row: 0, column: 0)) : nil
        return grid
    }

    private static func tooSmall(_ state: AppState, into grid: inout CellGrid) {
        // At tiny sizes the message wraps rather than losing its end ("press q to quit.").
        let lines = Strings(state.language).tooSmall(state.size, canQuit: !state.helpDesk.isKiosk).enumerated().flatMap { n, line in
            TextLayout.wrap(line, width: grid.size.width).map { (text: $0, role: n == 0 ? Role.warning : .normal) }
        }
        let top = max(0, (grid.size.height - lines.count) / 2)
        for (n, line) in lines.enumerated() {
            grid.write(line.text, row: top + n, column: 0, role: line.role)
        }
    }

    private static func body(_ state: AppState, into grid: inout CellGrid) -> Position? {
        let layout = Layout(state.size)
        let s = Strings(state.language)
        func list(_ rows: ListRows, _ selection: Int, top: Int = layout.bodyTop, height: Int = layout.bodyHeight) -> Position? {
            let total = (rows.rows.compactMap(\.item).max() ?? -1) + 1
            ListPosition.draw(rows, selection: selection, height: height, total: total, state: state, into: &grid)
            return rows.draw(into: &grid, top: top, height: height, left: layout.contentLeft, width: layout.contentWidth,
                             selection: selection).map { Position(row: $0, column: layout.contentLeft) }
        }
        switch state.screen {
        case .home(let selection):
            return list(ListScreens.home(state, selection), selection.selection)
        case .cards(let countryID, let selection):
            let cards = state.pack.cards(in: countryID)
            // Under the list: who issues the selected card and how it is activated.
            var details = PageBuilder(width: layout.contentWidth)
            if cards.indices.contains(selection.selection) {
                let card = cards[selection.selection]
                details.field(s.issuer, card.issuer[state.language], role: .dim)
                details.field(s.activation, card.activation[state.language], role: .dim)
            }
            let detailRows = min(details.lines.count, max(0, layout.bodyHeight - 6))
            let listHeight = layout.bodyHeight - (detailRows > 0 ? detailRows + 1 : 0)
            let cursor = list(ListScreens.cards(state, countryID: countryID), selection.selection, height: listHeight)
            for (n, line) in details.lines.prefix(detailRows).enumerated() {
                grid.write(line.text, row: layout.bodyTop + listHeight + 1 + n, column: layout.contentLeft + line.indent, role: line.role)
            }
            return cursor
        case .methods(let cardID, let selection):
            guard let card = state.pack.card(cardID) else { return nil }
            return list(ListScreens.methods(state, card: card), selection.selection)
        case .wizard(let wizard):
            return WizardView.draw(state, wizard, into: &grid)
        case .overview(let cardID, let methodID, let selection):
            guard let method = state.pack.card(cardID)?.method(methodID) else { return nil }
            return list(ListScreens.overview(state, method: method), selection.selection)
        case .comparison(let cardID, let index, let scroll):
            PageView.draw(Pages.comparisonLines(state, cardID: cardID, index: index), scroll: scroll, state: state, into: &grid)
        case .faqList(let cardID, let selection):
            return list(ListScreens.faqList(state, cardID: cardID), selection.selection)
        case .faqAnswer(let cardID, let faqID, let scroll):
            PageView.draw(Pages.faqLines(state, cardID: cardID, faqID: faqID), scroll: scroll, state: state, into: &grid)
        case .safety(let scroll):
            PageView.draw(Pages.safetyLines(state), scroll: scroll, state: state, into: &grid)
        case .cautions(let cardID, let scroll):
            PageView.draw(Pages.cautionLines(state, cardID: cardID), scroll: scroll, state: state, into: &grid)
        case .profiles(let selection):
            return list(ListScreens.profiles(state), selection.selection)
        case .search(let search):
            return SearchView.draw(state, search, into: &grid)
        }
        return Position(row: layout.bodyTop, column: layout.contentLeft)
    }
}
