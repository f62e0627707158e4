import CCurses
import CardGuideUI

/// One read from `get_wch`: a character, a function-key code, or nothing (timeout/error).
public enum RawInput: Equatable, Sendable {
    case character(UInt32)
    case keyCode(Int32)
    case none
}

/// Turns `get_wch` results into keys. Pure apart from the `readFollowing` closure, which
/// reads the next input with a short timeout (for escape sequences ncurses leaves alone,
/// such as keypad Enter, ESC O M under tmux-256color).
public struct KeyDecoder: Sendable {
    public enum Decoded: Equatable, Sendable {
        case key(Key)
        case resize
        /// ncurses has a mouse event to take (getmouse).
        case mouse
        case ignored
    }

    /// Inputs read ahead while looking for a sequence, handed out before new reads.
    public private(set) var pending: [RawInput] = []

    public init() {}

    public mutating func takePending() -> RawInput? {
        pending.isEmpty ? nil : pending.removeFirst()
    }

    public mutating func decode(_ input: RawInput, readFollowing: () -> RawInput) -> Decoded {
        switch input {
        case .none: return .ignored
        case .keyCode(let code): return Self.decodeKeyCode(code)
        case .character(27): return decodeEscape(readFollowing: readFollowing)
        case .character(let value): return Self.decodeCharacter(value)
        }
    }

    public static func decodeCharacter(_ value: UInt32) -> Decoded {
        switch value {
        case 13, 10: return .key(.enter)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 27: return .key(.escape)
        case 0: return .key(.ctrl("@"))
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(value + 96)!)))
        case 28: return .key(.ctrl("\\"))
        case 29: return .key(.ctrl("]"))
        case 30: return .key(.ctrl("^"))
        case 31: return .key(.ctrl("_"))
        case 0x80...0x9F: return .ignored
        default:
            guard let scalar = Unicode.Scalar(value) else { return .ignored }
            return .key(.char(Character(scalar)))
        }
    }

    public static func decodeKeyCode(_ code: Int32) -> Decoded {
        switch code {
        case Int32(CCURSES_KEY_UP): return .key(.up)
        case Int32(CCURSES_KEY_DOWN): return .key(.down)
        case Int32(CCURSES_KEY_LEFT): return .key(.left)
        case Int32(CCURSES_KEY_RIGHT): return .key(.right)
        case Int32(CCURSES_KEY_HOME), Int32(CCURSES_KEY_A1): return .key(.home)
        case Int32(CCURSES_KEY_END), Int32(CCURSES_KEY_C1), Int32(CCURSES_KEY_LL): return .key(.end)
        case Int32(CCURSES_KEY_PPAGE), Int32(CCURSES_KEY_A3): return .key(.pageUp)
        case Int32(CCURSES_KEY_NPAGE), Int32(CCURSES_KEY_C3): return .key(.pageDown)
        case Int32(CCURSES_KEY_ENTER): return .key(.enter)
        case Int32(CCURSES_KEY_BACKSPACE): return .key(.backspace)
        case Int32(CCURSES_KEY_DC): return .key(.delete)
        case Int32(CCURSES_KEY_BTAB): return .key(.backTab)
        case Int32(CCURSES_KEY_RESIZE): return .resize
        case Int32(CCURSES_KEY_MOUSE): return .mouse
        case (Int32(CCURSES_KEY_F0) + 1)...(Int32(CCURSES_KEY_F0) + 63):
            return .key(.function(Int(code - Int32(CCURSES_KEY_F0))))
        default: return .ignored
        }
    }

    /// ESC alone is Escape. ESC O x (SS3: keypad Enter, keypad digits, arrows, F1-F4) and
    /// ESC [ ... (CSI) that ncurses did not recognise are decoded here, so their bytes
    /// never arrive as typed characters. ESC followed by anything else is Escape, and the
    /// other input is handed out next.
    private mutating func decodeEscape(readFollowing: () -> RawInput) -> Decoded {
        let second = readFollowing()
        switch second {
        case .none:
            return .key(.escape)
        case .character(0x4F): // "O"
            let third = readFollowing()
            if case .character(let final) = third, let key = Self.ss3Key(final) { return .key(key) }
            pending.append(second)
            if third != .none { pending.append(third) }
            return .key(.escape)
        case .character(0x5B): // "["
            var parameters: [UInt32] = []
            for _ in 0..<16 {
                guard case .character(let byte) = readFollowing() else { return .ignored }
                if (0x40...0x7E).contains(byte) {
                    return Self.csiKey(parameters: parameters, final: byte).map { .key($0) }
                        ?? .ignored
                }
                parameters.append(byte)
            }
            return .ignored
        default:
            pending.append(second)
            return .key(.escape)
        }
    }

    static func ss3Key(_ final: UInt32) -> Key? {
        switch final {
        case 0x4D: return .enter // M: keypad Enter
        case 0x41: return .up
        case 0x42: return .down
        case 0x43: return .right
        case 0x44: return .left
        case 0x48: return .home
        case 0x46: return .end
        case 0x50...0x53: return .function(Int(final - 0x50) + 1) // P Q R S: F1-F4
        // p-y: keypad 0-9
        case 0x70...0x79: return .char(Character(Unicode.Scalar(final - 0x70 + 0x30)!))
        case 0x6B: return .char("+")
        case 0x6D: return .char("-")
        case 0x6A: return .char("*")
        case 0x6F: return .char("/")
        case 0x6E: return .char(".")
        case 0x6C: return .char(",")
        case 0x58: return .char("=")
        default: return nil
        }
    }

    static func csiKey(parameters: [UInt32], final: UInt32) -> Key? {
        let text = String(String.UnicodeScalarView(parameters.compactMap(Unicode.Scalar.init)))
        let first = Int(text.split(separator: ";").first ?? "") ?? 1
        switch final {
        case 0x41: return .up
        case 0x42: return .down
        case 0x43: return .right
        case 0x44: return .left
        case 0x48: return .home
        case 0x46: return .end
        case 0x5A: return .backTab // Z
        case 0x7E: // ~
            switch first {
            case 1, 7: return .home
            case 4, 8: return .end
            case 3: return .delete
            case 5: return .pageUp
            case 6: return .pageDown
            default: return nil
            }
        default: return nil
        }
    }
}
