import Foundation
import Synchronization
import XCTest

@testable import CardGuideCore

/// The small replacements for Foundation's Calendar, DateFormatter and NSString paths that
/// keep ICU out of the program: checked against Foundation itself (tests may link it).
final class SupportTests: XCTestCase {
    func testCivilTimeAgreesWithFoundationsCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        let offsets = [0, 3600, -5 * 3600, 8 * 3600, 5 * 3600 + 1800, -12 * 3600, 14 * 3600]
        // Every ~37 hours from 1901 to 2100, and the edges of leap days and years.
        var moments: [TimeInterval] = stride(
            from: -2_177_452_800.0, to: 4_102_444_800.0, by: 133_337
        ).map { $0 }
        moments += [
            0, -1, 951_782_400, 951_868_799, 951_868_800, 1_709_164_800, 4_107_542_400,
            1_800_000_000.999,
        ]
        for offset in offsets {
            calendar.timeZone = try XCTUnwrap(TimeZone(secondsFromGMT: offset))
            for moment in moments {
                let date = Date(timeIntervalSince1970: moment)
                let parts = calendar.dateComponents(
                    [.year, .month, .day, .hour, .minute, .second], from: date)
                let civil = CivilTime(date, utcOffset: offset)
                XCTAssertEqual(
                    [civil.year, civil.month, civil.day, civil.hour, civil.minute, civil.second],
                    [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second].map
                    { $0 ?? -1 },
                    "\(moment) at offset \(offset)")
            }
        }
    }

    func testCivilTimeFormats() {
        let date = Date(timeIntervalSince1970: 1_796_311_505) // 2026-12-03 15:25:05 UTC
        XCTAssertEqual(CivilTime(date).isoDay, "2026-12-03")
        XCTAssertEqual(CivilTime(date).compactStamp, "20261203-152505")
        XCTAssertEqual(CivilTime(date).isoBasic, "20261203T152505")
        XCTAssertEqual(CivilTime(date, utcOffset: 9 * 3600).isoDay, "2026-12-04")
        XCTAssertEqual(CivilTime(Date(timeIntervalSince1970: -62_135_596_800)).isoDay, "0001-01-01")
    }

    /// The session file's moments: written and read back like JSONEncoder/JSONDecoder's
    /// `.iso8601` strategy did, so files written by earlier builds still read.
    func testInstantsAgreeWithFoundationsISO8601() throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let moments: [TimeInterval] =
            stride(from: -2_177_452_800.0, to: 4_102_444_800.0, by: 1_333_337).map { $0 }
            + [0, 951_782_400, 951_868_799, 1_800_000_000.75]
        for moment in moments {
            let date = Date(timeIntervalSince1970: moment)
            let foundation = try String(decoding: encoder.encode([date]), as: UTF8.self)
            XCTAssertEqual("[\"\(CivilTime.isoInstant(date))\"]", foundation, "\(moment)")
            let read = try XCTUnwrap(
                CivilTime.parseInstant(CivilTime.isoInstant(date)), "\(moment)")
            XCTAssertEqual(
                read, try decoder.decode([Date].self, from: Data(foundation.utf8))[0], "\(moment)")
            XCTAssertEqual(read.timeIntervalSince1970, moment.rounded(.down))
        }
        XCTAssertEqual(
            CivilTime.parseInstant("2026-12-03T23:30:00+08:30"),
            CivilTime.parseInstant("2026-12-03T15:00:00Z"))
        XCTAssertEqual(
            CivilTime.parseInstant("2026-12-03T15:00:00-01:00"),
            CivilTime.parseInstant("2026-12-03T16:00:00Z"))
        XCTAssertEqual(
            CivilTime.parseInstant("2024-02-29T00:00:00Z")?.timeIntervalSince1970, 1_709_164_800)
        for bad in [
            "", "2026-12-03", "2026-12-03T15:00:00", "2026-12-03 15:00:00Z", "2026-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z", "2026-12-03T24:00:00Z", "2026-12-03T15:00:00.Z",
            "2026-12-03T15:00:00Zx",
            "2026-12-03T15:00:00+0800", "20x6-12-03T15:00:00Z", "2026-12-03T15:00:00+08:00:00",
        ] {
            XCTAssertNil(CivilTime.parseInstant(bad), bad)
        }
    }

    /// The memo is shared by drawing threads: concurrent lookups that keep overflowing its
    /// capacity must each get their own key's value (without the mutex this crashes).
    func testBoundedMemoUnderConcurrentUse() {
        let memo = BoundedMemo<Int, Int>(capacity: 64)
        let wrong = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            var count = 0
            for n in 0..<10_000 where memo.value(n % 200, { n % 200 * 2 }) != n % 200 * 2 {
                count += 1
            }
            wrong.withLock { $0 += count }
        }
        XCTAssertEqual(wrong.withLock { $0 }, 0)
    }
}
