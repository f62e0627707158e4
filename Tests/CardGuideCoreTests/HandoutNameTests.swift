import Foundation
import XCTest

@testable import CardGuideCore

/// Issue 13, point 2: a method ID with "../" (from a forged cache) wrote hand-outs outside
/// `--handout-dir`. Whatever the ID, the files are created inside the folder, never over a
/// link planted there.
final class HandoutNameTests: XCTestCase {
    func testAnIDCannotLeadAHandoutOutOfItsFolder() throws {
        let root = TemporaryFolder()
        let desk = root.file("desk")
        try FileManager.default.createDirectory(atPath: desk, withIntermediateDirectories: false)
        var checklist = SamplePack.onlineChecklist()
        checklist.methodID = "../../.escaped"
        let paths = try HandoutWriter(directory: desk).write(
            checklist, pack: SamplePack.pack, language: .en)
        XCTAssertEqual(paths.count, 2)
        for path in paths {
            XCTAssertEqual(PathText.folder(of: path), desk, path)
            XCTAssertTrue(PathText.name(of: path).hasPrefix("cardguide-_______escaped-"), path)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["desk"])
    }
}
