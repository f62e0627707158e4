import CardGuideCore
import XCTest

@testable import CardGuideUI

/// An overlay box stands clear of the page behind it: a blank column on each side (the whole
/// margin when it is too narrow to read), no cut-off word touching its border, and the page's
/// body dimmed around it, at 80x24 and 40x12 in both languages.
final class OverlayBackdropTests: XCTestCase {
    func testOverlaysClearAColumnBesideThemAndDimThePage() throws {
        // Each overlay: whether it opens on the wizard's first step, and its keys.
        let scripts: [(String, Bool, [String])] = [
            ("help", false, ["?"]),
            ("help on a long step", true, ["n", "?"]),
            ("safety box", true, ["d"]),
            // The last step's Enter asks to finish the checklist.
            ("confirm", true, ["o", "end", "enter", "enter"]),
        ]
        for pack in [try FixturePack.pack(), try ShippedPack.pack()] {
            for language in Language.allCases {
                for (width, height) in [(80, 24), (40, 12)] {
                    for (name, onWizard, keys) in scripts {
                        var driver = try Driver(language, width, height, pack: pack)
                        if onWizard { driver.openChinaCardMethod(0) }
                        for key in keys { driver.press(key) }
                        XCTAssertNotNil(driver.state.overlay, name)
                        check(driver, "\(name) \(language) \(width)x\(height)")
                    }
                }
            }
        }
    }

    private func check(_ driver: Driver, _ name: String, line: UInt = #line) {
        let grid = driver.grid
        let cells = (0..<grid.size.height).flatMap { y in (0..<grid.size.width).map { (y, $0) } }
        guard let (top, left) = cells.first(where: { grid[$0.0, $0.1].text == "┌" }),
            let (bottom, right) = cells.last(where: { grid[$0.0, $0.1].text == "┘" })
        else { return XCTFail("\(name): no box\n\(driver.screenText)", line: line) }
        for y in top...bottom {
            for x in [left - 1, right + 1] where x >= 0 && x < grid.size.width {
                XCTAssertEqual(
                    grid[y, x].text, " ", "\(name): row \(y) column \(x)\n\(driver.screenText)",
                    line: line)
            }
        }
        // Every letter of the page left beside or around the box is dimmed.
        // Every letter of the page left around the box is dimmed; where the box reaches the
        // notice line (the help on a long step, at 80x24), nothing is left beside it there.
        let layout = Layout(grid.size)
        for y in layout.bodyTop...layout.noticeRow {
            for x in 0..<grid.size.width where grid[y, x].text != " " {
                if (top...bottom).contains(y) && (left...right).contains(x) { continue }
                if y == layout.noticeRow {
                    XCTAssertFalse(
                        (top...bottom).contains(y), "\(name): column \(x)\n\(driver.screenText)",
                        line: line)
                } else {
                    XCTAssertEqual(
                        grid[y, x].role, .dim, "\(name): row \(y) column \(x)", line: line)
                }
            }
        }
    }
}
