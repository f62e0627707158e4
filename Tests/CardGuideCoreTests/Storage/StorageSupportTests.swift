import CardGuideCore
import Foundation
import XCTest

@testable import CardGuideStorage

/// Storage's small replacements for Foundation's TimeZone, ProcessInfo, FileManager and
/// NSString paths: checked against Foundation itself (tests may link it).
final class StorageSupportTests: XCTestCase {
    func testLocalOffsetAgreesWithFoundationsTimeZone() {
        for moment in stride(from: 0.0, to: 4_000_000_000.0, by: 86_400 * 97) {
            let date = Date(timeIntervalSince1970: moment)
            XCTAssertEqual(
                CivilTime.localOffset(date), TimeZone.current.secondsFromGMT(for: date), "\(moment)"
            )
        }
    }

    func testProcessEnvironmentAgreesWithProcessInfo() {
        XCTAssertEqual(ProcessEnvironment.variables(), ProcessInfo.processInfo.environment)
        XCTAssertEqual(
            ProcessEnvironment.currentDirectory, FileManager.default.currentDirectoryPath)
    }

    func testFolderNamesAgreeWithFileManager() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "names-\(getpid())"
        ).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["a.json", "密码.json", ".hidden", "with space"] {
            _ = FileManager.default.createFile(
                atPath: folder + "/" + name, contents: Data(name.utf8))
        }
        try FileManager.default.createDirectory(
            atPath: folder + "/sub", withIntermediateDirectories: true)
        XCTAssertEqual(
            PosixFile.names(in: folder)?.sorted(),
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted())
        XCTAssertNil(PosixFile.names(in: folder + "/a.json"), "a file is not a folder")
        XCTAssertNil(PosixFile.names(in: folder + "/missing"))
        XCTAssertEqual(try PosixFile.readAll(folder + "/密码.json").get(), Array("密码.json".utf8))
        XCTAssertEqual(try PosixFile.readAll(folder + "/missing").get(), nil)
    }

    func testPathText() {
        XCTAssertEqual(PathText.join("/tmp", "a.md"), "/tmp/a.md")
        XCTAssertEqual(PathText.join("/tmp/", "a.md"), "/tmp/a.md")
        XCTAssertEqual(PathText.join("", "a.md"), "a.md")
        XCTAssertEqual(PathText.join("/s", "profiles/", "x.json"), "/s/profiles/x.json")
        XCTAssertEqual(PathText.name(of: "/a/b.json"), "b.json")
        XCTAssertEqual(PathText.name(of: "b.json"), "b.json")
        XCTAssertEqual(
            PathText.folder(of: "/home/x/.local/state/cardguide/session.json"),
            "/home/x/.local/state/cardguide")
        XCTAssertEqual(PathText.folder(of: "session.json"), ".")
        XCTAssertEqual(PathText.folder(of: "/session.json"), "/")
        XCTAssertEqual(PathText.folder(of: "a/b/"), "a")
        for path in ["/a/b/c", "a/b", "rel", "/x", "/a//b"] {
            XCTAssertEqual(
                PathText.folder(of: path),
                (path as NSString).deletingLastPathComponent.isEmpty
                    ? "." : (path as NSString).deletingLastPathComponent, path)
        }
    }

    /// State, cache and config follow one rule: the XDG variable when it is absolute, else
    /// the default under HOME, else nothing.
    func testXDGFolders() {
        let home = ["HOME": "/home/v"]
        XCTAssertEqual(XDGFolder.state.folder(home), "/home/v/.local/state/cardguide")
        XCTAssertEqual(XDGFolder.cache.folder(home), "/home/v/.cache/cardguide")
        XCTAssertEqual(XDGFolder.config.folder(home), "/home/v/.config/cardguide")
        let set = home.merging([
            "XDG_STATE_HOME": "/s", "XDG_CACHE_HOME": "/c/", "XDG_CONFIG_HOME": "/k",
        ]) { $1 }
        XCTAssertEqual(
            [XDGFolder.state, .cache, .config].map { $0.folder(set) },
            ["/s/cardguide", "/c/cardguide", "/k/cardguide"])
        let relative = home.merging([
            "XDG_STATE_HOME": "s", "XDG_CACHE_HOME": "", "XDG_CONFIG_HOME": "./k",
        ]) { $1 }
        XCTAssertEqual(
            XDGFolder.cache.folder(relative), "/home/v/.cache/cardguide",
            "a relative value is ignored")
        XCTAssertEqual(XDGFolder.state.folder(relative), "/home/v/.local/state/cardguide")
        XCTAssertEqual(XDGFolder.config.folder(relative), "/home/v/.config/cardguide")
        XCTAssertNil(XDGFolder.state.folder(["HOME": "relative"]))
        XCTAssertNil(XDGFolder.config.folder([:]))
    }
}
