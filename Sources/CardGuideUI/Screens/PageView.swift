import CardGuideCore

/// Screens that are one scrolling page of lines: an FAQ answer, the safety rules, a card's
/// cautions, a comparison table.
enum PageView {
    static func draw(
        _ lines: [PageLine], scroll: Int, state: AppState, into grid: inout CellGrid
    ) {
        let layout = Layout(state.size)
        for (n, line) in lines.dropFirst(scroll).prefix(layout.bodyHeight).enumerated() {
            grid.write(
                line.text, row: layout.bodyTop + n, column: layout.contentLeft + line.indent,
                role: line.role,
                limit: layout.contentWidth - line.indent)
        }
        Chrome.moreLines(
            above: scroll, below: lines.count - scroll - layout.bodyHeight, state: state,
            into: &grid)
    }
}
