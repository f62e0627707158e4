import XCTest

@testable import CardGuideCore

final class DisplayWidthTests: XCTestCase {
    func testPrintableASCIIIsOneColumn() {
        for value in UInt32(0x20)...0x7E {
            XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(value)!), 1, String(value, radix: 16))
        }
        XCTAssertEqual(DisplayWidth.of("Carte Vitale, 2 weeks!"), 22)
        XCTAssertEqual(DisplayWidth.of(""), 0)
    }

    func testControlsAreUnprintableAndCountAsTheirReplacement() {
        for scalar: Unicode.Scalar in [
            "\u{1}", "\t", "\n", "\r", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}",
        ] {
            XCTAssertEqual(DisplayWidth.of(scalar), -1, "U+\(String(scalar.value, radix: 16))")
        }
        // A string counts each unprintable scalar as the one-column '?' that sanitize puts there.
        XCTAssertEqual(DisplayWidth.of("a\tb\u{1B}"), 4)
        XCTAssertEqual(DisplayWidth.sanitize("a\tb\u{1B}\n"), "a?b??")
    }

    func testCJKIsTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("社保卡"), 6)
        XCTAssertEqual(DisplayWidth.of("电子社保卡 e-card"), 17)
        XCTAssertEqual(DisplayWidth.of("ひらがな"), 8)
        XCTAssertEqual(DisplayWidth.of("カタカナ"), 8)
        XCTAssertEqual(DisplayWidth.of("한국"), 4)
        XCTAssertEqual(DisplayWidth.of("\u{20000}"), 2, "CJK extension B")
        // Half-width katakana stays narrow.
        XCTAssertEqual(DisplayWidth.of("ｶﾀｶﾅ"), 4)
    }

    func testFullwidthFormsAndCJKPunctuationAreTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("ＡＢＣ１２３"), 12)
        XCTAssertEqual(DisplayWidth.of("，。、；：？！"), 14)
        XCTAssertEqual(DisplayWidth.of("（）「」『』《》【】"), 20)
        XCTAssertEqual(DisplayWidth.of("\u{3000}"), 2, "ideographic space")
    }

    func testEmojiAreTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("😀"), 2)
        XCTAssertEqual(DisplayWidth.of("🚀✅"), 4)
        XCTAssertEqual(DisplayWidth.of(Character("😀")), 2)
    }

    func testCombiningMarksTakeNoColumn() {
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x301)!), 0)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.of(Character("e\u{301}")), 1)
        XCTAssertEqual(DisplayWidth.of("Se\u{301}curite\u{301}"), 8)
        XCTAssertEqual(DisplayWidth.of("Sécurité"), 8)
        XCTAssertEqual(DisplayWidth.of("a\u{300}\u{301}\u{302}"), 1)
    }

    func testZWJSequencesAfterSanitize() {
        let family = "👨\u{200D}👩\u{200D}👧"
        let clean = DisplayWidth.sanitize(family)
        XCTAssertFalse(clean.unicodeScalars.contains("\u{200D}"))
        XCTAssertEqual(clean, "👨👩👧")
        XCTAssertEqual(DisplayWidth.of(clean), 6)
        // Each remaining Character is measured as it is drawn.
        XCTAssertEqual(clean.map { DisplayWidth.of($0) }, [2, 2, 2])
        XCTAssertEqual(DisplayWidth.of(DisplayWidth.sanitize("👩\u{200D}💻 ok")), 7)
    }

    func testSanitizeDropsFormatCharactersAndLeadingMarks() {
        XCTAssertEqual(DisplayWidth.sanitize("a\u{200B}b\u{FEFF}c\u{00AD}d\u{2060}"), "abcd")
        XCTAssertEqual(DisplayWidth.sanitize("\u{301}\u{300}abc"), "abc")
        XCTAssertEqual(DisplayWidth.sanitize("e\u{301}"), "e\u{301}")
        XCTAssertEqual(DisplayWidth.sanitize("\u{FFFF}x"), "?x", "a noncharacter is unprintable")
        XCTAssertEqual(DisplayWidth.sanitize("社保卡 Vitale"), "社保卡 Vitale")
    }

    func testSanitizedTextIsStableAndFullyPrintable() {
        for text in TextCorpus.all {
            let clean = DisplayWidth.sanitize(text)
            XCTAssertEqual(
                DisplayWidth.sanitize(clean), clean,
                "sanitize is idempotent: \(text.debugDescription)")
            for scalar in clean.unicodeScalars {
                XCTAssertGreaterThanOrEqual(
                    DisplayWidth.of(scalar), 0,
                    "unprintable scalar left in \(clean.debugDescription)")
                XCTAssertNotEqual(
                    scalar.properties.generalCategory, .format,
                    "format scalar left in \(clean.debugDescription)")
            }
            XCTAssertEqual(DisplayWidth.of(clean), clean.reduce(0) { $0 + DisplayWidth.of($1) })
            XCTAssertEqual(
                DisplayWidth.of(clean), DisplayWidth.of(text) - droppedColumns(text),
                "sanitize keeps every column but those of dropped scalars: \(text.debugDescription)"
            )
        }
    }

    /// Columns `of(String)` counts for the format scalars that sanitize drops (most measure 0;
    /// the soft hyphen measures 1).
    private func droppedColumns(_ text: String) -> Int {
        text.unicodeScalars.filter { $0.properties.generalCategory == .format }
            .reduce(0) { total, scalar in
                total + (DisplayWidth.of(scalar) < 0 ? 1 : DisplayWidth.of(scalar))
            }
    }
}

/// Texts that exercise every width class, shared by the width and layout tests.
enum TextCorpus {
    static let all: [String] = [
        "", " ", "a", "Carte Vitale", "the quick brown fox jumps over the lazy dog",
        "Versicherungsnummernachweis und Sozialversicherungsausweis",
        "社保卡", "电子社保卡和实体卡一一对应，两者具有同等地位、相同功能。",
        "请带上护照（原件）和「出生证明」，去 CPAM 办理 carte Vitale。",
        "- 手机为 Android 9 或以上，或 iOS 16 或以上；\n- 年满16岁或18岁。",
        "ＡＢＣ，。、；：？！）」』》】", "（「『《【中】》』」）",
        "😀 emoji 🚀 and ✅ ok", "👨\u{200D}👩\u{200D}👧 family", "Se\u{301}curite\u{301} sociale",
        "\u{301}leading mark",
        "tab\there", "line\nbreak\n\nparagraph", "zero\u{200B}width", "x\u{1B}[31mred",
        "中a文b字c", "a中b文c字", "1234567890一二三四五六七八九十", "https://www.ameli.fr/assure/droits",
        "（）", "中（）文", "ab（。", "「」『』", "一、二、三、四、五、六、七、八、九、十、",
    ]
}
