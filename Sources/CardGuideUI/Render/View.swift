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
        case .code(let code): CodeView.draw(state, code, into: &grid)
        case nil: break
        }
        if let left = state.helpDesk.countdown {
            Overlays.drawCountdown(state, secondsLeft: left, into: &grid)
        }
        // The real cursor rests on the focused item only in plain mode, for screen readers.
        grid.cursor = state.display.plain ? (cursor ?? Position(row: 0, column: 0)) : nil
        return grid
    }

    private static func tooSmall(_ state: AppState, into grid: inout CellGrid) {
        // At tiny sizes the message wraps rather than losing its end ("press q to quit.").
        let lines = Strings(state.language).tooSmall(state.size, canQuit: !state.helpDesk.isKiosk)
            .enumerated().flatMap { n, line in
                TextLayout.wrap(line, width: grid.size.width).map {
                    (text: $0, role: n == 0 ? Role.warning : .normal)
                }
            }
        let top = max(0, (grid.size.height - lines.count) / 2)
        for (n, line) in lines.enumerated() {
            grid.write(line.text, row: top + n, column: 0, role: line.role)
        }
    }

    private static func body(_ state: AppState, into grid: inout CellGrid) -> Position? {
        let layout = Layout(state.size)
        if let list = ScreenList.of(state), state.screen.context != .search {
            ListPosition.draw(
                list.rows, selection: list.selection, height: list.height, total: list.total,
                state: state, into: &grid)
            let cursor = list.rows.draw(
                into: &grid, top: list.top, height: list.height, left: layout.contentLeft,
                width: layout.contentWidth, selection: list.selection)
            if case .cards(let countryID, let selection) = state.screen {
                let details = ScreenList.cardDetailRows(state, countryID: countryID, selection)
                for (n, line) in details.lines.enumerated() {
                    grid.write(
                        line.text, row: list.top + list.height + 1 + n,
                        column: layout.contentLeft + line.indent, role: line.role)
                }
            }
            return cursor.map { Position(row: $0, column: layout.contentLeft) }
        }
        switch state.screen {
        case .wizard(let wizard):
            return WizardView.draw(state, wizard, into: &grid)
        case .comparison(let cardID, let index, let scroll):
            PageView.draw(
                Pages.comparisonLines(state, cardID: cardID, index: index), scroll: scroll,
                state: state, into: &grid)
        case .faqAnswer(let cardID, let faqID, let scroll):
            PageView.draw(
                Pages.faqLines(state, cardID: cardID, faqID: faqID), scroll: scroll, state: state,
                into: &grid)
        case .safety(let scroll):
            PageView.draw(Pages.safetyLines(state), scroll: scroll, state: state, into: &grid)
        case .cautions(let cardID, let scroll):
            PageView.draw(
                Pages.cautionLines(state, cardID: cardID), scroll: scroll, state: state, into: &grid
            )
        case .contacts(let countryID, let scroll):
            let lines = ContactPages.lines(state, countryID: countryID)
            PageView.draw(lines, scroll: scroll, state: state, into: &grid)
        case .search(let search):
            return SearchView.draw(state, search, into: &grid)
        case .home, .cards, .methods, .overview, .faqList, .profiles:
            break
        }
        return Position(row: layout.bodyTop, column: layout.contentLeft)
    }
}
