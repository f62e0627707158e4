import CardGuideCore

/// The wizard: progress bar, the step's title and status, then its scrolling details with
/// the materials checklist.
enum WizardView {
    static func draw(_ state: AppState, _ wizard: WizardState, into grid: inout CellGrid)
        -> Position?
    {
        let layout = Layout(state.size)
        guard let (_, method, checklist, index) = state.position(of: wizard) else { return nil }
        let s = Strings(state.language)
        let step = method.steps[index]
        let top = layout.bodyTop
        ProgressBar.draw(
            step: index + 1, of: method.steps.count, done: checklist.doneCount(in: method),
            state: state,
            into: &grid, row: top, left: layout.contentLeft, width: layout.contentWidth)
        let status = "[" + s.status(checklist.status(of: step.id)) + "]"
        let statusWidth = DisplayWidth.of(status)
        grid.write(
            TextLayout.truncate(
                step.title[state.language], width: layout.contentWidth - statusWidth - 1),
            row: top + 1, column: layout.contentLeft, role: .title)
        grid.write(
            status, row: top + 1, column: layout.contentLeft + layout.contentWidth - statusWidth,
            role: checklist.status(of: step.id) == .done ? .success : .dim)
        if let second = state.secondLanguage {
            // Bilingual: the title's translation right under it (the note about reading moves
            // to the top of the page, see Pages.wizardLines).
            grid.write(
                TextLayout.truncate(step.title[second], width: layout.contentWidth),
                row: top + 2, column: layout.contentLeft, role: .dim)
        } else if state.checklist(for: method.id) == nil {
            // Only reading: say what starts the checklist, on the row above the details.
            grid.write(
                TextLayout.truncate(s.notStartedYet, width: layout.contentWidth), row: top + 2,
                column: layout.contentLeft, role: .dim)
        }
        let lines = Pages.wizardLines(state, wizard)
        let regionTop = top + WizardUpdate.fixedRows
        let height = WizardUpdate.scrollHeight(state)
        var cursor: Position?
        // Focus shows only on an item wholly in view: never on half an item.
        let focused = WizardUpdate.isMaterialVisible(wizard, state, lines: lines)
        for (n, line) in lines.dropFirst(wizard.scroll).prefix(height).enumerated() {
            let y = regionTop + n
            let selected = focused && line.material != nil && line.material == wizard.material
            let x = layout.contentLeft + line.indent
            grid.write(
                line.text, row: y, column: x, role: selected ? .selected : line.role,
                limit: layout.contentWidth - line.indent)
            // The marker goes on the item's first line only, never on a note or a wrapped rest.
            let firstLine =
                wizard.scroll + n == 0 || lines[wizard.scroll + n - 1].material != line.material
            if selected && firstLine && cursor == nil {
                cursor = Position(row: y, column: x)
                grid.write(">", row: y, column: layout.contentLeft, role: .selected)
            }
        }
        Chrome.moreLines(
            above: wizard.scroll, below: lines.count - wizard.scroll - height, state: state,
            into: &grid)
        return cursor ?? Position(row: top + 1, column: layout.contentLeft)
    }

    /// The material drawn on screen row `row`, if any (for a mouse click).
    static func material(atRow row: Int, _ state: AppState, _ wizard: WizardState) -> Int? {
        let regionTop = Layout(state.size).bodyTop + WizardUpdate.fixedRows
        guard row >= regionTop, row < regionTop + WizardUpdate.scrollHeight(state) else {
            return nil
        }
        let lines = Pages.wizardLines(state, wizard)
        let index = wizard.scroll + row - regionTop
        return lines.indices.contains(index) ? lines[index].material : nil
    }
}
