/// The cells that changed between two frames, as runs the backend writes in one call each.
/// Only changes reach the terminal, which keeps the bytes per key small.
public struct GridRun: Equatable, Sendable {
    public var row: Int
    public var column: Int
    public var cells: [Cell]
}

public enum GridDiff {
    /// Runs of changed cells from `old` to `new`; every cell when the sizes differ.
    /// A run always starts on a whole grapheme (never on a continuation cell) and extends
    /// over the continuation of a wide grapheme it ends on.
    public static func runs(from old: CellGrid?, to new: CellGrid) -> [GridRun] {
        let width = new.size.width
        let full = old == nil || old!.size != new.size
        var runs: [GridRun] = []
        for row in 0..<new.size.height {
            var x = 0
            while x < width {
                if !full && old![row, x] == new[row, x] {
                    x += 1
                    continue
                }
                var start = x
                while start > 0 && new[row, start].isContinuation { start -= 1 }
                var end = x
                // Extend while cells differ, allowing short equal gaps: one write beats two moves.
                var gap = 0
                var cursor = x
                while cursor < width {
                    if full || old![row, cursor] != new[row, cursor]
                        || new[row, cursor].isContinuation
                    {
                        end = cursor
                        gap = 0
                    } else {
                        gap += 1
                        if gap > 3 { break }
                    }
                    cursor += 1
                }
                if end + 1 < width && new[row, end + 1].isContinuation { end += 1 }
                if let last = runs.last, last.row == row, last.column + last.cells.count > start {
                    start = last.column + last.cells.count
                }
                if start <= end {
                    runs.append(
                        GridRun(row: row, column: start, cells: (start...end).map { new[row, $0] }))
                }
                x = end + 1
            }
        }
        return runs
    }
}
