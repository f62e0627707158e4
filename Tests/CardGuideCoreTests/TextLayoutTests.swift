import XCTest

@testable import CardGuideCore

final class TextLayoutTests: XCTestCase {
    private let closing: [Character] = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "】"]
    private let opening: [Character] = ["（", "「", "『", "《", "【"]

    // MARK: fit

    func testFitAlwaysReturnsExactlyTheWidth() {
        for text in TextCorpus.all + shippedTexts(limit: 300) {
            let failures = (-2...48).compactMap { width -> String? in
                for ellipsis in [true, false] {
                    let fitted = TextLayout.fit(text, width: width, ellipsis: ellipsis)
                    if DisplayWidth.of(fitted) != max(width, 0) {
                        return "width \(width), ellipsis \(ellipsis): \(fitted.debugDescription)"
                    }
                    if DisplayWidth.sanitize(fitted) != fitted {
                        return "width \(width): not drawable: \(fitted.debugDescription)"
                    }
                }
                return nil
            }
            XCTAssertEqual(failures, [], "fit(\(text.debugDescription))")
        }
    }

    func testRegressions() {
        // Regression cases found by the property loops: an empty pair of brackets kept its order,
        // and a Latin word split before 。 takes its last letter down with it.
        XCTAssertEqual(TextLayout.wrap("（）", width: 10), ["（）"])
        XCTAssertEqual(TextLayout.wrap("中（）文", width: 10), ["中（）文"])
        XCTAssertEqual(TextLayout.wrap("ab（。", width: 10), ["ab（。"])
        XCTAssertEqual(
            TextLayout.wrap("去办理 carte Vitale。", width: 6), ["去办理", "carte", "Vital", "e。"])
        // A Latin word in brackets wider than the line is split, and its last letter goes down
        // with the closing marks.
        XCTAssertEqual(
            TextLayout.wrap("见（Krankenkasse），在它的网站", width: 14),
            ["见", "（Krankenkass", "e），在它的网", "站"])
        XCTAssertEqual(
            TextLayout.wrap("见（Krankenkasse），在它的网站", width: 16), ["见", "（Krankenkass", "e），在它的网站"])
        XCTAssertEqual(
            TextLayout.wrap("- 医保号（Versichertennummer）：10位", width: 14),
            ["- 医保号", "  （Versichert", "  ennummer）：", "  10位"])
        // ASCII punctuation inside an address is split where it falls.
        XCTAssertEqual(
            TextLayout.wrap("https://example.org/a/b.html", width: 23),
            ["https://example.org/a/b", ".html"])
    }

    func testFitPadsShortText() {
        XCTAssertEqual(TextLayout.fit("abc", width: 6), "abc   ")
        XCTAssertEqual(TextLayout.fit("社保卡", width: 7), "社保卡 ")
        XCTAssertEqual(TextLayout.fit("社保卡", width: 6), "社保卡")
        XCTAssertEqual(TextLayout.fit("abc", width: 0), "")
        XCTAssertEqual(TextLayout.fit("abc", width: -3), "")
        XCTAssertEqual(TextLayout.fit("a\tb", width: 4), "a?b ")
    }

    func testFitCutsWithAnEllipsisWhenThereIsRoom() {
        XCTAssertEqual(TextLayout.fit("carte Vitale app", width: 10), "carte V...")
        // No space left dangling before the marker.
        XCTAssertEqual(TextLayout.fit("hello world foo", width: 9), "hello... ")
        XCTAssertEqual(TextLayout.fit("中文中文中文", width: 7), "中文...")
        // Narrower than 6 columns: no marker, just the cut.
        XCTAssertEqual(TextLayout.fit("abcdefgh", width: 5), "abcde")
        XCTAssertEqual(TextLayout.fit("abcdefgh", width: 7, ellipsis: false), "abcdefg")
    }

    func testWideCharacterStraddlingTheEdgeBecomesASpace() {
        XCTAssertEqual(TextLayout.fit("中文字", width: 5), "中文 ")
        XCTAssertEqual(TextLayout.fit("abc中文", width: 4, ellipsis: false), "abc ")
        XCTAssertEqual(TextLayout.fit("中", width: 1), " ")
        XCTAssertEqual(TextLayout.fit("中文中文中文", width: 8), "中文... ")
        XCTAssertEqual(TextLayout.fit("😀😀😀", width: 5, ellipsis: false), "😀😀 ")
        for width in 1...13 {
            let fitted = TextLayout.fit("一二三四五六七", width: width, ellipsis: false)
            XCTAssertEqual(DisplayWidth.of(fitted), width)
            XCTAssertEqual(
                fitted.filter { $0 == " " }.count, width % 2,
                "odd widths end in one space: \(fitted.debugDescription)")
        }
    }

    func testTruncateNeverPads() {
        XCTAssertEqual(TextLayout.truncate("abc", width: 10), "abc")
        XCTAssertEqual(TextLayout.truncate("中文中文中文", width: 7), "中文...")
        XCTAssertEqual(TextLayout.truncate("中文字", width: 5), "中文")
        for text in TextCorpus.all {
            for width in 0...30 {
                let cut = TextLayout.truncate(text, width: width)
                XCTAssertLessThanOrEqual(
                    DisplayWidth.of(cut), width, "truncate(\(text.debugDescription), \(width))")
                if DisplayWidth.of(DisplayWidth.sanitize(text)) > width {
                    XCTAssertFalse(
                        cut.hasSuffix(" "),
                        "truncate(\(text.debugDescription), \(width)) = \(cut.debugDescription)")
                }
            }
        }
    }

    // MARK: wrap

    func testWrapNeverExceedsTheWidthAndLosesNothing() {
        for text in TextCorpus.all + shippedTexts(limit: 400) {
            let expected = DisplayWidth.sanitize(text.replacingOccurrences(of: "\n", with: " "))
                .filter { !$0.isWhitespace }
            // Two columns is the narrowest line that can hold any character.
            let failures = (2...60).compactMap { width -> String? in
                let lines = TextLayout.wrap(text, width: width)
                if let long = lines.first(where: { DisplayWidth.of($0) > width }) {
                    return "width \(width): too long: \(long.debugDescription)"
                }
                if let trailing = lines.first(where: {
                    $0.hasSuffix(" ") && !$0.allSatisfy { $0 == " " }
                }) {
                    return "width \(width): trailing space: \(trailing.debugDescription)"
                }
                if lines.joined().filter({ !$0.isWhitespace }) != expected {
                    return "width \(width): characters lost or moved: \(lines)"
                }
                return nil
            }
            XCTAssertEqual(failures, [], "wrap(\(text.debugDescription))")
        }
    }

    func testWrapOfZeroWidthIsEmpty() {
        XCTAssertEqual(TextLayout.wrap("abc", width: 0), [])
    }

    func testNewlineSeparatesParagraphs() {
        XCTAssertEqual(TextLayout.wrap("one\ntwo", width: 20), ["one", "two"])
        XCTAssertEqual(TextLayout.wrap("one\n\ntwo", width: 20), ["one", "", "two"])
        XCTAssertEqual(TextLayout.wrap("", width: 20), [""])
        XCTAssertEqual(TextLayout.wrap("第一段。\n第二段很长很长。", width: 8), ["第一段。", "第二段很", "长很长。"])
    }

    func testCJKBreaksBetweenCharacters() {
        XCTAssertEqual(TextLayout.wrap("一二三四五六七八九十", width: 6), ["一二三", "四五六", "七八九", "十"])
        XCTAssertEqual(TextLayout.wrap("一二三四五六七八九十", width: 7), ["一二三", "四五六", "七八九", "十"])
        XCTAssertEqual(TextLayout.wrap("请带上 CPAM 的表格", width: 8), ["请带上", "CPAM 的", "表格"])
    }

    func testClosingPunctuationNeverStartsALine() {
        XCTAssertEqual(TextLayout.wrap("一二三，四五六。", width: 6), ["一二", "三，四", "五六。"])
        for mark in closing {
            let text = "一二三\(mark)四五六七\(mark)八"
            for width in 4...12 {
                for line in TextLayout.wrap(text, width: width) {
                    XCTAssertNotEqual(
                        line.first, mark,
                        "wrap(\(text), \(width)) = \(TextLayout.wrap(text, width: width))")
                }
            }
        }
    }

    func testKinsokuOverShippedTexts() {
        // The content has up to three closing marks in a row ("（eID）」；"). A bullet's
        // continuation line of ten columns holds its indent, a character and three marks, so
        // from there on no line may start with closing punctuation or end with opening
        // punctuation. (Longer runs of marks cannot always be kept together.)
        let realistic = TextCorpus.all.filter { !$0.contains("）」』》") && !$0.contains("（「『") }
        for text in realistic + shippedTexts(limit: 1000, language: .zh) {
            let failures = (10...40).compactMap { width -> String? in
                for line in TextLayout.wrap(text, width: width) {
                    let body = line.drop { $0 == " " }
                    if let first = body.first, closing.contains(first) {
                        return "width \(width): starts with \(first): \(line)"
                    }
                    if let last = body.last, opening.contains(last) {
                        return "width \(width): ends with \(last): \(line)"
                    }
                }
                return nil
            }
            XCTAssertEqual(failures, [], "wrap(\(text.debugDescription))")
        }
    }

    func testOpeningPunctuationStaysWithWhatFollows() {
        XCTAssertEqual(TextLayout.wrap("一二三（四五）", width: 8), ["一二三", "（四五）"])
        XCTAssertEqual(TextLayout.wrap("一二「三」", width: 6), ["一二", "「三」"])
    }

    func testLatinWordsAreNotSplit() {
        XCTAssertEqual(
            TextLayout.wrap("the quick brown fox jumps over the lazy dog", width: 10),
            ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
        let words =
            "Apply to the CPAM of the place where you live and keep a copy of everything you send"
            .split(separator: " ")
        for width in 10...40 {
            let lines = TextLayout.wrap(words.joined(separator: " "), width: width)
            XCTAssertEqual(
                lines.flatMap { $0.split(separator: " ") }, words, "width \(width): \(lines)")
        }
    }

    func testWordLongerThanTheLineIsSplit() {
        XCTAssertEqual(
            TextLayout.wrap("Versicherungsnummernachweis", width: 10),
            ["Versicheru", "ngsnummern", "achweis"])
        XCTAssertEqual(
            TextLayout.wrap("see Versicherungsnummernachweis", width: 10),
            ["see", "Versicheru", "ngsnummern", "achweis"])
    }

    func testBulletsGetAHangingIndent() {
        XCTAssertEqual(
            TextLayout.wrap("- one two three four five six", width: 12),
            ["- one two", "  three four", "  five six"])
        XCTAssertEqual(TextLayout.wrap("- 带上护照和照片去办理", width: 10), ["- 带上护照", "  和照片去", "  办理"])
        XCTAssertEqual(
            TextLayout.wrap("Bring:\n- your passport and a photo\n- the form", width: 16),
            ["Bring:", "- your passport", "  and a photo", "- the form"])
        // Only a line starting with "- " is a bullet.
        XCTAssertEqual(TextLayout.wrap("-one two three", width: 8), ["-one two", "three"])
        // On a very narrow line the indent would leave no room: none is used.
        XCTAssertEqual(TextLayout.wrap("- ab cd", width: 5), ["- ab", "cd"])
    }

    // MARK: Helpers

    /// Bodies and answers of the shipped pack: real text with every kind of punctuation.
    private func shippedTexts(limit: Int, language: Language? = nil) -> [String] {
        var texts: [String] = []
        for card in CoreFixture.shippedPack.cards {
            for language in language.map({ [$0] }) ?? Language.allCases {
                texts += card.faq.map { $0.answer[language] }
                texts += card.methods.flatMap(\.steps).map { $0.body[language] }
            }
        }
        // Spread the sample over the whole pack.
        let stride = max(1, texts.count / limit)
        return Swift.stride(from: 0, to: texts.count, by: stride).map { texts[$0] }
    }
}
