import CardGuideCore
import XCTest

@testable import CardGuideUI

/// The diff the backend receives: replayed on the previous frame it must give the new frame
/// exactly, and a menu move must write only a few cells.
final class GridDiffTests: XCTestCase {
    /// A walk through most screens, both languages, the overlays and a resize.
    static let walk: [String] = [
        "down", "down", "up", "enter", "down", "up", "enter", "down", "down", "enter", "pgdn",
        "enter",
        "n", "down", "space", "down", "space", "d", "o", "down", "enter", "L", "n", "b", "L",
        "?", "down", "esc", "esc", "c", "tab", "pgdn", "esc", "f", "down", "enter", "pgdn", "esc",
        "esc",
        "w", "pgdn", "esc", "esc", "esc", "/", "密", "码", "down", "down", "enter", "esc", "bksp",
        "bksp", "bksp",
        "s", "end", "esc", "L", "f", "end", "enter", "esc", "esc", "L",
    ]

    private func checkRuns(_ runs: [GridRun], on frame: CellGrid, _ context: String) {
        var covered = Set<Int>()
        for run in runs {
            XCTAssertFalse(run.cells.isEmpty, "\(context): an empty run")
            XCTAssertTrue(
                run.row >= 0 && run.row < frame.size.height && run.column >= 0
                    && run.column + run.cells.count <= frame.size.width,
                "\(context): run out of the screen")
            XCTAssertFalse(
                run.cells.first?.isContinuation ?? false,
                "\(context): a run starts on half a wide glyph at \(run.row),\(run.column)")
            if let last = run.cells.last, DisplayWidth.of(last.text) == 2 {
                XCTFail(
                    "\(context): a run ends between a wide glyph and its continuation at \(run.row),\(run.column)"
                )
            }
            for x in run.column..<(run.column + run.cells.count) {
                XCTAssertTrue(
                    covered.insert(run.row * frame.size.width + x).inserted,
                    "\(context): runs overlap at \(run.row),\(x)")
            }
        }
    }

    func testRunsReplayedOnThePreviousFrameGiveTheNewFrame() throws {
        for (language, width, height) in [
            (Language.zh, 80, 24), (.en, 80, 24), (.zh, 40, 12), (.en, 40, 12),
        ] {
            var driver = try Driver(language, width, height)
            let backend = TestBackend(size: driver.state.size)
            var previous = driver.grid
            backend.present(GridDiff.runs(from: nil, to: previous), fullRepaint: true, cursor: nil)
            XCTAssertEqual(backend.screen.cells, previous.cells)
            var steps = Self.walk.map { Optional($0) }
            steps.insert(nil, at: 20) // a resize in the middle of the walk, and back
            steps.insert(nil, at: 40)
            var resized = false
            for (n, step) in steps.enumerated() {
                if let step {
                    driver.press(step)
                } else {
                    resized.toggle()
                    driver.resize(resized ? width + 20 : width, resized ? height + 6 : height)
                    backend.queue(.resize(driver.state.size))
                }
                let frame = driver.grid
                let full = frame.size != previous.size
                let runs = GridDiff.runs(from: full ? nil : previous, to: frame)
                let context = "\(language) \(width)x\(height) step \(n) (\(step ?? "resize"))"
                checkRuns(runs, on: frame, context)
                backend.present(runs, fullRepaint: full, cursor: frame.cursor)
                XCTAssertEqual(backend.screen.size, frame.size, context)
                if backend.screen.cells != frame.cells {
                    XCTFail(
                        "\(context): the replayed screen differs\n--- replayed ---\n\(backend.screen.text)\n--- frame ---\n\(frame.text)"
                    )
                    return
                }
                previous = frame
            }
        }
    }

    /// The same through the real loop: RunLoop renders, diffs and presents to TestBackend.
    func testTheRunLoopKeepsTheBackendScreenEqualToTheFrame() throws {
        let driver = try Driver(.zh, 80, 24)
        let backend = TestBackend(size: driver.state.size)
        let loop = CardGuideUI.RunLoop(
            backend: backend, state: driver.state, clock: { Driver.start }, handle: { _, _ in nil })
        loop.process(.resize(Size(width: 80, height: 24)))
        for name in Self.walk {
            guard let key = Driver.key(name) else { return }
            XCTAssertTrue(loop.process(.key(key)), "stopped at \(name)")
            XCTAssertEqual(backend.screen.cells, View.render(loop.state).cells, "after \(name)")
        }
        XCTAssertFalse(loop.process(.key(.char("q"))), "q stops the loop")
    }

    /// Moving in a menu rewrites the rows of the old and the new selection, not the screen.
    func testAMenuMoveWritesOnlyAFewCells() throws {
        var report: [String] = []
        for (name, script, moves) in [
            ("home", [String](), ["down", "down", "up"]),
            ("methods", ["enter", "enter"], ["down", "down", "up"]),
            ("faq list", ["enter", "enter", "f"], ["down", "down", "down"]),
            ("overview", ["enter", "enter", "enter", "enter", "o"], ["down", "down"]),
            ("search hits", ["/", "p", "i", "n"], ["down", "down"]),
            (
                "wizard materials", ["enter", "enter", "down", "down", "down", "enter", "n"],
                ["down", "down"]
            ),
        ] {
            var driver = try Driver(.zh, 80, 24)
            for key in script { driver.press(key) }
            for move in moves {
                let before = driver.grid
                let selection = driver.selection
                driver.press(move)
                XCTAssertNotEqual(driver.selection, selection, "\(name): \(move) did not move")
                let runs = GridDiff.runs(from: before, to: driver.grid)
                let cells = runs.reduce(0) { $0 + $1.cells.count }
                let rows = Set(runs.map(\.row)).count
                report.append(
                    "\(name) \(move): \(cells) cells in \(runs.count) runs on \(rows) rows")
                XCTAssertGreaterThan(cells, 0, "\(name): \(move) wrote nothing")
                // The item left and the item reached (two rows each at most) and the list's
                // position ("5/23") on the notice row, not a repaint.
                XCTAssertLessThanOrEqual(rows, 5, "\(name) \(move): \(rows) rows rewritten")
                XCTAssertLessThan(cells, 4 * 80, "\(name) \(move)")
            }
        }
        // The cards screen also redraws the selected card's details under the list.
        var driver = try Driver(.zh, 80, 24)
        driver.press("enter")
        let before = driver.grid
        driver.press("down")
        let cells = GridDiff.runs(from: before, to: driver.grid).reduce(0) { $0 + $1.cells.count }
        report.append("cards down (with the details panel): \(cells) cells")
        XCTAssertLessThan(cells, 80 * 24 / 3)
        print("Cells written per menu move at 80x24:\n  " + report.joined(separator: "\n  "))
    }
}

/// The cell grid's own promises: a write never leaves half of a wide glyph behind.
final class CellGridTests: XCTestCase {
    private func assertWhole(
        _ grid: CellGrid, _ message: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        for failure in Snapshot.invariantFailures(grid, size: grid.size) {
            XCTFail("\(message): \(failure)", file: file, line: line)
        }
    }

    func testAWideGlyphOverTheSecondHalfOfAnother() {
        var grid = CellGrid(size: Size(width: 6, height: 1))
        grid.write("中文", row: 0, column: 0)
        grid.write("字", row: 0, column: 1)
        assertWhole(grid, "中文 then 字 at column 1")
        XCTAssertEqual(grid.rowText(0), " 字   ")
    }

    func testANarrowGlyphOverEitherHalf() {
        var grid = CellGrid(size: Size(width: 4, height: 1))
        grid.write("中文", row: 0, column: 0)
        grid.write("a", row: 0, column: 1)
        assertWhole(grid, "a over the right half")
        XCTAssertEqual(grid.rowText(0), " a文")
        grid.write("b", row: 0, column: 2)
        assertWhole(grid, "b over the left half")
        XCTAssertEqual(grid.rowText(0), " ab ")
    }

    func testAWideGlyphAtTheEdgeBecomesASpace() {
        var grid = CellGrid(size: Size(width: 5, height: 1))
        XCTAssertEqual(grid.write("ab中文", row: 0, column: 0), 5)
        assertWhole(grid, "straddling the edge")
        XCTAssertEqual(grid.rowText(0), "ab中 ")
        XCTAssertEqual(grid.write("中文", row: 0, column: 1, limit: 3), 3)
        XCTAssertEqual(grid.rowText(0), "a中  ")
        assertWhole(grid, "straddling a limit")
    }

    func testFillOverWideGlyphs() {
        var grid = CellGrid(size: Size(width: 6, height: 1))
        grid.write("中文字", row: 0, column: 0)
        grid.fill("-", row: 0, column: 1, count: 3)
        assertWhole(grid, "a fill from the middle of one wide glyph to the middle of another")
        XCTAssertEqual(grid.rowText(0), " ---字")
    }
}
