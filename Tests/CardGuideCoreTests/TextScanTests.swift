import TestSupport
import XCTest

@testable import CardGuideCore

/// The byte pre-check in front of the text rules must never rule out a text that holds a
/// needle: compared with a plain lowercased search over edge cases and random texts.
final class TextScanTests: XCTestCase {
    private func plain(_ text: String, _ needles: [String]) -> Bool {
        let lower = text.lowercased()
        return needles.contains { lower.contains($0) }
    }

    /// The one-pass scan flags everything the plain checks find.
    private func assertScanAgrees(
        _ text: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let found = TextRules.scan(text)
        if plain(text, TextRules.denied) {
            XCTAssertTrue(found.contains(.mayBeDenied), "'\(text)'", file: file, line: line)
        }
        if plain(text, TextRules.linkMarkers) {
            XCTAssertTrue(found.contains(.mayBeLink), "'\(text)'", file: file, line: line)
        }
        if text.unicodeScalars.contains(where: { TextRules.ambiguous.contains($0) }) {
            XCTAssertTrue(found.contains(.mayHoldAmbiguous), "'\(text)'", file: file, line: line)
        }
        XCTAssertEqual(
            found.contains(.control),
            text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "'\(text)'",
            file: file, line: line)
    }

    func testEdgeCases() {
        let cases = [
            "t.me", "T.ME/x", "请加t.me/seller", "xt.me", ".me", "t.m", "HTTP://a", "https:/", "wWw.",
            "ww.",
            "esim1088", "ESIM108", "go to esim1088", "telegram.org.", "telegram", "İ", "\u{212A}",
            "", ".",
            "a.b.c.t.me", "http", "::::", "www",
        ]
        for text in cases + ["a\tb", "x\n", "\u{2019}s", "5\u{20AC}", "\u{0}"] {
            assertScanAgrees(text)
        }
        XCTAssertEqual(TextRules.scan("Take your ID card to the bank, 带上身份证。"), [])
    }

    func testRandomTextsAgreeWithAPlainSearch() {
        var random = SeededRandom(seed: 0x7E57_5CA4)
        let alphabet = Array("tTmMeE.:/hHpPsSwWgGrRaAoO10 8i社保卡İ\u{212A}\u{2019}\u{20AC}\t\n")
        for _ in 0..<20_000 {
            let text = String(
                (0..<Int.random(in: 0...14, using: &random)).map { _ in
                    alphabet.randomElement(using: &random)!
                })
            assertScanAgrees(text)
        }
    }
}
