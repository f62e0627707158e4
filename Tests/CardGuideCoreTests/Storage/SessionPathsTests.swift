import Foundation
import XCTest

@testable import CardGuideCore
@testable import CardGuideStorage

final class SessionPathsTests: XCTestCase {
    func testDefaultFollowsXDGStateHome() throws {
        XCTAssertEqual(
            try SessionPaths.defaultFile(environment: [
                "XDG_STATE_HOME": "/srv/state", "HOME": "/home/li",
            ]),
            "/srv/state/cardguide/session.json")
        XCTAssertEqual(
            try SessionPaths.defaultFile(environment: [
                "XDG_STATE_HOME": "/srv/state/", "HOME": "/home/li",
            ]),
            "/srv/state/cardguide/session.json")
    }

    func testFallsBackToHomeWhenXDGIsUnsetEmptyOrRelative() throws {
        for environment in [
            ["HOME": "/home/li"], ["XDG_STATE_HOME": "", "HOME": "/home/li"],
            ["XDG_STATE_HOME": "state", "HOME": "/home/li"],
        ] {
            XCTAssertEqual(
                try SessionPaths.defaultFile(environment: environment),
                "/home/li/.local/state/cardguide/session.json")
        }
    }

    func testNoHomeIsAnError() {
        XCTAssertThrowsError(try SessionPaths.defaultFile(environment: [:])) { error in
            XCTAssertEqual(error as? SessionPaths.PathError, .noHome)
        }
        XCTAssertThrowsError(try SessionPaths.defaultFile(environment: ["HOME": "relative"]))
    }

    func testProfileFileSitsBesideTheDefaultFile() throws {
        XCTAssertEqual(
            try SessionPaths.profileFile("case-17_b", environment: ["HOME": "/home/li"]),
            "/home/li/.local/state/cardguide/profiles/case-17_b.json")
        // The one choice the program, the switcher and the command line make.
        XCTAssertEqual(
            try SessionPaths.file(profile: "case-17_b", environment: ["HOME": "/home/li"]),
            "/home/li/.local/state/cardguide/profiles/case-17_b.json")
        XCTAssertEqual(
            try SessionPaths.file(profile: nil, environment: ["HOME": "/home/li"]),
            "/home/li/.local/state/cardguide/session.json")
        XCTAssertThrowsError(try SessionPaths.file(profile: "a/b", environment: ["HOME": "/h"]))
    }

    func testProfileNamesAreLimited() {
        for good in ["a", "Z", "visitor-3", "case_2025_01", String(repeating: "x", count: 64)] {
            XCTAssertTrue(SessionPaths.isValidProfileName(good), good)
        }
        for bad in [
            "", "../etc", "a/b", ".hidden", "a b", "名字", "x.json", "a\u{0}b",
            String(repeating: "x", count: 65), "é",
        ] {
            XCTAssertFalse(SessionPaths.isValidProfileName(bad), bad)
            XCTAssertThrowsError(try SessionPaths.profileFile(bad, environment: ["HOME": "/h"])) {
                error in
                XCTAssertEqual(error as? SessionPaths.PathError, .invalidProfileName(bad))
            }
        }
    }

    func testListProfilesShowsOnlyProfileFiles() throws {
        let folder = TemporaryFolder()
        XCTAssertEqual(
            SessionPaths.listProfiles(stateDirectory: folder.path), [], "no profiles folder yet")
        let profiles = folder.file("profiles")
        try FileManager.default.createDirectory(atPath: profiles, withIntermediateDirectories: true)
        for name in [
            "wang.json", "case-2.json", "case-2.json.lock", ".case-2.json.tmp-1-1", "notes.txt",
            "bad name.json", "case-2.json.corrupt-20250101T000000Z",
        ] {
            write("{}", to: profiles + "/" + name)
        }
        XCTAssertEqual(SessionPaths.listProfiles(stateDirectory: folder.path), ["case-2", "wang"])
        XCTAssertEqual(
            SessionPaths.listProfiles(environment: ["XDG_STATE_HOME": folder.path]), [],
            "that is <folder>/cardguide")
        try FileManager.default.createDirectory(
            atPath: folder.file("cardguide"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            atPath: profiles, toPath: folder.file("cardguide/profiles"))
        XCTAssertEqual(
            SessionPaths.listProfiles(environment: ["XDG_STATE_HOME": folder.path]),
            ["case-2", "wang"])
    }
}
