import CardGuideCore

/// `步骤 3/7 ███░░░░░ 已完成 2/7`: where the person is, and one measure of progress, steps
/// done, on the bar and in words alike. Plain mode (screen readers) says it in words only.
enum ProgressBar {
    static func draw(
        step: Int, of total: Int, done: Int, state: AppState, into grid: inout CellGrid, row: Int,
        left: Int, width: Int
    ) {
        let s = Strings(state.language)
        let glyphs = Glyphs.for(state.display)
        let label = s.stepOf(step, total)
        var x = left
        x += grid.write(label, row: row, column: x, role: .accent)
        x += 2
        if state.display.plain {
            grid.write(
                TextLayout.truncate(
                    s.progressWords(done: done, of: total), width: left + width - x),
                row: row, column: x, role: .dim)
            return
        }
        let doneText = s.doneOf(done, total)
        let doneWidth = DisplayWidth.of(doneText)
        let barWidth = width - (x - left) - doneWidth - 2
        if barWidth >= 4 {
            let filled = total == 0 ? 0 : barWidth * done / total
            grid.fill(glyphs.barFull, row: row, column: x, count: filled, role: .progress)
            grid.fill(
                glyphs.barEmpty, row: row, column: x + filled, count: barWidth - filled, role: .dim)
        }
        if left + width - doneWidth > x {
            grid.write(doneText, row: row, column: left + width - doneWidth, role: .accent)
        }
    }
}
