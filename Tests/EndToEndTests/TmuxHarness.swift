import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program in a private tmux server and reads its screen: the end-to-end harness.
///
/// - One tmux server per harness, run in the foreground as a child (`tmux -D`): a server that
///   daemonizes from Foundation.Process keeps a pipe open and the spawn never returns.
/// - The program runs under a small `sh` wrapper that records `stty -g` before and after and
///   prints `APP-EXIT=<code>`, then keeps the pane alive so the terminal's final state
///   (alternate screen, cursor, keypad mode) can still be read from tmux.
/// - Waiting polls `capture-pane` every few milliseconds until the text appears: no sleeps.
/// - The program gets SWIFT_BACKTRACE=interactive=no (the backtracer would otherwise wait
///   ~30 s for a key), TERM=tmux-256color, LANG=C.UTF-8, and fresh HOME and XDG_STATE_HOME.
final class TmuxHarness {
    /// What the wrapper recorded when the program ended.
    struct Exit: Equatable {
        var code: Int32
        var sttyBefore: String
        var sttyAfter: String
    }

    enum Failure: Error, CustomStringConvertible {
        case tmuxMissing
        case binaryMissing(String)
        case serverDidNotStart(String)
        case commandFailed([String], Int32, String)

        var description: String {
            switch self {
            case .tmuxMissing: return "tmux is not installed (apt-get install tmux)"
            case .binaryMissing(let path):
                return "the program to test is missing at \(path): build it first (swift build)"
            case .serverDidNotStart(let log): return "the private tmux server did not start: \(log)"
            case .commandFailed(let arguments, let status, let error):
                return
                    "tmux \(arguments.joined(separator: " ")) failed with status \(status): \(error)"
            }
        }
    }

    /// Scratch folder of this harness: socket, config, stty records, HOME, XDG_STATE_HOME.
    let directory: String
    /// XDG_STATE_HOME of the program (fresh for every harness).
    let stateHome: String
    private(set) var width: Int
    private(set) var height: Int
    private let socket: String
    private let tmux: String
    private let server: Process
    private var tornDown = false
    private static let target = "probe:0.0"

    /// The environment every process here starts from: nothing inherited from the runner.
    private let baseEnvironment: [String: String]

    /// Starts a private tmux server (no session yet). `addTeardownBlock` ends it after the test.
    init(testCase: XCTestCase, width: Int = 80, height: Int = 24) throws {
        guard let tmux = Self.findExecutable("tmux") else { throw Failure.tmuxMissing }
        self.tmux = tmux
        self.width = width
        self.height = height
        let id = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        directory = "/tmp/cg-e2e-\(id)"
        stateHome = directory + "/state"
        socket = directory + "/tmux.sock"
        for folder in [directory, stateHome, directory + "/home"] {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true)
        }
        let conf = directory + "/tmux.conf"
        try """
        set -g remain-on-exit on
        set -g default-terminal tmux-256color
        set -s escape-time 0
        set -g status off
        set -g history-limit 100

        """.write(toFile: conf, atomically: true, encoding: .utf8)
        try Self.wrapperScript.write(
            toFile: directory + "/wrap.sh", atomically: true, encoding: .utf8)

        baseEnvironment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": directory + "/home",
            "XDG_STATE_HOME": stateHome,
            "LANG": "C.UTF-8",
            "TERM": "tmux-256color",
            "SWIFT_BACKTRACE": "interactive=no",
        ]

        server = Process()
        server.executableURL = URL(fileURLWithPath: tmux)
        server.arguments = ["-D", "-S", socket, "-f", conf]
        server.environment = baseEnvironment
        let log = directory + "/tmux-server.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        server.standardInput = FileHandle.nullDevice
        server.standardOutput = FileHandle(forWritingAtPath: log)
        server.standardError = FileHandle(forWritingAtPath: log)
        try Self.withSignalsUnblocked { try server.run() }

        testCase.addTeardownBlock { [self] in self.tearDown() }

        let deadline = Date().addingTimeInterval(5)
        while !FileManager.default.fileExists(atPath: socket) {
            guard server.isRunning, Date() < deadline else {
                let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                throw Failure.serverDidNotStart(
                    server.isRunning ? "no socket after 5 s" : "exited: \(text)")
            }
            usleep(1_000)
        }
    }

    // MARK: - Starting the program

    /// Runs `executable arguments` in a new window of the given size, under the wrapper.
    func start(
        _ executable: String, _ arguments: [String] = [], environment: [String: String] = [:]
    ) throws {
        var command = [
            "new-session", "-d", "-s", "probe", "-x", String(width), "-y", String(height),
        ]
        for (key, value) in baseEnvironment.merging(environment, uniquingKeysWith: { $1 }).sorted(
            by: { $0.key < $1.key })
        {
            command += ["-e", "\(key)=\(value)"]
        }
        command += ["/bin/sh", directory + "/wrap.sh", directory, executable] + arguments
        try run(command)
    }

    /// The `cardguide` built next to this test bundle; the test fails (never skips) when missing.
    static func cardguideBinary(file: StaticString = #filePath, line: UInt = #line) throws -> String
    {
        try productPath(
            "cardguide", override: ProcessInfo.processInfo.environment["CARDGUIDE_BINARY"],
            file: file, line: line)
    }

    /// A program of this package built next to this test bundle; fails (never skips) when missing.
    static func productPath(
        _ name: String, override: String? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> String {
        let path = override ?? productsDirectory() + "/" + name
        guard FileManager.default.isExecutableFile(atPath: path) else {
            XCTFail("\(name) missing at \(path): run `swift build`", file: file, line: line)
            throw Failure.binaryMissing(path)
        }
        return path
    }

    /// The build products folder (.build/<triple>/<config>), where the test bundle itself is.
    static func productsDirectory() -> String {
        #if os(Linux)
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return (executable as NSString).deletingLastPathComponent
        #else
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent().path
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug").path
        #endif
    }

    // MARK: - Input

    /// tmux key names: "Enter", "Escape", "Up", "C-c", "KPEnter", "BSpace", "F1", "q" …
    func send(keys: String...) throws {
        try run(["send-keys", "-t", Self.target] + keys)
    }

    /// Literal text, typed as is (CJK included).
    func send(text: String) throws {
        try run(["send-keys", "-t", Self.target, "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", Self.target, "-x", String(width), "-y", String(height)])
        self.width = width
        self.height = height
    }

    // MARK: - Output

    /// The visible screen, one string per row, trailing spaces trimmed (wide glyphs once).
    func screen() throws -> [String] {
        let text = try run(["capture-pane", "-p", "-t", Self.target])
        var rows = text.components(separatedBy: "\n")
        if rows.last == "" { rows.removeLast() }
        return rows
    }

    func screenText() -> String {
        ((try? screen()) ?? []).joined(separator: "\n")
    }

    /// Polls the screen until `text` shows, or the timeout passes.
    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 10) -> Bool {
        waitUntil(timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen until `condition` holds for its text, or the timeout passes.
    @discardableResult
    func waitUntil(timeout: TimeInterval = 10, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if condition(screenText()) { return true }
            usleep(3_000)
        } while Date() < deadline
        return condition(screenText())
    }

    /// Like `waitFor`, but a test failure (with the screen and the app's log) on timeout.
    func expect(
        text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line
    ) {
        if !waitFor(text: text, timeout: timeout) {
            XCTFail(
                "\"\(text)\" did not appear within \(timeout) s.\n\(diagnostics())", file: file,
                line: line)
        }
    }

    /// Waits for the wrapper's APP-EXIT line; nil on timeout.
    func waitForExit(timeout: TimeInterval = 10) -> Exit? {
        var code: Int32?
        waitUntil(timeout: timeout) { text in
            guard let range = text.range(of: #"APP-EXIT=\d+"#, options: .regularExpression) else {
                return false
            }
            code = Int32(text[range].dropFirst("APP-EXIT=".count))
            return true
        }
        guard let code else { return nil }
        func read(_ name: String) -> String {
            ((try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)) ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return Exit(code: code, sttyBefore: read("stty-before"), sttyAfter: read("stty-after"))
    }

    /// Pane state from tmux (valid while the pane lives; the wrapper keeps it alive after
    /// the program ends): alternate_on, cursor_flag, keypad_flag, keypad_cursor_flag,
    /// mouse_any_flag, pane_pid …
    func paneValue(_ name: String) -> String {
        ((try? run(["display-message", "-p", "-t", Self.target, "#{\(name)}"])) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The program's pid (the wrapper shell's child), once it runs.
    func programPID(timeout: TimeInterval = 5) -> pid_t? {
        guard let shell = pid_t(paneValue("pane_pid")) else { return nil }
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            let children =
                (try? String(
                    contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
            if let first = children.split(separator: " ").first, let pid = pid_t(first) {
                return pid
            }
            usleep(2_000)
        } while Date() < deadline
        return nil
    }

    /// The app's log under XDG_STATE_HOME, if it wrote one.
    func appLog() -> String {
        (try? String(contentsOfFile: stateHome + "/cardguide/cardguide.log", encoding: .utf8)) ?? ""
    }

    func diagnostics() -> String {
        "screen (\(width)x\(height)):\n" + screenText() + "\n--- app log:\n" + appLog()
    }

    // MARK: - Teardown

    func tearDown() {
        guard !tornDown else { return }
        tornDown = true
        _ = try? run(["kill-server"], timeout: 2)
        let deadline = Date().addingTimeInterval(2)
        while server.isRunning && Date() < deadline { usleep(1_000) }
        if server.isRunning { kill(server.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(atPath: directory)
    }

    // MARK: - Plumbing

    /// Runs one tmux client command against the private server and returns its stdout.
    @discardableResult
    func run(_ arguments: [String], timeout: TimeInterval = 10) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmux)
        process.arguments = ["-S", socket] + arguments
        process.environment = baseEnvironment
        let output = Pipe()
        let errors = Pipe()
        // Closed here, not left to deinit: the tests poll the screen thousands of times, and
        // the leaked descriptors (over 8,000 in one run) crashed Foundation's Process.run.
        defer {
            for handle in [
                output.fileHandleForReading, output.fileHandleForWriting,
                errors.fileHandleForReading, errors.fileHandleForWriting,
            ] {
                try? handle.close()
            }
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        try Self.withSignalsUnblocked { try process.run() }
        // Poll rather than waitUntilExit (which sleeps in 50 ms steps). Output is read after
        // the exit: a screen capture is far below a pipe's 64 KiB buffer.
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline {
            usleep(500)
        }
        if process.isRunning {
            process.terminate()
            throw Failure.commandFailed(arguments, -1, "timed out")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let status = process.terminationStatus
        if status != 0 {
            let message = String(
                decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failure.commandFailed(arguments, status, message)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Threads of the test runner may block signals, and children inherit the mask: tmux
    /// then cannot reap panes or see resizes. Unblock them around each spawn.
    static func withSignalsUnblocked<T>(_ body: () throws -> T) rethrows -> T {
        var set = sigset_t()
        var previous = sigset_t()
        sigemptyset(&set)
        for signal in [
            SIGCHLD, SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2,
        ] {
            sigaddset(&set, signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &set, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// $1 = scratch folder, then the command. Signals are caught (not ignored) by the shell,
    /// so the program starts with default handlers and the shell survives Ctrl-C to report.
    static let wrapperScript = """
        dir=$1
        shift
        trap : INT QUIT TERM
        stty -g > "$dir/stty-before" 2>/dev/null
        "$@"
        code=$?
        stty -g > "$dir/stty-after" 2>/dev/null
        # On a line of its own: after a kill the cursor may sit anywhere, in raw mode.
        printf '\\r\\nAPP-EXIT=%s\\r\\n' "$code"
        exec sleep 600

        """
}
