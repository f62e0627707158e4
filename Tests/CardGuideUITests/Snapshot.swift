import CardGuideCore
import Foundation
import XCTest

@testable import CardGuideUI

/// Grid snapshots: a rendered screen as rows of text, each wide glyph once and every row
/// ending in `|` so that trailing blanks and the right edge show. Fixtures live in
/// `__Snapshots__/<name>.txt` beside this file and are written only when `SNAPSHOT_RECORD=1`
/// is set (the test then fails with "recorded", so a recording run never passes by accident);
/// otherwise a missing fixture fails.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__", isDirectory: true)

    static var isRecording: Bool { ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" }

    /// The grid as the fixture stores it.
    static func text(_ grid: CellGrid) -> String {
        (0..<grid.size.height).map { grid.rowText($0) + "|" }.joined(separator: "\n")
    }

    /// Everything that must hold for any frame, whatever the screen: the grid has the
    /// terminal's size, every row is exactly as wide as the terminal, every wide glyph is
    /// followed by its continuation cell and no continuation cell stands alone.
    static func invariantFailures(_ grid: CellGrid, size: Size) -> [String] {
        var failures: [String] = []
        if grid.size != size {
            failures.append(
                "grid is \(grid.size.width)x\(grid.size.height), the terminal \(size.width)x\(size.height)"
            )
            return failures
        }
        for row in 0..<grid.size.height {
            let width = DisplayWidth.of(grid.rowText(row))
            if width != size.width {
                failures.append(
                    "row \(row) is \(width) columns wide, not \(size.width): \(grid.rowText(row))|")
            }
            for x in 0..<grid.size.width {
                let cell = grid[row, x]
                if cell.isContinuation {
                    if x == 0 || DisplayWidth.of(grid[row, x - 1].text) != 2 {
                        failures.append(
                            "row \(row) column \(x): a continuation cell without a wide glyph to its left"
                        )
                    }
                    continue
                }
                let cellWidth = DisplayWidth.of(cell.text)
                if cellWidth == 2 && (x + 1 >= grid.size.width || !grid[row, x + 1].isContinuation)
                {
                    failures.append(
                        "row \(row) column \(x): the wide glyph \(cell.text) has no continuation cell"
                    )
                }
                if cellWidth < 1 || cellWidth > 2 || cell.text.count != 1 {
                    failures.append(
                        "row \(row) column \(x): cell \(cell.text.debugDescription) is not one printable glyph"
                    )
                }
            }
        }
        return failures
    }

    /// Renders `state`, checks the invariants and compares with (or records) the fixture.
    @discardableResult
    static func assert(
        _ state: AppState, named name: String, file: StaticString = #filePath, line: UInt = #line
    ) -> CellGrid {
        let grid = View.render(state)
        for failure in invariantFailures(grid, size: state.size) {
            XCTFail("\(name): \(failure)", file: file, line: line)
        }
        assertText(text(grid), named: name, file: file, line: line)
        return grid
    }

    static func assertText(
        _ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let url = directory.appendingPathComponent(name + ".txt")
        if isRecording {
            do {
                try FileManager.default.createDirectory(
                    at: directory, withIntermediateDirectories: true)
                try (actual + "\n").write(to: url, atomically: true, encoding: .utf8)
                XCTFail("\(name): recorded", file: file, line: line)
            } catch {
                XCTFail("\(name): cannot record \(url.path): \(error)", file: file, line: line)
            }
            return
        }
        guard let stored = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail(
                "\(name): no fixture at \(url.path); run with SNAPSHOT_RECORD=1 to record it, then read it\n\(actual)",
                file: file, line: line)
            return
        }
        let expected = stored.hasSuffix("\n") ? String(stored.dropLast()) : stored
        guard expected != actual else { return }
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        var report: [String] = []
        for row in 0..<max(old.count, new.count) {
            let a = row < old.count ? old[row] : "<missing>"
            let b = row < new.count ? new[row] : "<missing>"
            if a != b { report.append("row \(row)\n  fixture: \(a)\n  now:     \(b)") }
        }
        XCTFail(
            "\(name): the screen differs from \(url.lastPathComponent)\n"
                + report.joined(separator: "\n")
                + "\n--- now ---\n\(actual)", file: file, line: line)
    }
}
