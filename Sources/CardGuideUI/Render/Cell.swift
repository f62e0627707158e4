import CardGuideCore

/// What a cell means, not how it looks: the backend's theme turns roles into colours and
/// attributes, and the monochrome theme into attributes alone.
public enum Role: UInt8, CaseIterable, Sendable {
    case normal, title, border, dim, accent, selected, key, warning, fraud, success, progress,
        match, notice
    /// A QR code's cells: a half-block glyph whose ink is the dark modules, on light paper.
    case code
}

public struct Cell: Equatable, Sendable {
    /// One grapheme, or "" for the right half of a wide grapheme.
    public var text: String
    public var role: Role

    public static let blank = Cell(text: " ", role: .normal)
    public static let continuation = Cell(text: "", role: .normal)

    public init(text: String, role: Role) {
        self.text = text
        self.role = role
    }

    public var isContinuation: Bool { text.isEmpty }
}

public struct Size: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

public struct Position: Equatable, Sendable {
    public var row: Int
    public var column: Int
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
