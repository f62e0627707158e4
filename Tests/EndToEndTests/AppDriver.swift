import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// The real `cardguide` in a private tmux (see `TmuxHarness`), driven a step at a time: each
/// step sends keys and waits until the screen shows what it must (and not what it must not).
/// Waits poll the screen; nothing sleeps a fixed time.
final class AppDriver {
    let tmux: TmuxHarness
    /// The program's pid once its first screen showed.
    private(set) var pid: pid_t = 0

    /// Starts `cardguide arguments` in a `width`x`height` window and waits for `ready`.
    /// `stateHome` reuses another run's XDG_STATE_HOME (a relaunch, or a second app on one file).
    /// `environment` adds to or replaces the harness's (TERM, LANG …).
    init(
        _ testCase: XCTestCase, _ arguments: [String] = [], width: Int = 80, height: Int = 24,
        stateHome: String? = nil, ready: [String] = ["CardGuide"],
        environment: [String: String] = [:],
        prepare: (_ stateHome: String) throws -> Void = { _ in },
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let binary = try TmuxHarness.cardguideBinary(file: file, line: line)
        tmux = try TmuxHarness(testCase: testCase, width: width, height: height)
        overrideStateHome = stateHome
        try prepare(stateHome ?? tmux.stateHome)
        let home = stateHome.map { ["XDG_STATE_HOME": $0] } ?? [:]
        try tmux.start(binary, arguments, environment: home.merging(environment) { $1 })
        expect(ready, file: file, line: line)
        guard let pid = tmux.programPID() else {
            XCTFail("no program pid\n\(tmux.diagnostics())", file: file, line: line)
            throw TmuxHarness.Failure.serverDidNotStart("no program pid")
        }
        self.pid = pid
    }

    /// XDG_STATE_HOME of this run (the one given, or the harness's fresh one).
    var stateHome: String { overrideStateHome ?? tmux.stateHome }
    private var overrideStateHome: String?

    convenience init(
        _ testCase: XCTestCase, _ arguments: [String] = [], width: Int = 80, height: Int = 24,
        sharing other: AppDriver, ready: [String] = ["CardGuide"],
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        try self.init(
            testCase, arguments, width: width, height: height, stateHome: other.stateHome,
            ready: ready,
            file: file, line: line)
    }

    /// The progress file's name under `stateHome/cardguide` (a kiosk has its own).
    var sessionName = "session.json"
    var sessionPath: String { stateHome + "/cardguide/" + sessionName }

    // MARK: - Steps

    /// Sends tmux key names ("Down", "Enter", "Space", "Escape", "q" …), then waits for the screen.
    func press(
        _ keys: String..., expect texts: [String], absent: [String] = [],
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        for key in keys { try tmux.send(keys: key) }
        expect(texts, absent: absent, file: file, line: line)
    }

    /// Sends several tmux key names in one send-keys call (fast; nothing waited for).
    func send(keys: [String]) throws {
        try tmux.run(["send-keys", "-t", "probe:0.0"] + keys)
    }

    /// Types literal text (CJK included), then waits for the screen.
    func type(
        _ text: String, expect texts: [String], absent: [String] = [],
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        try tmux.send(text: text)
        expect(texts, absent: absent, file: file, line: line)
    }

    /// Waits until every text in `texts` is on screen and none of `absent` is.
    @discardableResult
    func expect(
        _ texts: [String], absent: [String] = [], timeout: TimeInterval = 10,
        file: StaticString = #filePath, line: UInt = #line
    ) -> Bool {
        let ok = tmux.waitUntil(timeout: timeout) { screen in
            texts.allSatisfy { screen.contains($0) } && !absent.contains { screen.contains($0) }
        }
        if !ok {
            let screen = tmux.screenText()
            let missing = texts.filter { !screen.contains($0) }
            let present = absent.filter { screen.contains($0) }
            XCTFail(
                "missing \(missing), present but must not be \(present)\n\(tmux.diagnostics())",
                file: file, line: line)
        }
        return ok
    }

    /// The screen rows with trailing spaces trimmed.
    func rows() -> [String] {
        ((try? tmux.screen()) ?? []).map { row in
            var row = row
            while row.last == " " { row.removeLast() }
            return row
        }
    }

    /// The screen's rows joined without their margins, so text wrapped over lines (a notice
    /// with a long path) can be searched whole.
    func joinedText() -> String {
        rows().map { $0.trimmingCharacters(in: .whitespaces) }.joined()
    }

    /// The screen with attributes (SGR sequences), as tmux holds it.
    func styledRows() -> [String] {
        ((try? tmux.run(["capture-pane", "-p", "-e", "-t", "probe:0.0"])) ?? "").components(
            separatedBy: "\n")
    }

    /// A styled row's visible characters, each with whether it is drawn in reverse video.
    static func reverseVideo(_ styled: String) -> [(character: Character, reverse: Bool)] {
        var out: [(Character, Bool)] = []
        var reverse = false
        let characters = Array(styled)
        var i = 0
        while i < characters.count {
            guard characters[i] == "\u{1B}" else {
                out.append((characters[i], reverse))
                i += 1
                continue
            }
            // ESC [ parameters final: SGR when the final is "m"; other sequences are skipped.
            var j = i + 1
            if j < characters.count, characters[j] == "[" { j += 1 }
            var parameters = ""
            while j < characters.count, !(characters[j].isLetter || characters[j] == "~") {
                parameters.append(characters[j])
                j += 1
            }
            if j < characters.count, characters[j] == "m" {
                let codes = parameters.split(separator: ";", omittingEmptySubsequences: false).map {
                    Int($0) ?? 0
                }
                var k = 0
                while k < codes.count {
                    switch codes[k] {
                    case 0: reverse = false
                    case 7: reverse = true
                    case 27: reverse = false
                    case 38, 48, 58:
                        // Extended colours.
                        k += codes.indices.contains(k + 1) && codes[k + 1] == 2 ? 4 : 2
                    default: break
                    }
                    k += 1
                }
            }
            i = j + 1
        }
        return out
    }

    /// The selected list row (marked "> " at its left) on screen, without the marker, or nil.
    func selectedRow() -> String? {
        rows().first { $0.hasPrefix(" > ") }.map { String($0.dropFirst(3)) }
    }

    /// Asserts that the row holding `text` has its selection marker ">" in reverse video.
    func assertSelectedInReverseVideo(
        _ text: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let styled = styledRows().map(Self.reverseVideo).first {
            String($0.map(\.character)).contains(text)
        }
        guard let styled else {
            return XCTFail("no row holds \(text)\n\(tmux.diagnostics())", file: file, line: line)
        }
        let marker = styled.firstIndex { $0.character == ">" }
        XCTAssertTrue(
            marker.map { styled[$0].reverse } ?? false,
            "the selection marker of \(text) is not in reverse video: \(styled.map { $0.reverse ? "[\($0.character)]" : String($0.character) }.joined())",
            file: file, line: line)
    }

    /// Waits until the screen holds still: three captures `interval` apart agree and the
    /// program waits for input in poll() (not merely asleep: a program blocked writing a
    /// frame to a busy terminal sleeps too). Returns the rows.
    @discardableResult
    func settled(interval: useconds_t = 40_000, timeout: TimeInterval = 10) -> [String] {
        var last = rows()
        var stable = 0
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            usleep(interval)
            let now = rows()
            stable = now == last && Self.isWaitingForInput(pid) ? stable + 1 : 0
            if stable >= 2 { return now }
            last = now
        }
        return last
    }

    // MARK: - The process

    var isRunning: Bool { kill(pid, 0) == 0 && !Self.isZombie(pid) }

    /// Sends a signal to the program (not to the wrapper shell).
    func signal(_ signal: Int32) {
        kill(pid, signal)
    }

    static func processState(_ pid: pid_t) -> Character? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ").first?.first
    }

    static func isZombie(_ pid: pid_t) -> Bool {
        processState(pid) == "Z" || processState(pid) == nil
    }

    /// Asleep in poll(): the program has read its input and drawn, and waits for more.
    static func isWaitingForInput(_ pid: pid_t) -> Bool {
        guard processState(pid) == "S",
            let wchan = try? String(contentsOfFile: "/proc/\(pid)/wchan", encoding: .utf8)
        else { return false }
        return wchan.contains("poll") || wchan.contains("select")
    }

    /// After the program ended: the status, the terminal settings as before, the main screen
    /// and a visible cursor.
    @discardableResult
    func assertExit(
        code: Int32, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line
    ) -> TmuxHarness.Exit? {
        guard let exit = tmux.waitForExit(timeout: timeout) else {
            XCTFail(
                "the program did not end within \(timeout) s\n\(tmux.diagnostics())", file: file,
                line: line)
            return nil
        }
        XCTAssertEqual(
            exit.code, code, "exit status\n\(tmux.diagnostics())", file: file, line: line)
        XCTAssertFalse(
            exit.sttyBefore.isEmpty, "the wrapper did not record `stty -g`", file: file, line: line)
        XCTAssertEqual(
            exit.sttyBefore, exit.sttyAfter, "terminal settings not restored", file: file,
            line: line)
        XCTAssertEqual(
            tmux.paneValue("alternate_on"), "0", "still on the alternate screen", file: file,
            line: line)
        XCTAssertEqual(
            tmux.paneValue("cursor_flag"), "1", "cursor left hidden", file: file, line: line)
        return exit
    }

    /// Ctrl-X, the staff word, Enter: the way out of a kiosk, then the checks of `assertExit`.
    func leaveKiosk(word: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try tmux.send(keys: "C-x")
        try tmux.send(text: word)
        try tmux.send(keys: "Enter")
        assertExit(code: 0, file: file, line: line)
    }

    // MARK: - The session file

    /// The session file parsed as plain JSON (independently of the app's own decoder).
    func sessionJSON(file: StaticString = #filePath, line: UInt = #line) -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: sessionPath) else {
            XCTFail("no session file at \(sessionPath)", file: file, line: line)
            return nil
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            XCTFail(
                "the session file is not a JSON object: \(String(decoding: data, as: UTF8.self))",
                file: file, line: line)
            return nil
        }
        return object
    }

    /// The saved checklists (each a JSON object: method, currentStep, ticked …).
    func savedChecklists(file: StaticString = #filePath, line: UInt = #line) -> [[String: Any]] {
        (sessionJSON(file: file, line: line)?["checklists"] as? [[String: Any]]) ?? []
    }
}

/// Facts of the bundled content the flows walk through (France > carte Vitale > "You work or
/// live in France", 10 steps, 12 materials; step 2 has 5 materials, step 3 has one).
enum Flow {
    static let method = "fr-vitale-worker"
    static let steps = 10
    static let materials = 12

    /// From the home screen (France is the third country) to step 1 of the method, to read:
    /// no checklist starts yet.
    static func openFranceVitaleWorker(
        _ app: AppDriver, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        try app.press("Down", "Down", expect: ["> 法国"], file: file, line: line)
        try app.press(
            "Enter", expect: ["CardGuide 办卡指南 > 法国", "选择证卡", "> 医保卡 carte Vitale"], file: file,
            line: line)
        try app.press("Enter", expect: ["选择办理方式", "> 在法国工作或居住", "10 步"], file: file, line: line)
        try app.press(
            "Enter", expect: ["步骤 1/10", "先确认你能否参保（PUMa）", "[未开始]"], file: file, line: line)
    }

    /// The first tick of a checklist (`key`, Space by default): it starts, the card's safety
    /// rules show once in a box, and Enter closes it onto `texts`.
    static func start(
        _ app: AppDriver, with key: String = "Space", expect texts: [String], english: Bool = false,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let box =
            english
            ? ["Checklist started. Remember:", "S1-"] : ["清单已开始。办理时请记住：", "S1-"]
        try app.press(key, expect: box, file: file, line: line)
        try app.press("Enter", expect: texts, absent: [box[0]], file: file, line: line)
    }
}
