import CardGuideContent
import Foundation
import XCTest

@testable import CardGuideCore
@testable import CardGuideStorage

#if canImport(Glibc)
import Glibc
#endif

/// Shared fixtures of the core tests: the shipped pack, a small valid pack to break on
/// purpose, temporary folders and the built `cardguide` binary. Everything lives in one
/// namespace so that it cannot clash with the helpers of other test files in this module.
enum CoreFixture {
    /// The repository root, found from this file's path (Tests/CardGuideCoreTests/…).
    static let repositoryRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// The pack as it is in the repository (what the next build ships).
    static var repositoryContent: String { repositoryRoot + "/Resources/content" }

    /// The pack copied into the build (what the binary built beside the tests reads).
    static var bundledContent: String { BundledContent.directory }

    /// The repository pack, loaded once.
    static let shipped: ContentLoadResult = ContentLoader.load(directory: repositoryContent)

    static var shippedPack: ContentPack {
        guard let pack = shipped.pack else {
            fatalError("the shipped pack could not be read at all: \(shipped.issues)")
        }
        return pack
    }

    // MARK: Temporary folders

    /// A fresh folder under the temporary directory, removed when the value goes away.
    final class Folder {
        let path: String

        init() {
            path =
                NSTemporaryDirectory()
                + "cardguide-core-tests-\(getpid())-\(UUID().uuidString.prefix(8))"
            try! FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }

        func write(_ name: String, _ bytes: [UInt8]) {
            XCTAssertTrue(
                FileManager.default.createFile(atPath: path + "/" + name, contents: Data(bytes)),
                "cannot write \(name)")
        }

        func write(_ files: [String: [UInt8]]) {
            for (name, bytes) in files { write(name, bytes) }
        }
    }

    // MARK: The built binary

    /// The `cardguide` executable of the same build as this test bundle: the bundle
    /// (`.build/<triple>/debug/<Package>PackageTests.xctest`) sits beside it.
    /// An executable of the package beside the test bundle: the program, or a test tool.
    static func binary(_ name: String = "cardguide") -> String? {
        var folders: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        let testBundle = Bundle(for: BundleMarker.self).bundleURL
        folders += [
            testBundle.deletingLastPathComponent(), testBundle, Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        return folders.map { $0.appendingPathComponent(name).path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private final class BundleMarker {}

    struct RunResult {
        var status: Int32
        var out: String
        var err: String
    }

    /// One scratch cache folder for every run of the binary in this test process.
    static let cacheHome: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cardguide-test-cache-\(getpid())"
        ).path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Runs the binary to completion (killed after `timeout` seconds), with `environment`
    /// set over this process's. Fails the test and returns nil when the binary is missing or
    /// does not finish.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 60,
        file: StaticString = #filePath, line: UInt = #line
    ) -> RunResult? {
        guard let binary = binary() else {
            XCTFail(
                """
                the cardguide binary was not found beside the test bundle \
                (\(Bundle(for: BundleMarker.self).bundleURL.deletingLastPathComponent().path)); \
                build it with the same --scratch-path first: swift build --scratch-path …
                """, file: file, line: line)
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        // The content cache goes to a scratch folder, never the home of whoever runs the tests.
        process.environment = ProcessInfo.processInfo.environment
            .merging(["XDG_CACHE_HOME": cacheHome]) { $1 }.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            XCTFail("cannot start \(binary): \(error)", file: file, line: line)
            return nil
        }
        // Drain stderr on another thread so that neither pipe can fill up and stall the child.
        let errBox = DataBox()
        let errDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            errDone.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(2000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            XCTFail(
                "cardguide \(arguments.joined(separator: " ")) did not finish in \(Int(timeout)) s",
                file: file, line: line)
            return nil
        }
        return RunResult(
            status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
            err: String(decoding: errBox.data, as: UTF8.self))
    }

    private final class DataBox: @unchecked Sendable { var data = Data() }
}

/// A small pack that is valid as it stands (no errors, no warnings), written to be broken
/// one way at a time. Paths in it: `fr.json` holds one card, `cards[0]`, with two methods;
/// method 0 has two steps (materials `passport`, `photo`), method 1 one step.
enum MiniPack {
    static let shared = """
        {
          "schemaVersion": 1,
          "countries": [
            { "id": "fr", "name": { "zh": "法国", "en": "France" }, "summary": { "zh": "法国的医保卡", "en": "Health cards in France" } }
          ],
          "safety": [
            { "id": "S1", "title": { "zh": "密码只留给自己", "en": "Keep your PIN to yourself" },
              "body": { "zh": "谁来问都不说。", "en": "Never tell anyone, even staff." }, "sources": ["FR1"] }
          ]
        }
        """

    /// The steps of method 1, on their own so that a test can empty the list.
    static let onlineSteps = """
        [ { "id": "fr-vitale-online-order", "title": { "zh": "在网上订卡", "en": "Order online" },
                      "body": { "zh": "登录账户后订卡。", "en": "Log in and order the card." }, "sources": ["FR2"] } ]
        """

    static let card = """
        {
          "schemaVersion": 1,
          "country": "fr",
          "sources": [
            { "id": "FR1", "kind": "official", "title": { "zh": "医保官网", "en": "Assurance Maladie" }, "url": "https://www.ameli.fr/" },
            { "id": "FR2", "kind": "media", "title": { "zh": "公共服务网", "en": "Service-Public" }, "url": "https://www.service-public.fr/" }
          ],
          "cards": [
            {
              "id": "fr-vitale",
              "name": { "zh": "医保卡", "en": "Carte Vitale" },
              "summary": { "zh": "法国的医保卡", "en": "The French health card" },
              "issuer": { "zh": "当地的 CPAM", "en": "Your local CPAM" },
              "activation": { "zh": "不需要激活", "en": "No activation needed" },
              "methods": [
                {
                  "id": "fr-vitale-post",
                  "name": { "zh": "邮寄申请", "en": "Apply by post" },
                  "summary": { "zh": "寄出表格", "en": "Send the form" },
                  "suits": { "zh": "所有人", "en": "Everyone" },
                  "steps": [
                    {
                      "id": "fr-vitale-post-form",
                      "title": { "zh": "填表", "en": "Fill in the form" },
                      "body": { "zh": "填写 S1106 表。", "en": "Fill in form S1106." },
                      "bring": [ { "id": "passport", "name": { "zh": "护照", "en": "Passport" } } ],
                      "sources": ["FR1"]
                    },
                    {
                      "id": "fr-vitale-post-wait",
                      "title": { "zh": "等待", "en": "Wait" },
                      "body": { "zh": "等卡寄到。", "en": "Wait for the card." },
                      "bring": [ { "id": "photo", "name": { "zh": "照片", "en": "Photo" }, "note": { "zh": "证件照", "en": "An ID photo" } } ],
                      "sources": ["FR1", "FR2"],
                      "varies": true,
                      "variesNote": { "zh": "各地不同。", "en": "It differs by CPAM." }
                    }
                  ]
                },
                {
                  "id": "fr-vitale-online",
                  "name": { "zh": "网上申请", "en": "Apply online" },
                  "summary": { "zh": "在 ameli 账户里申请", "en": "Order it in your ameli account" },
                  "suits": { "zh": "有账户的人", "en": "People with an account" },
                  "steps": \(onlineSteps)
                }
              ],
              "cautions": [
                { "id": "fr-vitale-c-fee", "kind": "fraud", "title": { "zh": "办卡免费", "en": "The card is free" },
                  "body": { "zh": "要收费的都是诈骗。", "en": "Any fee request is a scam." }, "sources": ["FR1"] }
              ],
              "faq": [
                { "id": "fr-vitale-faq-time", "question": { "zh": "要等多久？", "en": "How long does it take?" },
                  "answer": { "zh": "大约两周。", "en": "About two weeks." }, "sources": ["FR2"],
                  "keywords": { "zh": ["多久"], "en": ["how long"] } }
              ],
              "comparisons": [
                { "id": "fr-vitale-cmp", "title": { "zh": "两种方式", "en": "Two ways" },
                  "methods": ["fr-vitale-post", "fr-vitale-online"],
                  "rows": [
                    { "label": { "zh": "适合谁", "en": "Who it suits" },
                      "cells": [ { "zh": "所有人", "en": "Everyone" }, { "zh": "有账户的人", "en": "Account holders" } ] }
                  ] }
              ]
            }
          ]
        }
        """

    /// The two files of the valid pack.
    static var files: [String: String] { ["shared.json": shared, "fr.json": card] }

    /// `text` with `old` replaced by `new`; fails the test unless `old` occurs exactly once,
    /// so that a broken pack is broken in the intended place.
    static func replacing(
        _ old: String, with new: String, in text: String,
        file: StaticString = #filePath, line: UInt = #line
    ) -> String {
        let count = text.components(separatedBy: old).count - 1
        XCTAssertEqual(
            count, 1, "the fixture should contain \(old) exactly once", file: file, line: line)
        return text.replacingOccurrences(of: old, with: new)
    }

    /// The valid pack with one edit in `fr.json`.
    static func card(
        replacing old: String, with new: String, file: StaticString = #filePath, line: UInt = #line
    ) -> [String: String] {
        [
            "shared.json": shared,
            "fr.json": replacing(old, with: new, in: card, file: file, line: line),
        ]
    }

    /// A second card file for the same country, with one card whose methods are `methods`.
    static func extraCardFile(cardID: String = "fr-extra", methods: String?) -> String {
        """
        {
          "schemaVersion": 1,
          "country": "fr",
          "cards": [
            { "id": "\(cardID)", "name": { "zh": "另一张卡", "en": "Another card" }, "summary": { "zh": "摘要", "en": "Summary" },
              "issuer": { "zh": "CPAM", "en": "The CPAM" }, "activation": { "zh": "不需要", "en": "None" }\(methods.map { ",\n      \"methods\": \($0)" } ?? "") }
          ]
        }
        """
    }

    static func bytes(_ files: [String: String]) -> [String: [UInt8]] {
        files.mapValues { Array($0.utf8) }
    }
}
