import Foundation
import XCTest

@testable import CardGuideCore

#if canImport(Glibc)
import Glibc
#endif

/// Issue 13, point 8: text that can drive a terminal. Whatever reaches `list`, `export`, a
/// hand-out or an error message has its control, bidi and zero-width characters escaped.
final class TerminalTextTests: XCTestCase {
    func testUnsafeCharactersAreEscapedAndEverythingElseKept() {
        XCTAssertEqual(
            TerminalText.escaped("a\u{1B}[2Jb\u{9B}c\u{202E}d\u{200B}e\u{7F}\u{7}\tf\n"),
            "a<U+001B>[2Jb<U+009B>c<U+202E>d<U+200B>e<U+007F><U+0007><U+0009>f\n")
        for kept in ["", "plain text\nsecond line", "医保卡，电子社保卡。", "carte Vitale – café", "ＰＩＮ"] {
            XCTAssertEqual(TerminalText.escaped(kept), kept)
        }
    }

    /// The byte-level check (used for every cached string and by the validator's scan)
    /// agrees with the scalar rule, for every scalar of the first planes that matter.
    func testTheByteCheckAgreesWithTheScalarRule() {
        for value in Array(0...0x3100) + Array(0xFE00...0xFFFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var text = "x" + String(Character(scalar)) + "y"
            let bytes = text.withUTF8 { TerminalText.containsUnsafe($0) }
            XCTAssertEqual(bytes, TerminalText.isUnsafe(scalar), TextRules.hex(scalar))
            XCTAssertEqual(
                TextRules.scan(text).contains(.control), TerminalText.isUnsafe(scalar),
                TextRules.hex(scalar))
        }
    }

    /// `list`, `export` and hand-outs printed content as it was: a pack that got past the
    /// checks (a forged cache, before point 2) could clear the screen or set its title.
    func testListingsAndExportsEscapeWhatTheyPrint() throws {
        var pack = CoreFixture.shippedPack
        pack.countries[0].name.en = "China\u{1B}]0;owned\u{7}"
        pack.safety[0].body.en = "Never \u{202E}share\u{202C} a PIN\u{9B}2J"
        let listing = ContentListing.render(pack, language: .en)
        XCTAssertTrue(listing.contains("China<U+001B>]0;owned<U+0007>"), listing)
        let safety = ChecklistExport.render(
            [], pack: pack, language: .en, format: .markdown, safety: true, utcOffset: { _ in 0 })
        XCTAssertTrue(safety.contains("Never <U+202E>share<U+202C> a PIN<U+009B>2J"), safety)
        for output in [listing, safety] {
            XCTAssertNil(
                output.unicodeScalars.first(where: TerminalText.isUnsafe), "printed as it was")
        }
        let issue = ContentIssue(
            file: "x\u{1B}[2J.json", path: "", message: "unknown source 'S\u{9B}'")
        XCTAssertEqual(issue.description, "x<U+001B>[2J.json: unknown source 'S<U+009B>'")
    }
}
