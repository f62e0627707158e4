import CardGuideCore

/// The code screen: the whole terminal, cleared, with the code (role `.code`: dark modules
/// as ink on light paper in explicit colours, see the backend's Writer, so a dark or light
/// terminal theme never inverts it) and beside or under it the address and the keys. When
/// there is no code to draw, it says why, in the visitor's language, and shows the address
/// to type instead.
enum CodeView {
    static func draw(_ state: AppState, _ code: CodeOverlay, into grid: inout CellGrid) {
        let size = grid.size
        for row in 0..<size.height { grid.fill(" ", row: row, column: 0, count: size.width) }
        let words = Strings(state.language)
        var lines: [(String, Role)] = [
            (words.codeTitle(code.index + 1, of: code.addresses.count), .title)
        ]
        var message: String?
        switch code.status {
        case .ready where state.display.ascii:
            // Half blocks need UTF-8; one module per ASCII cell would not fit any screen.
            message = words.codeNeedsUTF8
        case .ready(let matrix):
            if let layout = CodeLayout(modules: matrix.size, screen: size) {
                drawCode(matrix, layout, into: &grid)
                lines.append((words.codeScan, .normal))
                drawText(
                    lines, address: code.address, keys: keys(state), in: layout.text,
                    into: &grid)
                return
            }
            message = words.codeTooSmall(
                need: CodeLayout.minimumScreen(modules: matrix.size), have: size)
        case .pending: message = words.codePending
        case .unavailable: message = words.codeUnavailable
        case .tooLong: message = words.codeTooLong
        }
        if let message { lines.append((message, .warning)) }
        drawText(
            lines, address: code.address, keys: keys(state),
            in: (1, 1, size.width - 2, size.height - 1), into: &grid)
    }

    private static func drawCode(
        _ matrix: QRMatrix, _ layout: CodeLayout, into grid: inout CellGrid
    ) {
        for row in 0..<layout.rows {
            for column in 0..<layout.columns {
                grid.fill(
                    Character(layout.glyph(matrix, row: row, column: column)),
                    row: layout.top + row,
                    column: layout.left + column, count: 1, role: .code)
            }
        }
    }

    /// The code screen's keys, from its keymap like any footer: it has no footer row, the
    /// code may take every row.
    private static func keys(_ state: AppState) -> [String] {
        Keymap.footer(state).map { "\($0.keys[0].label) \($0.hint[state.language])" }
    }

    /// Title and message wrapped, the address broken at `/`, the keys last. The address is
    /// what the visitor copies, so it is never dropped: when rows are short the keys go
    /// first (the last one first), then the message, then the title.
    private static func drawText(
        _ lines: [(String, Role)], address: String, keys: [String],
        in area: (top: Int, left: Int, width: Int, height: Int), into grid: inout CellGrid
    ) {
        guard area.width > 0, area.height > 0 else { return }
        let wrap = { (text: String, role: Role) in
            TextLayout.wrap(text, width: area.width).map { ($0, role) }
        }
        var texts = lines.map(wrap)
        var keyRows = keys.map { wrap($0, .key) }
        let addressRows = AddressWrap.lines(address, width: area.width).map { ($0, Role.accent) }
        func overflows() -> Bool {
            texts.joined().count + addressRows.count + keyRows.joined().count > area.height
        }
        while overflows(), !keyRows.isEmpty { keyRows.removeLast() }
        while overflows(), !texts.isEmpty { texts.removeLast() }
        let shown = Array(texts.joined()) + addressRows + keyRows.joined()
        for (n, row) in shown.prefix(area.height).enumerated() {
            grid.write(row.0, row: area.top + n, column: area.left, role: row.1, limit: area.width)
        }
    }
}
