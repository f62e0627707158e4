/// A key press, decoded by the backend. Printable keys (including CJK input) are `.char`.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    case ctrl(Character)
    case function(Int)

    /// How the key is written in the footer and help.
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

/// What the backend reports: a key, a new terminal size, or a timer tick (nothing typed).
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    case resize(Size)
    case tick
}
