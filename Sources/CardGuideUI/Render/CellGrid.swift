import CardGuideCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
    public mutating func write(
        _ text: String, row: Int, column: Int, role: Role = .normal, limit: Int? = nil
    ) -> Int {
        guard row >= 0, row < size.height, column < size.width else { return 0 }
        let end = min(size.width, column + (limit ?? size.width))
        if let written = writeASCII(text, row: row, column: column, role: role, end: end) {
            return written
        }
        var x = column
        for glyph in GlyphCache.shared.glyphs(text) {
            if x + glyph.width > end {
                // A wide grapheme that would straddle the edge becomes a space.
                if x < end, x >= 0 {
                    put(Cell(text: " ", role: role), row: row, column: x)
                    x += 1
                }
                break
            }
            if x >= 0 {
                put(Cell(text: glyph.text, role: role), row: row, column: x)
                if glyph.width == 2 { put(.continuation.with(role: role), row: row, column: x + 1) }
            }
            x += glyph.width
        }
        return max(0, x - max(column, 0))
    }

    /// Printable ASCII, most of what is drawn, needs no sanitizing and no grapheme breaking:
    /// one byte is one cell. nil when `text` has any other byte.
    private mutating func writeASCII(_ text: String, row: Int, column: Int, role: Role, end: Int)
        -> Int?
    {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            for byte in bytes where byte < 0x20 || byte >= 0x7F { return nil }
            var x = column
            for byte in bytes {
                if x >= end { break }
                if x >= 0 {
                    put(Cell(text: Self.asciiTexts[Int(byte)], role: role), row: row, column: x)
                }
                x += 1
            }
            return max(0, x - max(column, 0))
        }
    }

    private static let asciiTexts: [String] = (0..<128).map {
        String(Character(Unicode.Scalar(UInt8($0))))
    }

    /// Fills `count` cells of a row with one character and role.
    public mutating func fill(
        _ character: Character, row: Int, column: Int, count: Int, role: Role = .normal
    ) {
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

/// One cell's worth of text and its width (1 or 2).
struct Glyph: Equatable, Sendable {
    var text: String
    var width: Int

    /// The cells `text` takes: sanitized, one per grapheme, zero-width graphemes dropped. A
    /// grapheme wider than two columns (an emoji with a skin-tone modifier is 2 + 2) fits no
    /// cell: the terminal advances per scalar, so each of its scalars gets its own cell.
    static func split(_ text: String) -> [Glyph] {
        var glyphs: [Glyph] = []
        for grapheme in DisplayWidth.sanitize(text) {
            let width = DisplayWidth.of(grapheme)
            if width == 1 || width == 2 {
                glyphs.append(Glyph(text: String(grapheme), width: width))
            } else if width > 2 {
                for scalar in grapheme.unicodeScalars {
                    let part = DisplayWidth.of(scalar)
                    if part > 0 {
                        glyphs.append(Glyph(text: String(Character(scalar)), width: part))
                    }
                }
            }
        }
        return glyphs
    }
}

/// Splitting text into glyphs (sanitizing, grapheme breaking, measuring) is most of the
/// cost of a frame that is not plain ASCII, and a frame redraws the same header, list rows
/// and page lines on every key. `Glyph.split` is pure, so its results are kept, bounded
/// (emptied when full) and locked like `TextLayout`'s wrap cache.
final class GlyphCache: @unchecked Sendable {
    static let shared = GlyphCache()
    static let capacity = 8192
    static let maxTextBytes = 4096

    private let memo = BoundedMemo<ExactText, [Glyph]>(capacity: capacity)

    func glyphs(_ text: String) -> [Glyph] {
        guard text.utf8.count <= Self.maxTextBytes else { return Glyph.split(text) }
        return memo.value(ExactText(text)) { Glyph.split(text) }
    }
}
