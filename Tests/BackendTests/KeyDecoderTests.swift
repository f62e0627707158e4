import CCurses
import CardGuideUI
import CursesBackend
import XCTest

final class KeyDecoderTests: XCTestCase {
    /// Decodes a whole input script, the way the terminal feeds it.
    private func decode(_ script: [RawInput]) -> [KeyDecoder.Decoded] {
        var decoder = KeyDecoder()
        var queue = script
        var out: [KeyDecoder.Decoded] = []
        func next() -> RawInput { queue.isEmpty ? .none : queue.removeFirst() }
        while true {
            let input: RawInput
            if let pending = decoder.takePending() {
                input = pending
            } else if !queue.isEmpty {
                input = queue.removeFirst()
            } else {
                break
            }
            out.append(decoder.decode(input, readFollowing: next))
        }
        return out
    }

    private func chars(_ text: String) -> [RawInput] {
        text.unicodeScalars.map { .character($0.value) }
    }

    func testEnterBackspaceTabAndControlLetters() {
        XCTAssertEqual(
            decode([.character(13), .character(10), .keyCode(Int32(CCURSES_KEY_ENTER))]),
            [.key(.enter), .key(.enter), .key(.enter)])
        XCTAssertEqual(
            decode([.character(127), .character(8), .keyCode(Int32(CCURSES_KEY_BACKSPACE))]),
            [.key(.backspace), .key(.backspace), .key(.backspace)])
        XCTAssertEqual(
            decode([.character(9), .keyCode(Int32(CCURSES_KEY_BTAB))]),
            [.key(.tab), .key(.backTab)])
        XCTAssertEqual(
            decode([.character(1), .character(3), .character(26)]),
            [.key(.ctrl("a")), .key(.ctrl("c")), .key(.ctrl("z"))])
    }

    func testPrintableIncludingCJKAndFullwidth() {
        XCTAssertEqual(
            decode(chars("q 中，é")),
            [
                .key(.char("q")), .key(.char(" ")), .key(.char("中")), .key(.char("，")),
                .key(.char("é")),
            ])
        XCTAssertEqual(decode([.character(0x85)]), [.ignored], "C1 controls are not keys")
    }

    func testFunctionAndNavigationKeys() {
        let codes: [(Int, Key)] = [
            (CCURSES_KEY_UP, .up), (CCURSES_KEY_DOWN, .down), (CCURSES_KEY_LEFT, .left),
            (CCURSES_KEY_RIGHT, .right),
            (CCURSES_KEY_PPAGE, .pageUp), (CCURSES_KEY_NPAGE, .pageDown), (CCURSES_KEY_HOME, .home),
            (CCURSES_KEY_END, .end), (CCURSES_KEY_DC, .delete),
            (Int(ccurses_key_f(1)), .function(1)),
            (Int(ccurses_key_f(12)), .function(12)),
        ]
        for (code, key) in codes {
            XCTAssertEqual(decode([.keyCode(Int32(code))]), [.key(key)], "\(key)")
        }
        XCTAssertEqual(decode([.keyCode(Int32(CCURSES_KEY_RESIZE))]), [.resize])
        XCTAssertEqual(decode([.keyCode(Int32(CCURSES_KEY_MAX))]), [.ignored])
    }

    func testLoneEscapeAndEscapeThenKey() {
        XCTAssertEqual(decode([.character(27)]), [.key(.escape)])
        XCTAssertEqual(decode([.character(27), .character(27)]), [.key(.escape), .key(.escape)])
        XCTAssertEqual(decode([.character(27)] + chars("x")), [.key(.escape), .key(.char("x"))])
        XCTAssertEqual(decode([.character(27)] + chars("O")), [.key(.escape), .key(.char("O"))])
        XCTAssertEqual(
            decode([.character(27)] + chars("Oz")),
            [.key(.escape), .key(.char("O")), .key(.char("z"))])
    }

    func testKeypadSequencesNcursesLeavesAlone() {
        // tmux-256color has no kent: keypad Enter arrives as ESC O M.
        XCTAssertEqual(decode([.character(27)] + chars("OM")), [.key(.enter)])
        XCTAssertEqual(
            decode([.character(27)] + chars("Oq") + [.character(27)] + chars("Ok")),
            [.key(.char("1")), .key(.char("+"))])
        XCTAssertEqual(
            decode([.character(27)] + chars("OA") + [.character(27)] + chars("OP")),
            [.key(.up), .key(.function(1))])
    }

    func testUnknownCSISequencesNeverLeakAsTypedCharacters() {
        XCTAssertEqual(decode([.character(27)] + chars("[1;5A")), [.key(.up)])
        XCTAssertEqual(decode([.character(27)] + chars("[3~")), [.key(.delete)])
        XCTAssertEqual(decode([.character(27)] + chars("[5;2~")), [.key(.pageUp)])
        XCTAssertEqual(
            decode([.character(27)] + chars("[200~") + chars("a")), [.ignored, .key(.char("a"))])
        XCTAssertEqual(decode([.character(27)] + chars("[Z")), [.key(.backTab)])
    }
}

final class PaletteTests: XCTestCase {
    func testSelectionIsNeverColourAlone() {
        for mode in [ThemeMode.color, .mono] {
            XCTAssertTrue(
                Palette.style(for: .selected, mode: mode).attributes.contains(.reverse), "\(mode)")
            let match = Palette.style(for: .match, mode: mode).attributes
            XCTAssertTrue(match.contains(.underline) && match.contains(.bold), "\(mode)")
            XCTAssertTrue(
                Palette.style(for: .fraud, mode: mode).attributes.contains(.bold), "\(mode)")
            XCTAssertTrue(
                Palette.style(for: .warning, mode: mode).attributes.contains(.bold), "\(mode)")
            XCTAssertTrue(
                Palette.style(for: .key, mode: mode).attributes.contains(.bold), "\(mode)")
            XCTAssertEqual(Palette.style(for: .dim, mode: mode).attributes, .dim, "\(mode)")
        }
    }

    func testMonoUsesNoColour() {
        for role in Role.allCases {
            XCTAssertNil(Palette.style(for: role, mode: .mono).color, "\(role)")
        }
    }

    func testColourRoles() {
        XCTAssertEqual(Palette.style(for: .fraud, mode: .color).color, .red)
        XCTAssertEqual(Palette.style(for: .warning, mode: .color).color, .yellow)
        XCTAssertEqual(Palette.style(for: .progress, mode: .color).color, .green)
        XCTAssertEqual(Palette.style(for: .progress, mode: .mono).attributes, .bold)
        XCTAssertEqual(Palette.style(for: .normal, mode: .color), Style())
    }

    func testEveryMeaningfulRoleIsVisibleInMono() {
        // Roles that carry meaning must differ from plain text without colour.
        for role in Role.allCases where ![.normal, .border, .success].contains(role) {
            XCTAssertNotEqual(Palette.style(for: role, mode: .mono), Style(), "\(role)")
        }
    }
}
