import Foundation
import XCTest

@testable import CardGuideCore

final class SessionFileTests: XCTestCase {
    func testRoundTripKeepsEveryField() throws {
        let file = SessionFile(
            language: .en, checklists: [SamplePack.onlineChecklist()], lastOpened: "online")
        guard case .current(let decoded) = SessionDecoding.decode(SessionCoding.encode(file)) else {
            return XCTFail(
                "does not read back: \(SessionDecoding.decode(SessionCoding.encode(file)))")
        }
        XCTAssertEqual(decoded, file)
        XCTAssertEqual(decoded.schemaVersion, 1)
        XCTAssertEqual(decoded.checklists[0].ticked, ["passport", "rib"])
        XCTAssertEqual(decoded.checklists[0].status(of: "s1"), .done)
    }

    func testEncodingIsStableAndReadable() throws {
        let file = SessionFile(language: .zh, checklists: [SamplePack.onlineChecklist()])
        let text = String(decoding: SessionCoding.encode(file), as: UTF8.self)
        XCTAssertEqual(text, String(decoding: SessionCoding.encode(file), as: UTF8.self))
        XCTAssertTrue(text.contains("\"changed\" : \"2025-01-02T01:00:00Z\""), text)
        // Sorted keys: "checklists" before "language" before "schemaVersion".
        let c = text.range(of: "\"checklists\"")!.lowerBound
        let l = text.range(of: "\"language\"")!.lowerBound
        XCTAssertLessThan(c, l)
    }

    func testListedIsMostRecentFirst() {
        var a = SamplePack.onlineChecklist()
        var b = Checklist(
            countryID: "fr", cardID: "vitale", method: SamplePack.post, now: SamplePack.day1,
            contentFingerprint: "x")
        b.changed = SamplePack.day2.addingTimeInterval(60)
        a.changed = SamplePack.day2
        let file = SessionFile(checklists: [a, b])
        XCTAssertEqual(file.listed.map(\.methodID), ["post", "online"])
    }

    func testUpsertReplacesTheChecklistOfTheSameMethod() {
        var file = SessionFile()
        var checklist = SamplePack.onlineChecklist()
        file.upsert(checklist)
        checklist.ticked = []
        file.upsert(checklist)
        XCTAssertEqual(file.checklists.count, 1)
        XCTAssertEqual(file.checklist(for: "online")?.ticked, [])
        file.lastOpened = "online"
        file.remove(methodID: "online")
        XCTAssertTrue(file.checklists.isEmpty)
        XCTAssertNil(file.lastOpened)
    }

    // MARK: Versions

    func testVersionZeroWithoutSchemaVersionIsMigrated() throws {
        let checklist = String(
            decoding: SessionCoding.encode(SamplePack.onlineChecklist()), as: UTF8.self)
        let v0 = "{\"checklists\": [\(checklist)]}"
        guard case .migrated(let file, let from) = SessionDecoding.decode(Array(v0.utf8)) else {
            return XCTFail("not migrated: \(SessionDecoding.decode(Array(v0.utf8)))")
        }
        XCTAssertEqual(from, 0)
        XCTAssertEqual(file.schemaVersion, 1)
        XCTAssertEqual(file.language, .zh, "version 0 files without a language were Chinese")
        XCTAssertEqual(file.checklists, [SamplePack.onlineChecklist()])
        XCTAssertNil(file.lastOpened)

        let withLanguage = "{\"language\": \"en\", \"checklists\": []}"
        guard case .migrated(let english, _) = SessionDecoding.decode(Array(withLanguage.utf8))
        else { return XCTFail() }
        XCTAssertEqual(english.language, .en)
    }

    func testNewerVersionIsRecognisedEvenWhenItsShapeIsUnknown() {
        guard
            case .newer(let file, let version) = SessionDecoding.decode(
                Array("{\"schemaVersion\": 7, \"whatever\": true}".utf8))
        else {
            return XCTFail()
        }
        XCTAssertEqual(version, 7)
        XCTAssertNil(file)
        guard
            case .newer(let readable?, 2) = SessionDecoding.decode(
                Array("{\"schemaVersion\": 2, \"language\": \"en\", \"checklists\": []}".utf8))
        else {
            return XCTFail()
        }
        XCTAssertEqual(readable.language, .en)
    }

    func testCorruptionIsDescribedPrecisely() {
        func reason(_ text: String) -> String {
            if case .corrupt(let reason) = SessionDecoding.decode(Array(text.utf8)) {
                return reason
            }
            return "not corrupt"
        }
        XCTAssertEqual(
            reason("{\"schemaVersion\": 1,\n  \"language\": \"zh\",,}"),
            "not valid JSON: line 2, column 20: expected a quoted key")
        XCTAssertEqual(reason(""), "not valid JSON: line 1, column 1: unexpected end of file")
        XCTAssertEqual(reason("[1]"), "not a JSON object")
        XCTAssertEqual(reason("{\"schemaVersion\": 1.5}"), "schemaVersion is not a whole number")
        XCTAssertEqual(
            reason("{\"schemaVersion\": 1, \"language\": \"zh\"}"), "checklists: missing")
        XCTAssertEqual(
            reason("{\"schemaVersion\": 1, \"language\": \"fr\", \"checklists\": []}"),
            "language: 'fr' is not one of zh, en")
        XCTAssertEqual(
            reason(
                "{\"schemaVersion\": 1, \"language\": \"zh\", \"checklists\": [{\"country\": 3}]}"),
            "checklists[0].country: expected a string, found a number")
        XCTAssertEqual(
            reason(
                "{\"schemaVersion\": 1, \"language\": \"zh\", \"checklists\": [{\"country\": \"fr\"}]}"
            ),
            "checklists[0].card: missing")
    }

    // MARK: Privacy

    /// The file may only ever hold these field names: progress, never personal data. A new
    /// field must be added here on purpose, after asking whether it could identify someone.
    func testEncodedKeysAreExactlyTheProgressFields() throws {
        var checklist = SamplePack.onlineChecklist()
        checklist.stepStatus["s3"] = .notStarted
        let file = SessionFile(language: .en, checklists: [checklist], lastOpened: "online")
        let root = try JSONParser.parse(SessionCoding.encode(file))
        var keys = Set<String>()
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members):
                for (key, child) in members {
                    keys.insert(key)
                    // The values under "steps" are keyed by step ID: data, not field names.
                    if key == "steps", case .object(let statuses) = child {
                        for (_, status) in statuses { collect(status) }
                    } else {
                        collect(child)
                    }
                }
            case .array(let items):
                items.forEach(collect)
            default:
                break
            }
        }
        collect(root)
        XCTAssertEqual(
            keys,
            [
                "schemaVersion", "language", "checklists", "country", "card", "method",
                "currentStep",
                "steps", "ticked", "started", "changed", "contentFingerprint", "lastOpened",
            ])
    }
}
