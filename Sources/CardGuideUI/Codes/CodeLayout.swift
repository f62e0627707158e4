/// Where a QR code goes on the screen, drawn with half blocks: one cell is one module wide
/// and two modules tall, so modules come out square. The quiet zone (light modules around
/// the code, which scanners need to find it) is 4 modules wide on the left and right, as
/// the standard asks, and 4 above and below where the rows allow; on a short screen (40x12)
/// it narrows there down to 1 module, which phone cameras and zbar still read, rather than
/// refusing a code that fits. Text goes beside the code when there is room, else below.
public struct CodeLayout: Sendable {
    public static let quiet = 4
    /// Narrowest text column worth putting beside the code.
    static let minimumTextWidth = 8

    /// Modules per side of the code, without the quiet zone.
    public let modules: Int
    /// Light modules above the code; below it is the rest of the code's rows.
    public let quietTop: Int
    /// The code's cells, quiet zone included.
    public let top: Int
    public let left: Int
    public let rows: Int
    public var columns: Int { modules + 2 * Self.quiet }
    /// Where the address and the keys go.
    public let text: (top: Int, left: Int, width: Int, height: Int)

    /// nil when the screen cannot hold the code with at least a 1-module quiet zone.
    public init?(modules: Int, screen: Size) {
        let columns = modules + 2 * Self.quiet
        let vertical = min(Self.quiet, (2 * screen.height - modules) / 2)
        guard modules > 0, vertical >= 1, columns <= screen.width else { return nil }
        self.modules = modules
        quietTop = vertical
        rows = (modules + 2 * vertical + 1) / 2
        top = (screen.height - rows) / 2
        let side = screen.width - columns - 1
        if side >= Self.minimumTextWidth {
            left = 0
            text = (0, columns + 1, side, screen.height)
        } else {
            left = (screen.width - columns) / 2
            let below = screen.height - (top + rows)
            text = (top + rows, 1, screen.width - 2, max(0, below))
        }
    }

    /// The smallest screen that holds a code of `modules` modules.
    public static func minimumScreen(modules: Int) -> Size {
        Size(width: modules + 2 * quiet, height: (modules + 3) / 2)
    }

    /// The half-block glyph of one cell, whose top and bottom halves are modules
    /// (2 * row - quietTop) and the one below it, of column (column - quiet).
    public func glyph(_ matrix: QRMatrix, row: Int, column: Int) -> String {
        let module = 2 * row - quietTop
        let x = column - Self.quiet
        switch (matrix.isDark(row: module, column: x), matrix.isDark(row: module + 1, column: x)) {
        case (false, false): return " "
        case (true, false): return "\u{2580}" // ▀
        case (false, true): return "\u{2584}" // ▄
        case (true, true): return "\u{2588}" // █
        }
    }
}
