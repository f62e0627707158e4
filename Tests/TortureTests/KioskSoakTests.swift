import CardGuideContent
import CardGuideCore
import CardGuideStorage
import Foundation
import XCTest

@testable import CardGuideUI

/// A kiosk runs for days: 10,000 visitors, each opening a wizard, ticking, searching and
/// walking away, through `Update.key`, `Update.timer` and `View.render` as the run loop
/// calls them. After every reset nothing of the visitor is left, and the resident memory
/// after the last reset is no more than after the first thousand (the warm-up that fills
/// the caches a kiosk keeps on purpose: the search indexes and the wrap cache).
final class KioskSoakTests: XCTestCase {
    static let visitors =
        ProcessInfo.processInfo.environment["SOAK_VISITORS"].flatMap { Int($0) } ?? 10_000
    static let warmUp = 1_000
    /// Allowed growth after the warm-up: allocator noise, far below one visitor's worth per
    /// hundred resets (a leak of a single state per reset would be several MiB).
    static let allowedGrowth = 2 * 1024 * 1024

    func testTenThousandKioskResetsDoNotGrowMemory() throws {
        let loaded = ContentLoader.load(directory: BundledContent.directory)
        let pack = try XCTUnwrap(loaded.pack, "the shipped pack does not load: \(loaded.issues)")
        var state = AppState(pack: pack, language: .zh, size: Size(width: 80, height: 24))
        state.helpDesk = HelpDeskState(
            kiosk: IdleClock(idle: 120, lastInput: Date(timeIntervalSince1970: 0)))
        state.helpDesk.defaultLanguage = .zh
        let home = state.stack

        var now = Date(timeIntervalSince1970: 0)
        var afterWarmUp = 0
        var frames = 0
        // The first step done starts the checklist (and its safety box, which Enter closes).
        let visit: [Key] = [
            .enter, .enter, .enter, .char("d"), .enter, .down, .char(" "), .char("L"),
        ]
        // Every tenth visitor also searches and every one is drawn: the costly parts, kept
        // to a share that lets the soak finish in CI's time.
        let search: [Key] = [.char("/"), .char("P"), .char("I"), .char("N"), .enter, .escape]
        let started = ContinuousClock().now
        for visitor in 1...Self.visitors {
            for key in visit + (visitor % 10 == 0 ? search : []) {
                now.addTimeInterval(1)
                _ = Update.key(key, to: &state, now: now)
            }
            _ = View.render(state)
            frames += 1
            XCTAssertFalse(state.checklists.isEmpty, "visitor \(visitor) started a checklist")
            // The visitor walks away: the countdown, then the reset.
            now.addTimeInterval(125)
            _ = Update.timer(&state, now: now)
            XCTAssertNotNil(state.helpDesk.countdown, "visitor \(visitor): no countdown")
            _ = View.render(state)
            frames += 1
            now.addTimeInterval(15)
            XCTAssertEqual(
                Update.timer(&state, now: now), [.saveSession], "visitor \(visitor): no reset")
            guard state.checklists.isEmpty, state.stack == home, state.language == .zh,
                state.notice == nil,
                state.overlay == nil, state.helpDesk.countdown == nil
            else {
                return XCTFail(
                    "visitor \(visitor): the reset left something behind: \(state.stack) \(state.checklists.count) checklists"
                )
            }
            if visitor == Self.warmUp { afterWarmUp = Self.residentBytes() }
        }
        let elapsed = started.duration(to: ContinuousClock().now)
        let end = Self.residentBytes()
        XCTAssertGreaterThan(afterWarmUp, 0, "resident memory could not be read")
        XCTAssertLessThanOrEqual(
            end - afterWarmUp, Self.allowedGrowth,
            "memory grew by \(end - afterWarmUp) bytes between reset \(Self.warmUp) and \(Self.visitors)"
        )
        XCTAssertLessThanOrEqual(
            state.searchIndexes.count, 2,
            "one search index per language is kept, not one per visitor")
        func mib(_ bytes: Int) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
        print(
            "KioskSoakTests: \(Self.visitors) kiosk resets, \(frames) frames in \(elapsed.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1)))); resident \(mib(afterWarmUp)) after \(Self.warmUp), \(mib(end)) after \(Self.visitors) (growth \(end - afterWarmUp) bytes)"
        )
    }

    /// Resident set size from /proc/self/statm (pages), the figure `ps` shows as RSS.
    static func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else {
            return 0
        }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
