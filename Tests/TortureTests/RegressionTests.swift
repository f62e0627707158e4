import CardGuideContent
import CardGuideUI
import XCTest

@testable import CardGuideCore

/// What the torture suite found, each kept as a small test of its own.
final class RegressionTests: XCTestCase {
    /// Found by the monkey (a search for "👍" + a skin-tone modifier, which Swift joins into
    /// one Character 4 columns wide): the grid took one cell and one continuation for it and
    /// left the other two columns stale, so the row was 2 columns too wide on the terminal.
    func testGraphemeWiderThanTwoColumnsTakesOneCellPerScalar() {
        var grid = CellGrid(size: Size(width: 8, height: 1))
        let written = grid.write("a👍🏽b", row: 0, column: 0)
        XCTAssertEqual(written, 6)
        XCTAssertEqual(grid.cells.map(\.text), ["a", "👍", "", "🏽", "", "b", " ", " "])
        XCTAssertNil(MonkeyInvariants.grid(grid, size: grid.size))
        // At the edge, the part that does not fit becomes a space, as for any wide character.
        var narrow = CellGrid(size: Size(width: 3, height: 1))
        narrow.write("👍🏽", row: 0, column: 0)
        XCTAssertEqual(narrow.cells.map(\.text), ["👍", "", " "])
        XCTAssertNil(MonkeyInvariants.grid(narrow, size: narrow.size))
    }

    /// Found by the monkey (the read-only line written over the safety page's "press Enter to
    /// continue" note), and at the same time by the UI snapshot tests (fixed in 34691de): a
    /// wide character written one column left of an old one left the old one's continuation
    /// behind, and the next write then blanked the new one's continuation.
    func testWideTextOverWideTextShiftedByOneColumn() {
        var grid = CellGrid(size: Size(width: 8, height: 1))
        grid.write("中文字", row: 0, column: 0)
        grid.write("进度", row: 0, column: 1)
        // 中 and 字 each lost a half, so each is blanked whole; nothing is left dangling.
        XCTAssertEqual(grid.cells.map(\.text), [" ", "进", "", "度", "", " ", " ", " "])
        XCTAssertNil(MonkeyInvariants.grid(grid, size: grid.size))
        grid.write("ab", row: 0, column: 4)
        XCTAssertEqual(grid.cells.map(\.text), [" ", "进", "", " ", "a", "b", " ", " "])
        XCTAssertNil(MonkeyInvariants.grid(grid, size: grid.size))
    }

    /// The ASCII fast path of `write` must draw exactly what the general path draws.
    func testASCIIFastPathMatchesTheGeneralPath() {
        for (text, column, limit) in [
            ("hello world", 0, nil), ("clip me", 3, 2), ("off left", -3, nil), ("", 2, nil),
        ] as [(String, Int, Int?)] {
            var fast = CellGrid(size: Size(width: 10, height: 1))
            fast.write("中文字体测试", row: 0, column: 0)
            var general = fast
            let a = fast.write(text, row: 0, column: column, limit: limit)
            // A trailing zero-width scalar keeps the text off the fast path without changing it.
            let b = general.write(text + "\u{200B}", row: 0, column: column, limit: limit)
            XCTAssertEqual(a, b, text)
            XCTAssertEqual(fast.cells, general.cells, text)
        }
    }

    /// The wrap cache must give what wrapping gives, at every width.
    func testWrapCacheAgreesWithWrapping() {
        let texts = [
            "谁来要都不给：\n- PIN 码\n- 短信验证码", "Never give them to anyone: PINs, SMS codes, passwords.",
            "",
        ]
        for text in texts {
            for width in [1, 2, 5, 13, 40] {
                XCTAssertEqual(
                    TextLayout.wrap(text, width: width), TextLayout.wrapUncached(text, width: width)
                )
                XCTAssertEqual(
                    TextLayout.wrap(text, width: width),
                    TextLayout.wrapUncached(text, width: width), "cached")
            }
        }
    }
}
