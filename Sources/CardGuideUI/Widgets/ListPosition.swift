import CardGuideCore

/// "▲ 5/23 ▼" at the right of the notice line, for a list that does not fit: which item is
/// selected, of how many, and on which side more items are hidden (ASCII: ^ and v). Pages
/// say the same with their "more lines" note.
enum ListPosition {
    /// Whether rows are hidden above and below the list's view. `total` counts every item
    /// of the list, also those `rows` leaves out (the search builds rows near the selection).
    static func overflow(_ rows: ListRows, selection: Int, height: Int, total: Int) -> (
        above: Bool, below: Bool
    ) {
        let offset = rows.scroll(selection: selection, height: height)
        let items = rows.rows.compactMap(\.item)
        let above = offset > 0 || (items.first ?? 0) > 0
        let below = offset + height < rows.rows.count || (items.last ?? 0) < total - 1
        return (above, below)
    }

    static func text(selection: Int, total: Int, above: Bool, below: Bool, ascii: Bool) -> String {
        let up = above ? (ascii ? "^" : "\u{25B2}") : " "
        let down = below ? (ascii ? "v" : "\u{25BC}") : " "
        return "\(up) \(selection + 1)/\(total) \(down)"
    }

    /// Draws the marker when the list does not fit; nothing when it does.
    static func draw(
        _ rows: ListRows, selection: Int, height: Int, total: Int, state: AppState,
        into grid: inout CellGrid
    ) {
        guard total > 0 else { return }
        let (above, below) = overflow(rows, selection: selection, height: height, total: total)
        guard above || below else { return }
        let display = state.display
        let marker = text(
            selection: min(selection, total - 1), total: total, above: above, below: below,
            ascii: display.ascii || display.plain)
        let layout = Layout(state.size)
        let width = DisplayWidth.of(marker)
        guard width <= layout.contentWidth else { return }
        grid.write(
            marker, row: layout.noticeRow, column: layout.contentLeft + layout.contentWidth - width,
            role: .dim)
    }
}
