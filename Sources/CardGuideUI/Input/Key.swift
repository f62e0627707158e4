import CardGuideCore

/// A key press, decoded by the backend. Printable keys (including CJK input) are `.char`.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    case ctrl(Character)
    case function(Int)

    /// How the key is written in the footer and help in `language`: Chinese names keys in
    /// Chinese or by arrow (what is printed on the key cap stays: Esc, PgUp, Home).
    public func label(_ language: Language) -> String {
        guard language == .zh else { return label }
        switch self {
        case .char(" "): return "空格"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .enter: return "回车"
        case .backspace: return "退格"
        default: return label
        }
    }

    /// How the key is written in English.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .ctrl(let c): return "^" + String(c).uppercased()
        case .function(let n): return "F\(n)"
        }
    }
}

/// A mouse click or wheel turn at a cell of the screen.
public struct MouseEvent: Equatable, Sendable {
    public enum Kind: Sendable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var row: Int
    public var column: Int

    public init(_ kind: Kind, row: Int, column: Int) {
        self.kind = kind
        self.row = row
        self.column = column
    }
}

/// What the backend reports: a key, a mouse event, a new terminal size, or a timer tick
/// (nothing typed).
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(Size)
    case tick
}
