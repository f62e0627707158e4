import CardGuideCore

/// `步骤 3/7 ███████░░░░ 43%`: where the person is in a method. The bar is proportional to
/// the step position; steps done are counted beside it.
enum ProgressBar {
    static func draw(step: Int, of total: Int, done: Int, state: AppState, into grid: inout CellGrid, row: Int, left: Int, width: Int) {
        let s = Strings(state.language)
        let glyphs = Glyphs.for(state.display)
        let label = s.stepOf(step, total)
        let percent = total == 0 ? 0 : step * 100 / total
        let percentText = " \(percent)%"
        let doneText = s.doneOf(done, total)
        var x = left
        x += grid.write(label, row: row, column: x, role: .accent)
        x += 1
        let doneWidth = DisplayWidth.of(doneText)
        let barWidth = width - (x - left) - DisplayWidth.of(percentText) - doneWidth - 3
        if barWidth >= 4 {
            let filled = total == 0 ? 0 : barWidth * step / total
            grid.fill(glyphs.barFull, row: row, column: x, count: filled, role: .progress)
            grid.fill(glyphs.barEmpty, row: row, column: x + filled, count: barWidth - filled, role: .dim)
            x += barWidth
        }
        x += grid.write(percentText, row: row, column: x, role: .accent)
        if left + width - doneWidth > x + 1 {
            grid.write(doneText, row: row, column: left + width - doneWidth, role: .dim)
        }
    }
}
