/// Key names for scripts (tests, the demo, `cardguide-screen`): "enter", "down", "esc" …; any other
/// token is typed character by character.
public enum KeyScript {
    static let named: [String: Key] = [
        "enter": .enter, "esc": .escape, "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pgdn": .pageDown, "home": .home, "end": .end, "tab": .tab,
        "btab": .backTab,
        "space": .char(" "), "bksp": .backspace, "del": .delete,
    ]

    public static func keys(_ token: String) -> [Key] {
        if let key = named[token] { return [key] }
        return token.map { Key.char($0) }
    }
}
