import CardGuideCore
import Foundation
import XCTest

@testable import CardGuideUI

/// A content pack the UI tests load from a folder of the repository, once per test run.
struct TestPack: Sendable {
    let directory: String
    let loaded: ContentLoadResult

    /// `path` is relative to the repository root, found from this file's path.
    init(_ path: String) {
        directory =
            URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(path, isDirectory: true).path
        loaded = ContentLoader.load(directory: directory)
    }

    /// The pack, or a test failure naming the pack's errors.
    func pack(file: StaticString = #filePath, line: UInt = #line) throws -> ContentPack {
        let pack = try XCTUnwrap(
            loaded.pack, "\(directory) does not load: \(loaded.issues)", file: file, line: line)
        XCTAssertTrue(
            loaded.isValid, "\(directory) has errors: \(loaded.errors)", file: file, line: line)
        return pack
    }
}

/// The shipped content pack, `Resources/content`: the product's real screens.
enum ShippedPack {
    static let shared = TestPack("Resources/content")

    static func pack(file: StaticString = #filePath, line: UInt = #line) throws -> ContentPack {
        try shared.pack(file: file, line: line)
    }

    /// Three checklists in progress: two in China, one in France, most recent first.
    static func inProgress(_ pack: ContentPack) throws -> [Checklist] {
        [
            try Progress.checklist(
                pack, card: "cn-card", method: "cn-card-family", at: 1, done: [0], ticked: 1,
                changed: 300),
            try Progress.checklist(
                pack, card: "fr-vitale", method: "fr-vitale-worker", at: 3, done: [0, 1, 2],
                ticked: 6, changed: 200),
            try Progress.checklist(
                pack, card: "cn-ecard", method: "cn-ecard-wechat", at: 0, changed: 100),
        ]
    }
}

/// A tiny pack made for the layout tests, `Tests/Fixtures/mini-pack`, so that editing the
/// shipped content does not move their snapshots: two countries; China's card has three
/// methods (a long step title, materials with notes, a step that varies), a fraud, a warning
/// and an info caution, FAQs with CJK punctuation and two comparisons (three and two
/// columns); France's card has two methods. Country-bound and general safety rules,
/// contacts of both kinds, Chinese and English throughout.
enum FixturePack {
    static let shared = TestPack("Tests/Fixtures/mini-pack")

    static func pack(file: StaticString = #filePath, line: UInt = #line) throws -> ContentPack {
        try shared.pack(file: file, line: line)
    }
}
