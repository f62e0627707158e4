import Foundation
import XCTest

@testable import CardGuideCore
@testable import CardGuideStorage

/// Issue 13, point 2: a method ID with "../" (from a forged cache) wrote hand-outs outside
/// `--handout-dir`. Whatever the ID, the files are created inside the folder, never over a
/// link planted there.
final class HandoutNameTests: XCTestCase {
    func testAnIDCannotLeadAHandoutOutOfItsFolder() throws {
        let root = TemporaryFolder()
        let desk = root.file("desk")
        try FileManager.default.createDirectory(atPath: desk, withIntermediateDirectories: false)
        let path = try HandoutWriter(directory: desk).write(
            sheet: "sheet\n", methodID: "../../.escaped")
        XCTAssertEqual(PathText.folder(of: path), desk, path)
        XCTAssertTrue(PathText.name(of: path).hasPrefix("cardguide-_______escaped-"), path)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["desk"])
    }
}
