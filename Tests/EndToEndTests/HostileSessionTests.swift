import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Issue 13, points 3 to 6 and 9, through the real guide: session names that are not files,
/// a link planted as the log, a second guide on the same file, and input without end.
final class HostileSessionTests: XCTestCase {
    /// `--session` naming a folder renamed that folder (as root, `/etc`). Now: exit status 2,
    /// a clear message, the terminal as it was and the folder untouched.
    func testASessionPathThatIsAFolderExitsTwoAndTouchesNothing() throws {
        let tmux = try TmuxHarness(testCase: self, width: 100, height: 30)
        let folder = tmux.directory + "/records"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try "mine".write(toFile: folder + "/keep.txt", atomically: false, encoding: .utf8)
        let before = try FileManager.default.contentsOfDirectory(atPath: tmux.directory).sorted()
        try tmux.start(try TmuxHarness.cardguideBinary(), ["--session", folder])
        guard let exit = tmux.waitForExit() else {
            return XCTFail("no exit\n\(tmux.diagnostics())")
        }
        XCTAssertEqual(exit.code, 2, tmux.diagnostics())
        XCTAssertEqual(exit.sttyBefore, exit.sttyAfter)
        XCTAssertTrue(tmux.screenText().contains("is not a regular file"), tmux.diagnostics())
        XCTAssertEqual(try String(contentsOfFile: folder + "/keep.txt", encoding: .utf8), "mine")
        let after = try FileManager.default.contentsOfDirectory(atPath: tmux.directory).sorted()
        XCTAssertEqual(
            after.filter { !$0.hasPrefix("stty-") }, before.filter { !$0.hasPrefix("stty-") })
    }

    /// A FIFO as the session blocked before the first frame; a link to /dev/zero grew to
    /// gigabytes. Both end at once with status 2.
    func testAFIFOOrADeviceAsTheSessionExitsTwoAtOnce() throws {
        for make in ["fifo", "zero"] {
            let tmux = try TmuxHarness(testCase: self, width: 100, height: 30)
            let path = tmux.directory + "/" + make + ".json"
            if make == "fifo" {
                XCTAssertEqual(mkfifo(path, 0o600), 0)
            } else {
                try FileManager.default.createSymbolicLink(
                    atPath: path, withDestinationPath: "/dev/zero")
            }
            try tmux.start(try TmuxHarness.cardguideBinary(), ["--session", path])
            guard let exit = tmux.waitForExit() else {
                return XCTFail("\(make): no exit\n\(tmux.diagnostics())")
            }
            XCTAssertEqual(exit.code, 2, tmux.diagnostics())
            XCTAssertTrue(tmux.screenText().contains("is not a regular file"), tmux.diagnostics())
        }
    }

    /// The log was opened with O_CREAT, following links, and truncated past 1 MiB: a link
    /// planted as `cardguide.log` emptied the file it pointed to.
    func testALinkPlantedAsTheLogIsNotWrittenThrough() throws {
        var victim = ""
        let precious = Data(repeating: 0x41, count: 2 << 20)
        let app = try AppDriver(self, [], ready: ["选择国家"]) { state in
            victim = state + "/../victim.bin"
            try precious.write(to: URL(fileURLWithPath: victim))
            try FileManager.default.createDirectory(
                atPath: state + "/cardguide", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                atPath: state + "/cardguide/cardguide.log", withDestinationPath: victim)
        }
        try app.press("q", expect: ["APP-EXIT="])
        app.assertExit(code: 0)
        XCTAssertEqual(
            FileManager.default.contents(atPath: victim), precious,
            "written through the planted link")
    }

    /// A second guide on a file in use is read-only; it dropped the person's changes silently.
    /// It says so at each change now.
    func testASecondGuideSaysItsChangesAreNotSaved() throws {
        let first = try AppDriver(self, [], ready: ["选择国家"])
        let second = try AppDriver(self, [], sharing: first, ready: ["选择国家", "只读"])
        try Flow.openFranceVitaleWorker(second)
        try second.press("Enter", expect: ["步骤 2/10"])
        // The first tick starts the checklist (and its safety box); the second shows the notice.
        try Flow.start(second, expect: ["> [x] 护照或身份证"])
        try second.press("Down", "Space", expect: ["> [x] 个人情况证明"])
        XCTAssertTrue(second.joinedText().contains("只读：改动未保存到"), second.tmux.diagnostics())
        try second.press("q", expect: ["APP-EXIT="])
        try first.press("q", expect: ["APP-EXIT="])
    }

    /// Holding `p` wrote a pair of files per key; one sheet per checklist state now.
    func testHoldingPWritesOneHandout() throws {
        let handouts = NSTemporaryDirectory() + "cg-e2e-hold-p-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: handouts, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: handouts) }
        let app = try AppDriver(self, ["--handout-dir", handouts], ready: ["选择国家"])
        try Flow.openFranceVitaleWorker(app)
        try Flow.start(app, with: "d", expect: ["步骤 2/10"])
        try app.press("p", expect: ["须知单已保存："])
        try app.send(keys: Array(repeating: "p", count: 20))
        app.expect(["不再重复保存"])
        app.settled()
        let files = try FileManager.default.contentsOfDirectory(atPath: handouts)
        XCTAssertEqual(files.count, 1, "\(files)")
        try app.press("q", expect: ["APP-EXIT="])
    }

    /// A 200 KB paste into the search kept the CPU busy for minutes: each key re-ran a longer
    /// query. The query stops at its limit and the guide answers the next key.
    func testA200KBPasteIntoTheSearchIsCut() throws {
        let app = try AppDriver(self, [], ready: ["选择国家"])
        try app.press("/", expect: ["搜索"])
        let paste = app.tmux.directory + "/paste.txt"
        try String(repeating: "密码 PIN card ", count: 200_000 / 16).write(
            toFile: paste, atomically: false, encoding: .utf8)
        try app.tmux.run(["load-buffer", paste])
        try app.tmux.run(["paste-buffer", "-t", "probe:0.0"])
        app.expect(["搜索词最多 100 个字符"], timeout: 60)
        app.settled(timeout: 60)
        try app.press("Escape", "Escape", expect: ["选择国家"])
        try app.press("q", expect: ["APP-EXIT="])
        app.assertExit(code: 0)
    }
}

/// Issue 13, point 5 in the profile list: a FIFO among the profiles hung the list. Its row
/// says why it cannot be read, and the other profiles are listed.
final class HostileProfileTests: XCTestCase {
    func testAFIFOAmongTheProfilesIsListedWithItsProblem() throws {
        let app = try AppDriver(self, [], width: 100, height: 30, ready: ["选择国家"]) { state in
            let profiles = state + "/cardguide/profiles"
            try FileManager.default.createDirectory(
                atPath: profiles,
                withIntermediateDirectories: true)
            XCTAssertEqual(mkfifo(profiles + "/pipe.json", 0o600), 0)
            try "{}".write(toFile: profiles + "/desk.json", atomically: false, encoding: .utf8)
        }
        try app.press("P", expect: ["档案", "pipe", "read: not a regular file", "desk"])
        try app.press("Escape", "q", expect: ["APP-EXIT="])
        app.assertExit(code: 0)
    }
}
