import CardGuideCore
import XCTest

@testable import CardGuideUI

/// A handful of whole screens of the shipped pack, the product as people see it: a content
/// edit that changes one of them is re-recorded on purpose (`SNAPSHOT_RECORD=1`) and read.
/// Layout and widgets are tested on the fixture pack (`ScreenSnapshotTests`).
final class ShippedScreenTests: XCTestCase {
    private func snap(
        _ name: String, _ language: Language, _ width: Int, _ height: Int,
        file: StaticString = #filePath, line: UInt = #line,
        _ script: (inout Driver) throws -> Void = { _ in }
    ) throws {
        try Snapshot.scenario(
            "shipped-" + name, pack: try ShippedPack.pack(), languages: [language],
            sizes: [(width, height)], file: file, line: line, script)
    }

    func testHome() throws {
        try snap("home", .zh, 80, 24)
        try snap("home", .en, 40, 12)
    }

    func testWizardStep() throws {
        try snap("wizard", .zh, 80, 24) { $0.openChinaCardMethod(3) }
        try snap("wizard", .en, 40, 12) { $0.openChinaCardMethod(3) }
    }

    func testSearch() throws {
        try snap("search", .zh, 80, 24) { driver in
            driver.press("/")
            driver.type("密码")
            driver.press("down")
        }
    }

    func testSafetyBox() throws {
        try snap("safety-box", .zh, 80, 24) { driver in
            driver.openChinaCardMethod(0)
            driver.press("d")
            XCTAssertEqual(driver.state.overlay, .safetyBox(cardID: "cn-card"))
        }
    }

    func testCautions() throws {
        try snap("cautions", .en, 80, 24) { $0.press("enter", "enter", "w") }
    }

    func testHelp() throws { try snap("help", .en, 80, 24) { $0.press("?") } }
}
