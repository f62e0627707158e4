import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A program measured in a pseudo-terminal: CardGuide itself, or dialog and whiptail
/// showing a 10-item menu.
struct TerminalProgram {
    var name: String
    var executable: String
    var arguments: [String]
    /// Text that is on screen once the first frame is complete (checked, and timed as a cross-check).
    var marker: String
    /// The key that moves the menu selection down and up. `nil`: the arrow keys, sent the way
    /// a real xterm sends them (ESC O B once the program switched the keypad to application
    /// mode with smkx, ESC [ B otherwise).
    var downKey: [UInt8]?
    var upKey: [UInt8]?
    /// Menu moves per interaction run: down `itemsBelow` times, then up as often, repeated.
    var itemsBelow: Int

    static func menuItems() -> [String] {
        (1...10).flatMap { ["\($0)", "Item \($0)"] }
    }

    static func dialog(_ path: String) -> TerminalProgram {
        TerminalProgram(
            name: "dialog", executable: path,
            arguments: ["--menu", "Choose", "20", "60", "10"] + menuItems(),
            marker: "Cancel", downKey: nil, upKey: nil, itemsBelow: 9)
    }

    static func whiptail(_ path: String) -> TerminalProgram {
        TerminalProgram(
            name: "whiptail", executable: path,
            arguments: ["--menu", "Choose", "20", "60", "10"] + menuItems(),
            marker: "Cancel", downKey: nil, upKey: nil, itemsBelow: 9)
    }
}

/// Where a pty run lives: a fresh temporary HOME and XDG_STATE_HOME, so no saved progress
/// or dialogrc changes what is drawn (the content cache is shared: see `cacheHome`).
final class Sandbox: Sendable {
    let root: String

    init() {
        var template = Array("/tmp/cardguide-bench-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        root = made.map { String(cString: $0) } ?? "/tmp/cardguide-bench-\(getpid())-\(wallNanos())"
        if made == nil { mkdir(root, 0o700) }
        mkdir(root + "/state", 0o700)
    }

    deinit { remove() }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// One content cache for every pty run of this process, kept as a user's is between
    /// starts: the unmeasured first run of each program writes it. `Bench.main` removes it.
    static let cacheHome = Sandbox()

    func environment(term: String) -> [String: String] {
        [
            "TERM": term, "LANG": "C.UTF-8", "HOME": root, "XDG_STATE_HOME": root + "/state",
            "XDG_CACHE_HOME": Sandbox.cacheHome.root,
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            // A crash must not leave the backtracer waiting for a key on the pty.
            "SWIFT_BACKTRACE": "interactive=no",
        ]
    }

    var sessionFile: String { root + "/state/cardguide/session.json" }
}

struct StartupResult {
    /// Exec to the last byte of the first frame.
    var firstFrame = Sample()
    /// Exec to the read that completed the marker text (CardGuide: the footer's last hint).
    var marker = Sample()
    var frameBytes = Sample()
    var peakRSSKiB = Sample()
    var failures: [String] = []

    func json() -> [String: Any] {
        [
            "firstFrameMs": firstFrame.summary(unit: "ms"), "markerMs": marker.summary(unit: "ms"),
            "firstFrameBytes": frameBytes.summary(unit: "bytes"),
            "peakRSSKiB": peakRSSKiB.summary(unit: "KiB"),
            "failures": failures,
        ]
    }
}

struct InteractionResult {
    var moveBytes = Sample()
    /// Key written to the last byte of the answer.
    var moveLatency = Sample()
    var tickBytes = Sample()
    var tickLatency = Sample()
    var searchKeyBytes = Sample()
    var tickVerified = false
    var peakRSSKiB: Double?
    var failures: [String] = []

    func json() -> [String: Any] {
        var out: [String: Any] = [
            "bytesPerMove": moveBytes.summary(unit: "bytes"),
            "moveLatencyMs": moveLatency.summary(unit: "ms"),
            "failures": failures,
        ]
        if !tickBytes.isEmpty {
            out["bytesPerTick"] = tickBytes.summary(unit: "bytes")
            out["tickLatencyMs"] = tickLatency.summary(unit: "ms")
            out["tickSavedInSessionFile"] = tickVerified
            out["bytesPerSearchKeystroke"] = searchKeyBytes.summary(unit: "bytes")
        }
        if let peakRSSKiB { out["peakRSSKiB"] = peakRSSKiB }
        return out
    }
}

/// The pty measurements. How the end of the first frame is found:
///
/// A program draws its first frame in one burst (ncurses collects the whole frame and writes
/// it at `doupdate`, in one or a few `write` calls), then waits for a key. The bench reads the
/// master with `poll`, stamping each chunk as it arrives, until 30 ms pass with no byte; the
/// first frame ends at the arrival of the *last* byte before that silence, so the quiet time
/// is never counted. The same rule applies to every program, which keeps the ratios fair. A
/// run counts only if the burst contains the program's marker text (CardGuide: "退出", the
/// last hint of the home footer, drawn on the bottom row; dialog and whiptail: "Cancel"), so a
/// frame split by a pause longer than 30 ms, or an error message, is caught instead of timed.
/// The marker's own arrival time is recorded too, as a cross-check.
enum TerminalBench {
    static let quietMilliseconds = 30
    static let term = "xterm-256color"
    static let columns = 80
    static let rows = 24

    static func startup(
        _ program: TerminalProgram, runs: Int, firstRun: Int = 0, extraArguments: [String] = []
    ) -> StartupResult {
        var result = StartupResult()
        let marker = Array(program.marker.utf8)
        for run in firstRun..<(firstRun + runs) {
            let sandbox = Sandbox()
            let process: PtyProcess
            do {
                process = try PtyProcess(
                    executable: program.executable, arguments: program.arguments + extraArguments,
                    environment: sandbox.environment(term: term), columns: columns, rows: rows)
            } catch {
                result.failures.append("run \(run): \(error)")
                continue
            }
            let burst = process.readBurst(
                quietMilliseconds: quietMilliseconds, timeoutMilliseconds: 10_000, marker: marker)
            process.stop()
            guard let last = burst.lastAt, let markerAt = burst.markerAt else {
                result.failures.append(
                    "run \(run): no complete first frame (\(burst.bytes.count) bytes): "
                        + String(decoding: burst.bytes.prefix(300), as: UTF8.self).debugDescription)
                continue
            }
            result.firstFrame.add(milliseconds(process.started, last))
            result.marker.add(milliseconds(process.started, markerAt))
            result.frameBytes.add(Double(burst.bytes.count))
            result.peakRSSKiB.add(Double(process.peakRSSKiB))
        }
        return result
    }

    /// Arrow keys as a terminal sends them, given what the program wrote (smkx or not).
    static func arrows(after output: [UInt8]) -> (down: [UInt8], up: [UInt8]) {
        let applicationMode = PtyProcess.contains(output, Array("\u{1B}[?1h".utf8))
        return applicationMode
            ? (Array("\u{1B}OB".utf8), Array("\u{1B}OA".utf8))
            : (Array("\u{1B}[B".utf8), Array("\u{1B}[A".utf8))
    }

    /// One key and the terminal's answer: its bytes and the time to the last of them.
    static func press(_ process: PtyProcess, _ key: [UInt8]) -> (
        bytes: Int, latency: Double?, output: [UInt8]
    ) {
        let sent = wallNanos()
        process.send(key)
        let burst = process.readBurst(
            quietMilliseconds: quietMilliseconds, timeoutMilliseconds: 1000)
        return (burst.bytes.count, burst.lastAt.map { milliseconds(sent, $0) }, burst.bytes)
    }

    /// Menu moves, and for CardGuide checklist ticks and search keystrokes, in one session.
    static func interaction(_ program: TerminalProgram, rounds: Int, cardGuide: Bool)
        -> InteractionResult
    {
        var result = InteractionResult()
        let sandbox = Sandbox()
        let process: PtyProcess
        do {
            process = try PtyProcess(
                executable: program.executable, arguments: program.arguments,
                environment: sandbox.environment(term: term), columns: columns, rows: rows)
        } catch {
            result.failures.append("\(error)")
            return result
        }
        let first = process.readBurst(
            quietMilliseconds: quietMilliseconds, timeoutMilliseconds: 10_000,
            marker: Array(program.marker.utf8))
        guard first.markerAt != nil else {
            result.failures.append("no first frame")
            return result
        }
        let arrows = arrows(after: first.bytes)
        let down = program.downKey ?? arrows.down
        let up = program.upKey ?? arrows.up
        for _ in 0..<rounds {
            for key in Array(repeating: down, count: program.itemsBelow)
                + Array(repeating: up, count: program.itemsBelow)
            {
                let answer = press(process, key)
                if answer.bytes == 0 { result.failures.append("a move drew nothing") }
                result.moveBytes.add(Double(answer.bytes))
                if let latency = answer.latency { result.moveLatency.add(latency) }
            }
        }
        if cardGuide {
            // Home > China > social security card > first method is step 1, which has no
            // materials; Enter again is step 2, whose first material is selected. The first
            // tick starts the checklist and shows the safety box (Enter closes it), untimed;
            // then Space unticks and ticks it.
            for _ in 0..<4 { _ = press(process, [13]) }
            _ = press(process, [32])
            _ = press(process, [13])
            let ticks = 10
            for _ in 0..<ticks {
                let answer = press(process, [32])
                if answer.bytes == 0 { result.failures.append("a tick drew nothing") }
                result.tickBytes.add(Double(answer.bytes))
                if let latency = answer.latency { result.tickLatency.add(latency) }
            }
            // Back to the methods list, then a search typed in Chinese.
            _ = press(process, [27])
            _ = press(process, Array("/".utf8))
            for character in "密码" {
                result.searchKeyBytes.add(
                    Double(press(process, Array(String(character).utf8)).bytes))
            }
            _ = press(process, [27])
            process.sampleHighWater()
            process.send("q")
            if !process.waitForExit(timeoutMilliseconds: 2000) {
                result.failures.append("q did not quit")
                process.stop()
            }
            // 11 ticks in all leave the material ticked: the session file proves the keys
            // reached the checklist.
            if let text = try? String(contentsOfFile: sandbox.sessionFile, encoding: .utf8) {
                result.tickVerified =
                    text.range(of: #""ticked"\s*:\s*\[\s*""#, options: .regularExpression) != nil
            }
            if !result.tickVerified {
                result.failures.append("the tick is not in the session file")
            }
        } else {
            process.stop()
        }
        result.peakRSSKiB = Double(process.peakRSSKiB)
        return result
    }
}
