import CardGuideCore
import Foundation
import XCTest

@testable import CardGuideUI

/// Grid snapshots: a rendered screen as rows of text, each wide glyph once and every row
/// ending in `|` so that trailing blanks and the right edge show; then the legend line, then
/// the cells' roles in rows of the same shape, one letter per cell (a wide glyph and its
/// continuation cell take two), so that a fraud warning that loses its role fails as surely
/// as one that loses its words. Fixtures live in `__Snapshots__/<name>.txt` beside this file
/// and are written only when `SNAPSHOT_RECORD=1` is set (the test then fails with
/// "recorded", so a recording run never passes by accident); otherwise a missing fixture
/// fails.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__", isDirectory: true)

    static var isRecording: Bool { ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" }

    /// The letter a role has in a fixture. Exhaustive, so that a new role needs a letter.
    static func letter(_ role: Role) -> Character {
        switch role {
        case .normal: "."
        case .title: "T"
        case .border: "B"
        case .dim: "D"
        case .accent: "A"
        case .selected: "S"
        case .key: "K"
        case .warning: "W"
        case .fraud: "F"
        case .success: "G"
        case .progress: "P"
        case .match: "M"
        case .notice: "N"
        case .code: "C"
        }
    }

    static func role(_ letter: Character) -> Role? {
        Role.allCases.first { Self.letter($0) == letter }
    }

    /// The line between the text and the roles, saying what each letter means.
    static let legend =
        "roles: " + Role.allCases.map { "\(letter($0))=\($0)" }.joined(separator: " ")

    static func textRows(_ grid: CellGrid) -> [String] {
        (0..<grid.size.height).map { grid.rowText($0) + "|" }
    }

    static func roleRows(_ grid: CellGrid) -> [String] {
        (0..<grid.size.height).map { row in
            String((0..<grid.size.width).map { letter(grid[row, $0].role) }) + "|"
        }
    }

    /// The grid as the fixture stores it.
    static func text(_ grid: CellGrid) -> String {
        (textRows(grid) + [legend] + roleRows(grid)).joined(separator: "\n")
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
        assert(grid, named: name, file: file, line: line)
        return grid
    }

    /// Runs `script` on a fresh driver over `pack` in each language at each size and
    /// snapshots the result as `<name>_<lang>_<w>x<h><suffix>`.
    static func scenario(
        _ name: String, pack: ContentPack, languages: [Language] = Language.allCases,
        sizes: [(Int, Int)], display: DisplayOptions = DisplayOptions(), suffix: String = "",
        checklists: [Checklist] = [], file: StaticString = #filePath, line: UInt = #line,
        _ script: (inout Driver) throws -> Void = { _ in }
    ) throws {
        for language in languages {
            for (width, height) in sizes {
                var driver = try Driver(
                    language, width, height, checklists: checklists, display: display, pack: pack)
                try script(&driver)
                assert(
                    driver.state, named: "\(name)_\(language.rawValue)_\(width)x\(height)\(suffix)",
                    file: file, line: line)
            }
        }
    }

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name + ".txt") }

    /// The stored fixture, without its final newline; nil when there is none.
    static func stored(_ name: String) -> String? {
        guard let stored = try? String(contentsOf: url(name), encoding: .utf8) else { return nil }
        return stored.hasSuffix("\n") ? String(stored.dropLast()) : stored
    }

    static func assert(
        _ grid: CellGrid, named name: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let actual = text(grid)
        if isRecording {
            do {
                try FileManager.default.createDirectory(
                    at: directory, withIntermediateDirectories: true)
                try (actual + "\n").write(to: url(name), atomically: true, encoding: .utf8)
                XCTFail("\(name): recorded", file: file, line: line)
            } catch {
                XCTFail(
                    "\(name): cannot record \(url(name).path): \(error)", file: file, line: line)
            }
            return
        }
        guard let expected = stored(name) else {
            XCTFail(
                "\(name): no fixture at \(url(name).path); run with SNAPSHOT_RECORD=1 to record it, then read it\n\(actual)",
                file: file, line: line)
            return
        }
        let report = differences(grid, from: expected)
        guard !report.isEmpty else { return }
        XCTFail(
            "\(name): the screen differs from \(name).txt\n" + report.joined(separator: "\n")
                + "\n--- now ---\n\(actual)", file: file, line: line)
    }

    /// What differs between the grid and a fixture: each row whose text differs, then each
    /// run of cells whose role differs, by row and column with the role expected and found.
    static func differences(_ grid: CellGrid, from fixture: String) -> [String] {
        let lines = fixture.components(separatedBy: "\n")
        let split = lines.firstIndex { $0.hasPrefix("roles: ") } ?? lines.count
        let oldText = Array(lines[..<split])
        let oldRoles = split < lines.count ? Array(lines[(split + 1)...]) : []
        let newText = textRows(grid)
        var report: [String] = []
        for row in 0..<max(oldText.count, newText.count) {
            let a = row < oldText.count ? oldText[row] : "<missing>"
            let b = row < newText.count ? newText[row] : "<missing>"
            if a != b { report.append("row \(row)\n  fixture: \(a)\n  now:     \(b)") }
        }
        if split < lines.count, lines[split] != legend {
            report.append("the legend differs\n  fixture: \(lines[split])\n  now:     \(legend)")
        }
        if oldRoles.count != grid.size.height {
            report.append(
                "the fixture has \(oldRoles.count) rows of roles, the screen \(grid.size.height)")
        }
        for row in 0..<min(oldRoles.count, grid.size.height) {
            report += roleDifferences(grid, row: row, fixture: Array(oldRoles[row].dropLast()))
        }
        return report
    }

    /// The runs of one row's cells whose role is not the fixture's, with their text.
    private static func roleDifferences(_ grid: CellGrid, row: Int, fixture: [Character])
        -> [String]
    {
        var report: [String] = []
        var x = 0
        while x < grid.size.width {
            let expected = x < fixture.count ? fixture[x] : " "
            let found = letter(grid[row, x].role)
            guard expected != found else {
                x += 1
                continue
            }
            var end = x + 1
            while end < grid.size.width, end < fixture.count, fixture[end] == expected,
                letter(grid[row, end].role) == found
            {
                end += 1
            }
            let text = (x..<end).map { grid[row, $0].text }.joined()
            let columns = end - x == 1 ? "column \(x)" : "columns \(x)-\(end - 1)"
            let name = role(expected).map { "\($0)" } ?? "nothing"
            report.append(
                "row \(row) \(columns) \(text.debugDescription): expected \(name) (\(expected)), "
                    + "found \(grid[row, x].role) (\(found))")
            x = end
        }
        return report
    }
}
