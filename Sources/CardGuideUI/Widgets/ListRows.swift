import CardGuideCore

/// A list drawn as rows, where an item may take several rows and section headings sit
/// between items. The scroll position is derived from the selection (kept near the middle),
/// so a resize never loses the selected item.
struct ListRows {
    struct Row {
        var text: String
        var role: Role
        var item: Int?
        var indent: Int = 0
        var highlights: [Range<Int>] = []
        var trailing: String = ""
    }

    var rows: [Row] = []

    mutating func heading(_ text: String) { rows.append(Row(text: text, role: .title, item: nil)) }
    mutating func gap() {
        if !rows.isEmpty { rows.append(Row(text: "", role: .normal, item: nil)) }
    }
    mutating func item(
        _ index: Int, _ text: String, role: Role = .normal, indent: Int = 0,
        highlights: [Range<Int>] = [], trailing: String = ""
    ) {
        rows.append(
            Row(
                text: text, role: role, item: index, indent: indent, highlights: highlights,
                trailing: trailing))
    }

    /// The first row to show so that the selected item is visible.
    func scroll(selection: Int, height: Int) -> Int {
        guard rows.count > height, let first = rows.firstIndex(where: { $0.item == selection })
        else { return 0 }
        let last = rows.lastIndex(where: { $0.item == selection }) ?? first
        let centred = first - (height - (last - first + 1)) / 2
        return min(max(0, centred), rows.count - height)
    }

    /// Draws the rows into `top..<top+height`; returns the row where the selection starts.
    @discardableResult
    func draw(
        into grid: inout CellGrid, top: Int, height: Int, left: Int, width: Int, selection: Int
    ) -> Int? {
        let offset = scroll(selection: selection, height: height)
        var cursorRow: Int?
        for (n, row) in rows.dropFirst(offset).prefix(height).enumerated() {
            let y = top + n
            let selected = row.item == selection && row.item != nil
            let firstOfSelection = selected && cursorRow == nil
            if firstOfSelection { cursorRow = y }
            let x = left + 2 + row.indent
            let room = max(0, width - 2 - row.indent)
            let trailingWidth = row.trailing.isEmpty ? 0 : DisplayWidth.of(row.trailing) + 1
            let text = TextLayout.truncate(row.text, width: max(0, room - trailingWidth))
            grid.write(text, row: y, column: x, role: row.role, limit: room)
            for range in row.highlights {
                let start = DisplayWidth.of(String(text.prefix(range.lowerBound)))
                let length = DisplayWidth.of(
                    String(text.dropFirst(range.lowerBound).prefix(range.count)))
                grid.paint(
                    .match, row: y, column: x + start, count: min(length, max(0, room - start)))
            }
            if !row.trailing.isEmpty, room > trailingWidth {
                grid.write(
                    row.trailing, row: y, column: left + width - trailingWidth + 1, role: .dim)
            }
            if selected {
                // The selection is a reversed block with a '>' in the two cells left of the
                // item, on each of its rows: never colour alone, and a move changes only
                // these cells. Reversing the whole row made each move resend both rows' text
                // (three bytes a CJK character): 130 to 220 bytes a move, now about 35.
                grid.write(firstOfSelection ? ">" : " ", row: y, column: left, role: .selected)
                grid.paint(.selected, row: y, column: left + 1, count: 1)
            }
        }
        return cursorRow
    }
}
