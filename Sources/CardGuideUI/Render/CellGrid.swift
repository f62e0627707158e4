import CardGuideCore

/// The screen as a grid of cells, drawn by the views and diffed for the backend. A wide
/// grapheme takes its cell plus a continuation cell to its right; a write never leaves half
/// of a wide grapheme behind.
public struct CellGrid: Equatable, Sendable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]
    /// Where a screen reader's cursor should rest (plain mode), if anywhere.
    public var cursor: Position?

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * size.width + column]
    }

    /// Writes `text` at (row, column), clipped to `limit` columns (default: to the edge).
    /// Returns the number of columns written.
    @discardableResult
    public mutating func write(_ text: String, row: Int, column: Int, role: Role = .normal, limit: Int? = nil) -> Int {
        guard row >= 0, row < size.height, column < size.width else { return 0 }
        let end = min(size.width, column + (limit ?? size.width))
        var x = column
        for character in DisplayWidth.sanitize(text) {
            let width = DisplayWidth.of(character)
            if width == 0 { continue }
            if x + width > end {
                // A wide grapheme that would straddle the edge becomes a space.
                if x < end, x >= 0 { put(Cell(text: " ", role: role), row: row, column: x); x += 1 }
                break
            }
            if x >= 0 {
                put(Cell(text: String(character), role: role), row: row, column: x)
                if width == 2 { put(.continuation.with(role: role), row: row, column: x + 1) }
            }
            x += width
        }
        return max(0, x - max(column, 0))
    }

    /// Fills `count` cells of a row with one character and role.
    public mutating func fill(_ character: Character, row: Int, column: Int, count: Int, role: Role = .normal) {
        guard row >= 0, row < size.height else { return }
        let start = max(0, column)
        let end = min(size.width, column + count)
        guard start < end else { return }
        for x in start..<end { put(Cell(text: String(character), role: role), row: row, column: x) }
    }

    /// Changes the role of a span without changing its text (selection, search highlight).
    public mutating func paint(_ role: Role, row: Int, column: Int, count: Int) {
        guard row >= 0, row < size.height else { return }
        let start = max(0, column)
        let end = min(size.width, column + count)
        guard start < end else { return }
        for x in start..<end { cells[row * size.width + x].role = role }
    }

    private mutating func put(_ cell: Cell, row: Int, column: Int) {
        let index = row * size.width + column
        // Overwriting half of a wide grapheme blanks its other half, also when the new cell
        // is itself a continuation (a wide grapheme written one column to the left of an old
        // one): its old right half would otherwise be left without a left half.
        if cells[index].isContinuation, column > 0 {
            cells[index - 1] = Cell(text: " ", role: cells[index - 1].role)
        }
        if DisplayWidth.of(cells[index].text) == 2, column + 1 < size.width {
            cells[index + 1] = Cell(text: " ", role: cells[index + 1].role)
        }
        cells[index] = cell
    }

    mutating func setRaw(_ cell: Cell, at index: Int) { cells[index] = cell }

    /// The row as text, each wide grapheme once: what a terminal shows.
    public func rowText(_ row: Int) -> String {
        var line = ""
        for x in 0..<size.width { line += self[row, x].text }
        return line
    }

    /// Every row, for tests and snapshots.
    public var text: String { (0..<size.height).map(rowText).joined(separator: "\n") }
}

extension Cell {
    func with(role: Role) -> Cell { Cell(text: text, role: role) }
}
