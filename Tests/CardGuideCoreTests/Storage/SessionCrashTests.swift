import Foundation
import XCTest

@testable import CardGuideCore
@testable import CardGuideStorage

#if canImport(Glibc)
import Glibc
#endif

/// Kills a saving process with SIGKILL at random moments and checks what a crash or power
/// cut would leave: the file always parses, and is never older than the last save the
/// process reported complete (nor more than one save newer).
final class SessionCrashTests: XCTestCase {
    /// Must match `epoch` in Tests/SaveLoop/main.swift.
    let epoch: TimeInterval = 1_700_000_000

    func testSIGKILLDuringSavesNeverLeavesABrokenOrOlderFile() throws {
        guard let binary = CoreFixture.binary("cardguide-save-loop") else {
            return XCTFail(
                "cardguide-save-loop was not found beside the test bundle; build it in the same scratch path (swift build --scratch-path ...)"
            )
        }
        let folder = TemporaryFolder()
        let path = folder.file("session.json")
        var generator = SystemRandomNumberGenerator()
        var lastCompleted = 0
        var kills = 0
        var killedMidSave = 0
        let started = Date()

        while lastCompleted < 250 || kills < 30 {
            XCTAssertLessThan(
                Date().timeIntervalSince(started), 120, "the stress test is taking far too long")
            if Date().timeIntervalSince(started) > 120 { break }
            let child = Process()
            child.executableURL = URL(fileURLWithPath: binary)
            child.arguments = ["--session", path, "--count", "1000000"]
            let output = Pipe()
            let errors = Pipe()
            child.standardOutput = output
            child.standardError = errors
            try child.run()

            // Let it complete a random number of saves, then kill it a random moment later:
            // anywhere inside the next save (write, fsync, rename, folder fsync) or between.
            let wanted = Int.random(in: 1...12, using: &generator)
            var text = ""
            while text.filter({ $0 == "\n" }).count < wanted {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            usleep(UInt32.random(in: 0...3000, using: &generator))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            text += String(
                decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(
                decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            XCTAssertEqual(
                child.terminationReason, .uncaughtSignal, "the loop stopped by itself: \(stderr)")
            guard child.terminationReason == .uncaughtSignal else { break }
            kills += 1
            if folder.names().contains(where: { $0.hasPrefix(".session.json.tmp-") }) {
                killedMidSave += 1
            }

            // Only whole lines count: a line cut by the kill was not reported.
            let printed = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                .compactMap { Int($0) }
            XCTAssertEqual(printed, printed.sorted(), "counters strictly increase")
            let reported = printed.last ?? lastCompleted

            let onDisk = try XCTUnwrap(bytes(at: path), "the session file exists after a kill")
            let counter: Int
            do {
                _ = try JSONParser.parse(onDisk)
                guard case .current(let file) = SessionDecoding.decode(onDisk) else {
                    throw SessionCoding.ShapeError(reason: "not a current file")
                }
                let dates = Set(file.checklists.map(\.changed))
                XCTAssertEqual(dates.count, 1, "one save's content, never a mix of two")
                counter = Int(dates.first!.timeIntervalSince1970 - epoch)
            } catch {
                XCTFail(
                    "after kill \(kills) the file does not parse: \(error)\n\(String(decoding: onDisk, as: UTF8.self))"
                )
                break
            }
            XCTAssertGreaterThanOrEqual(
                counter, reported, "the file is older than the last completed save")
            XCTAssertLessThanOrEqual(
                counter, reported + 1, "at most the one save that was under way when killed")
            XCTAssertGreaterThanOrEqual(counter, lastCompleted)
            lastCompleted = counter
        }
        // Whoever opens next cleans up what the kills left half-written.
        let (store, notices) = SessionStore.open(path: path)
        XCTAssertEqual(notices, [])
        XCTAssertFalse(store.isReadOnly, "a killed holder never leaves a stale lock")
        XCTAssertEqual(folder.names(), ["session.json", "session.json.lock"])
        print(
            "session crash test: \(kills) SIGKILLs over \(lastCompleted) saves; \(killedMidSave) landed mid-save (they left a temporary file)"
        )
        XCTAssertGreaterThanOrEqual(lastCompleted, 200)
    }
}
