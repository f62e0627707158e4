import Foundation
import TestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Issue 6: the end-to-end monkey. 2,000 seeded random keys into the real program in tmux,
/// ~20 per send-keys call, with resizes between 40x12 and 120x40 now and then; every ~100
/// keys the program must still run and draw its header. Never q, Ctrl-C or Ctrl-X: the run
/// ends with Escapes (to leave a search box, where q is typed) and q, exit 0 and the
/// terminal as it was. `E2E_MONKEY_SEED` replays another seed.
final class EndToEndMonkeyTests: XCTestCase {
    static let keyCount = 2_000
    static let defaultSeed: UInt64 = 0xC4D6_0E2E

    /// Keys the app binds (tmux names) and other keys a person may hit.
    static let namedKeys = [
        "Up", "Down", "Left", "Right", "PPage", "NPage", "Home", "End", "Tab", "BTab",
        "Enter", "Space", "BSpace", "Escape", "DC", "F1", "KPEnter",
    ]
    /// Single characters sent as key names: every bound letter and sign but q, then others.
    static let boundCharacters = Array("jkglhnbdopfwcxDPsL?/[]yYNG")
    static let otherCharacters = Array("aeimrtuvzABCEFHIJKMOQRSTUVWXZ0123456789-.,+=")
    /// Typed with send-keys -l: CJK and accented text.
    static let texts = ["密码", "医保", "社保卡", "中", "激活", "，", "。", "é", "ü", "carte", "PIN", "卡"]

    func testTwoThousandRandomKeysKeepTheAppAliveAndTheTerminalRestored() throws {
        let seed =
            ProcessInfo.processInfo.environment["E2E_MONKEY_SEED"].flatMap {
                UInt64($0.replacingOccurrences(of: "0x", with: ""), radix: 16)
            }
            ?? Self.defaultSeed
        var random = SeededRandom(seed: seed)
        let context =
            "seed 0x\(String(seed, radix: 16)) (replay: E2E_MONKEY_SEED=\(String(seed, radix: 16)))"

        let handouts = NSTemporaryDirectory() + "cg-e2e-monkey-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: handouts, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: handouts) }

        let start = Date()
        let app = try AppDriver(self, ["--handout-dir", handouts], ready: ["选择国家"])
        var sent = 0
        var nextCheck = 100
        var resizes = 0
        var log: [String] = [] // the last batches, for a failure message
        var headers = Set<String>() // the top rows seen at checks: the keys did reach the app

        while sent < Self.keyCount {
            if random.chance(0.25) {
                let width = random.int(40...120)
                let height = random.int(12...40)
                try app.tmux.resize(width: width, height: height)
                resizes += 1
                log.append("resize \(width)x\(height)")
            }
            var batch: [String] = []
            let size = min(random.int(15...25), Self.keyCount - sent)
            while batch.count < size {
                if random.chance(0.05) {
                    // Literal text goes in its own call; flush what came before it.
                    if !batch.isEmpty {
                        try app.send(keys: batch)
                        log.append(batch.joined(separator: " "))
                    }
                    sent += batch.count
                    let text = random.pick(Self.texts)
                    try app.tmux.send(text: text)
                    log.append("text \(text)")
                    sent += text.count
                    batch = []
                    continue
                }
                switch random.int(0..<10) {
                case 0..<4: batch.append(random.pick(Self.namedKeys))
                case 4..<8: batch.append(String(random.pick(Self.boundCharacters)))
                default: batch.append(String(random.pick(Self.otherCharacters)))
                }
            }
            if !batch.isEmpty {
                try app.send(keys: batch)
                log.append(batch.joined(separator: " "))
            }
            sent += batch.count
            log = Array(log.suffix(12))

            if sent >= nextCheck {
                nextCheck += 100
                app.settled(timeout: 20)
                let location = {
                    "after \(sent) keys, \(context)\nlast input: \(log.joined(separator: " | "))\n\(app.tmux.diagnostics())"
                }
                guard app.isRunning, app.tmux.programPID(timeout: 1) == app.pid else {
                    return XCTFail("the app is not running \(location())")
                }
                // A frame may still be on its way to tmux: the header must show within 5 s.
                // A long path is cut from the left ("... > FAQ"): the app's name may be gone.
                let header = app.tmux.waitUntil(timeout: 5) { screen in
                    let top = screen.components(separatedBy: "\n").first ?? ""
                    return top.contains("CardGuide") || top.hasPrefix(" ... > ")
                }
                guard header else { return XCTFail("no header on the top row \(location())") }
                let rows = app.rows()
                XCTAssertEqual(rows.count, app.tmux.height, "rows \(location())")
                headers.insert((rows.first ?? "").trimmingCharacters(in: .whitespaces))
            }
        }

        // Out of any search box, overlay or page, back to 80x24, then q.
        try app.tmux.resize(width: 80, height: 24)
        for _ in 0..<4 {
            try app.tmux.send(keys: "Escape")
            app.settled()
        }
        XCTAssertTrue(app.rows().first?.contains("CardGuide") ?? false, app.tmux.diagnostics())
        XCTAssertFalse(
            app.tmux.screenText().contains("搜索：") || app.tmux.screenText().contains("Search: "),
            "still in a search box after Escapes, \(context)\n\(app.tmux.diagnostics())")
        try app.tmux.send(keys: "q")
        app.assertExit(code: 0)
        let elapsed = Date().timeIntervalSince(start)
        let handoutCount = ((try? FileManager.default.contentsOfDirectory(atPath: handouts)) ?? [])
            .count
        print(
            "e2e monkey: \(sent) keys, \(resizes) resizes, \(headers.count) different headers, \(handoutCount) hand-out files in \(String(format: "%.1f", elapsed)) s (\(context))"
        )
        XCTAssertGreaterThanOrEqual(
            headers.count, 5, "the keys hardly moved the app: \(headers.sorted()), \(context)")
        XCTAssertLessThan(elapsed, 120, "the monkey is too slow")
    }
}
