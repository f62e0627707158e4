import CCurses
import CardGuideUI

/// Writes grid runs into an ncurses window: each cell at its own column (so a grapheme
/// whose width ncurses sees differently can never shift the rest of the row), continuation
/// cells skipped (ncurses fills the right half of a wide character itself), attributes set
/// only when the role changes.
struct Writer {
    let window: UnsafeMutablePointer<WINDOW>
    /// attr_t and pair per role, indexed by `Role.rawValue`.
    private let looks: [(attributes: attr_t, pair: Int16)]
    /// The terminal is not UTF-8: every cell is written as ASCII (`AsciiText`).
    private let asciiOnly: Bool

    /// `codePair`: the colour pair of `CodeColors` when the terminal could set it up.
    init(
        window: UnsafeMutablePointer<WINDOW>, mode: ThemeMode, asciiOnly: Bool = false,
        codePair: Int16? = nil
    ) {
        self.window = window
        self.asciiOnly = asciiOnly
        looks = Role.allCases.map { role in
            if role == .code, let codePair { return (ccurses_a_normal(), codePair) }
            let style = Palette.style(for: role, mode: mode)
            var attributes = ccurses_a_normal()
            if style.attributes.contains(.bold) { attributes |= ccurses_a_bold() }
            if style.attributes.contains(.reverse) { attributes |= ccurses_a_reverse() }
            if style.attributes.contains(.underline) { attributes |= ccurses_a_underline() }
            if style.attributes.contains(.dim) { attributes |= ccurses_a_dim() }
            return (attributes, mode == .color ? (style.color?.rawValue ?? 0) : 0)
        }
    }

    func write(_ runs: [GridRun]) {
        var current: Role? = nil
        for run in runs {
            for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
                if cell.role != current {
                    let look = looks[Int(cell.role.rawValue)]
                    _ = ccurses_set_attributes(window, look.attributes, look.pair)
                    current = cell.role
                }
                // The bottom-right cell returns ERR though it draws: results are ignored.
                _ = mvwaddstr(
                    window, Int32(run.row), Int32(run.column + offset),
                    Self.printable(asciiOnly ? AsciiText.of(cell.text) : cell.text))
            }
        }
        _ = ccurses_set_attributes(window, ccurses_a_normal(), 0)
    }

    /// A control character would move the cursor or clear the line: show `?` instead.
    static func printable(_ text: String) -> String {
        for scalar in text.unicodeScalars
        where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
            return "?"
        }
        return text
    }
}
