import CardGuideCore
import XCTest

@testable import CardGuideUI

/// The snapshots hold each cell's role, and comparing them bites: a fraud caution or a safety
/// rule drawn in the normal role fails its fixture, which names the row, the columns and the
/// role expected and found. The fixture pack they are drawn from is valid as it stands.
final class SnapshotRoleTests: XCTestCase {
    /// The program's own validator accepts the fixture pack: no error and no warning.
    func testTheFixturePackIsValid() {
        let loaded = FixturePack.shared.loaded
        XCTAssertNotNil(loaded.pack)
        XCTAssertEqual(loaded.issues, [], "\(FixturePack.shared.directory)")
    }

    func testAFraudCautionThatLosesItsRoleFailsItsSnapshot() throws {
        try assertRoleBites(
            "cautions_en_80x24", .en, 80, 24, role: .fraud, on: #"Paid "agents" are a scam"#
        ) { $0.press("enter", "enter", "w") }
    }

    func testASafetyRuleThatLosesItsRoleFailsItsSnapshot() throws {
        try assertRoleBites("safety-box_zh_40x12", .zh, 40, 12, role: .warning, on: "S1 密码只留给自己") {
            driver in
            driver.openChinaCardMethod(0)
            driver.press("d")
        }
    }

    /// Draws the screen of fixture `name`, checks that it matches and that the fixture gives
    /// the row showing `text` the cells of `role`, then paints those cells normal and checks
    /// that the comparison fails on exactly them.
    private func assertRoleBites(
        _ name: String, _ language: Language, _ width: Int, _ height: Int, role: Role,
        on text: String, _ script: (inout Driver) -> Void
    ) throws {
        var driver = try Driver(language, width, height, pack: try FixturePack.pack())
        script(&driver)
        var grid = driver.grid
        let fixture = try XCTUnwrap(Snapshot.stored(name), "no fixture \(name)")
        XCTAssertEqual(Snapshot.differences(grid, from: fixture), [], "\(name) is not its fixture")
        let row = try XCTUnwrap(
            driver.rows.firstIndex { $0.contains(text) }, "\(text) is not on\n\(driver.screenText)")
        let cells = (0..<width).filter { grid[row, $0].role == role }
        let first = try XCTUnwrap(cells.first, "no \(role) cell on row \(row)")
        XCTAssertGreaterThanOrEqual(cells.count, DisplayWidth.of(text), "row \(row)")
        let lines = fixture.components(separatedBy: "\n")
        let roles = Array(lines.count > height + 1 + row ? lines[height + 1 + row] : "")
        for x in cells {
            XCTAssertEqual(roles.count > x ? roles[x] : nil, Snapshot.letter(role), "column \(x)")
        }

        for x in cells { grid.paint(.normal, row: row, column: x, count: 1) }
        let report = Snapshot.differences(grid, from: fixture)
        XCTAssertFalse(report.isEmpty, "a \(role) line drawn normal passes its snapshot")
        let expected = "expected \(role) (\(Snapshot.letter(role))), found normal (.)"
        for line in report {
            XCTAssertTrue(line.hasPrefix("row \(row) column"), line)
            XCTAssertTrue(line.hasSuffix(expected), line)
        }
        XCTAssertTrue(
            report.contains { $0.hasPrefix("row \(row) columns \(first)-") }, "\(report)")
    }
}
