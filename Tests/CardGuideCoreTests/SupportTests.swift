import Foundation
import XCTest
@testable import CardGuideCore

/// The small replacements for Foundation's Calendar, DateFormatter and NSString paths that
/// keep ICU out of the program: checked against Foundation itself (tests may link it).
final class SupportTests: XCTestCase {
    func testCivilTimeAgreesWithFoundationsCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        let offsets = [0, 3600, -5 * 3600, 8 * 3600, 5 * 3600 + 1800, -12 * 3600, 14 * 3600]
        // Every ~37 hours from 1901 to 2100, and the edges of leap days and years.
        var moments: [TimeInterval] = stride(from: -2_177_452_800.0, to: 4_102_444_800.0, by: 133_337).map { $0 }
        moments += [0, -1, 951_782_400, 951_868_799, 951_868_800, 1_709_164_800, 4_107_542_400, 1_800_000_000.999]
        for offset in offsets {
            calendar.timeZone = try XCTUnwrap(TimeZone(secondsFromGMT: offset))
            for moment in moments {
                let date = Date(timeIntervalSince1970: moment)
                let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
                let civil = CivilTime(date, utcOffset: offset)
                XCTAssertEqual([civil.year, civil.month, civil.day, civil.hour, civil.minute, civil.second],
                               [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second].map { $0 ?? -1 },
                               "\(moment) at offset \(offset)")
            }
        }
    }

    func testCivilTimeFormats() {
        let date = Date(timeIntervalSince1970: 1_796_311_505)  // 2026-12-03 15:25:05 UTC
        XCTAssertEqual(CivilTime(date).isoDay, "2026-12-03")
        XCTAssertEqual(CivilTime(date).compactStamp, "20261203-152505")
        XCTAssertEqual(CivilTime(date).isoBasic, "20261203T152505")
        XCTAssertEqual(CivilTime(date, utcOffset: 9 * 3600).isoDay, "2026-12-04")
        XCTAssertEqual(CivilTime(Date(timeIntervalSince1970: -62_135_596_800)).isoDay, "0001-01-01")
    }

    func testPathText() {
        XCTAssertEqual(PathText.join("/tmp", "a.md"), "/tmp/a.md")
        XCTAssertEqual(PathText.join("/tmp/", "a.md"), "/tmp/a.md")
        XCTAssertEqual(PathText.join("", "a.md"), "a.md")
        XCTAssertEqual(PathText.folder(of: "/home/x/.local/state/cardguide/session.json"), "/home/x/.local/state/cardguide")
        XCTAssertEqual(PathText.folder(of: "session.json"), ".")
        XCTAssertEqual(PathText.folder(of: "/session.json"), "/")
        XCTAssertEqual(PathText.folder(of: "a/b/"), "a")
        for path in ["/a/b/c", "a/b", "rel", "/x", "/a//b"] {
            XCTAssertEqual(PathText.folder(of: path), (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent, path)
        }
    }

    func testLockSerialisesConcurrentWork() {
        let lock = Lock()
        final class Box: @unchecked Sendable { var count = 0 }
        let box = Box()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<10_000 { lock.withLock { box.count += 1 } }
        }
        XCTAssertEqual(box.count, 80_000)
    }
}
