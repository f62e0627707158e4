import Foundation
import XCTest

@testable import CardGuideCore

final class ChecklistTests: XCTestCase {
    private static func l(_ text: String) -> Localized { Localized(zh: text, en: text) }
    private static func material(_ id: String) -> Material {
        Material(id: id, name: l(id), note: nil)
    }
    private static func step(_ id: String, bring: [String]) -> Step {
        Step(
            id: id, title: l(id), body: l(id), bring: bring.map(material), where: nil,
            duration: nil,
            sources: ["X"], varies: false, variesNote: nil)
    }

    private static let method = Method(
        id: "fr-vitale-post", name: l("Post"), summary: l("Post"), suits: l("All"),
        steps: [
            step("form", bring: ["passport", "birth"]),
            step("send", bring: ["rib"]),
            step("wait", bring: []),
        ])
    private var method: Method { Self.method }
    private let start = Date(timeIntervalSince1970: 1_735_689_600)
    private let later = Date(timeIntervalSince1970: 1_735_776_000)

    private func fresh() -> Checklist {
        Checklist(
            countryID: "fr", cardID: "fr-vitale", method: method, now: start,
            contentFingerprint: "abc123")
    }

    func testANewChecklistStartsAtTheFirstStep() {
        let checklist = fresh()
        XCTAssertEqual(checklist.key, "fr-vitale-post")
        XCTAssertEqual(checklist.currentStepID, "form")
        XCTAssertEqual(checklist.currentIndex(in: method), 0)
        XCTAssertEqual(
            method.steps.map { checklist.status(of: $0.id) },
            [.notStarted, .notStarted, .notStarted],
            "a step is in progress only once something in it is ticked")
        XCTAssertEqual(checklist.ticked, [])
        XCTAssertEqual(checklist.started, start)
        XCTAssertEqual(checklist.changed, start)
    }

    func testGoToMovesWithoutStartingTheStep() {
        var checklist = fresh()
        checklist.go(to: 2, in: method, now: later)
        XCTAssertEqual(checklist.currentStepID, "wait")
        XCTAssertEqual(checklist.currentIndex(in: method), 2)
        XCTAssertEqual(
            checklist.status(of: "wait"), .notStarted, "reading a step does not start it")
        XCTAssertEqual(
            checklist.status(of: "send"), .notStarted, "skipping past a step does not start it")
        XCTAssertEqual(checklist.changed, later)
        XCTAssertEqual(checklist.started, start)
    }

    func testGoToClamps() {
        var checklist = fresh()
        checklist.go(to: 99, in: method, now: later)
        XCTAssertEqual(checklist.currentStepID, "wait")
        checklist.go(to: -5, in: method, now: later)
        XCTAssertEqual(checklist.currentStepID, "form")
        checklist.go(to: Int.max, in: method, now: later)
        XCTAssertEqual(checklist.currentIndex(in: method), 2)
        checklist.go(to: Int.min, in: method, now: later)
        XCTAssertEqual(checklist.currentIndex(in: method), 0)
    }

    func testGoToKeepsADoneStepDone() {
        var checklist = fresh()
        checklist.toggleDone(step: "send", in: method, now: start)
        checklist.go(to: 1, in: method, now: later)
        XCTAssertEqual(checklist.status(of: "send"), .done)
        XCTAssertEqual(checklist.currentStepID, "send")
    }

    func testGoToInAMethodWithoutStepsChangesNothing() {
        var checklist = fresh()
        let empty = Method(
            id: "fr-vitale-post", name: Self.l("x"), summary: Self.l("x"), suits: Self.l("x"),
            steps: [])
        checklist.go(to: 1, in: empty, now: later)
        XCTAssertEqual(checklist, fresh())
    }

    func testCurrentIndexOfAStepThatNoLongerExistsIsTheFirst() {
        var checklist = fresh()
        checklist.currentStepID = "removed-in-a-content-update"
        XCTAssertEqual(checklist.currentIndex(in: method), 0)
    }

    func testTickingAMaterialMarksItsStepInProgress() {
        var checklist = fresh()
        checklist.toggle(material: "rib", in: method, now: later)
        XCTAssertEqual(checklist.ticked, ["rib"])
        XCTAssertEqual(checklist.status(of: "send"), .inProgress)
        XCTAssertEqual(checklist.status(of: "wait"), .notStarted)
        XCTAssertEqual(checklist.currentStepID, "form", "ticking does not move the reader")
        XCTAssertEqual(checklist.changed, later)
        // Unticking leaves the step started.
        checklist.toggle(material: "rib", in: method, now: later)
        XCTAssertEqual(checklist.ticked, [])
        XCTAssertEqual(checklist.status(of: "send"), .inProgress)
    }

    func testTickingAMaterialOfADoneStepKeepsItDone() {
        var checklist = fresh()
        checklist.toggleDone(step: "send", in: method, now: start)
        checklist.toggle(material: "rib", in: method, now: later)
        XCTAssertEqual(checklist.status(of: "send"), .done)
    }

    func testToggleDone() {
        var checklist = fresh()
        checklist.toggleDone(step: "wait", in: method, now: later)
        XCTAssertEqual(checklist.status(of: "wait"), .done, "a step not started can be marked done")
        XCTAssertEqual(checklist.changed, later)
        checklist.toggleDone(step: "wait", in: method, now: later)
        XCTAssertEqual(
            checklist.status(of: "wait"), .notStarted, "undone with nothing ticked: not started")
        checklist.toggle(material: "passport", in: method, now: later)
        checklist.toggleDone(step: "form", in: method, now: later)
        XCTAssertEqual(checklist.status(of: "form"), .done)
        checklist.toggleDone(step: "form", in: method, now: later)
        XCTAssertEqual(
            checklist.status(of: "form"), .inProgress, "undone with a tick in it: in progress")
        XCTAssertFalse(checklist.isFinished(in: method))
    }

    func testCountsAndPercent() {
        var checklist = fresh()
        XCTAssertEqual(checklist.doneCount(in: method), 0)
        XCTAssertEqual(checklist.tickedCount(in: method), 0)
        XCTAssertEqual(checklist.percentDone(in: method), 0)
        checklist.toggleDone(step: "form", in: method, now: later)
        checklist.toggle(material: "passport", in: method, now: later)
        checklist.toggle(material: "rib", in: method, now: later)
        // A tick of a material this method does not list is not counted.
        checklist.ticked.insert("gone-from-the-content")
        XCTAssertEqual(checklist.doneCount(in: method), 1)
        XCTAssertEqual(checklist.tickedCount(in: method), 2)
        XCTAssertEqual(method.materials.count, 3)
        XCTAssertEqual(checklist.percentDone(in: method), 33, "whole percent, rounded down")
        checklist.toggleDone(step: "send", in: method, now: later)
        XCTAssertEqual(checklist.percentDone(in: method), 66)
        checklist.toggleDone(step: "wait", in: method, now: later)
        XCTAssertEqual(checklist.percentDone(in: method), 100)
        let empty = Method(
            id: "x", name: Self.l("x"), summary: Self.l("x"), suits: Self.l("x"), steps: [])
        XCTAssertEqual(checklist.percentDone(in: empty), 0)
    }

    func testSessionCodingRoundTripKeepsTheJSONKeys() throws {
        var checklist = fresh()
        checklist.toggle(material: "rib", in: method, now: later)
        checklist.toggle(material: "birth", in: method, now: later)
        checklist.toggleDone(step: "form", in: method, now: later)
        checklist.go(to: 1, in: method, now: later)

        let bytes = SessionCoding.encode(checklist)
        // Read back with Foundation's own JSON reader: the file is plain JSON to any tool.
        let object = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        XCTAssertEqual(
            Set(object.keys),
            [
                "country", "card", "method", "currentStep", "steps", "ticked", "started", "changed",
                "contentFingerprint",
            ])
        XCTAssertEqual(object["country"] as? String, "fr")
        XCTAssertEqual(object["card"] as? String, "fr-vitale")
        XCTAssertEqual(object["method"] as? String, "fr-vitale-post")
        XCTAssertEqual(object["currentStep"] as? String, "send")
        XCTAssertEqual(object["ticked"] as? [String], ["birth", "rib"], "ticks are saved sorted")
        XCTAssertEqual(
            object["steps"] as? [String: String], ["form": "done", "send": "inProgress"])
        XCTAssertEqual(object["contentFingerprint"] as? String, "abc123")
        XCTAssertEqual(object["started"] as? String, "2025-01-01T00:00:00Z")

        let decoded = try SessionCoding.checklist(JSONParser.parse(bytes))
        XCTAssertEqual(decoded, checklist)
        // Encoding is stable: the same checklist gives the same bytes.
        XCTAssertEqual(SessionCoding.encode(decoded), bytes)
    }

    func testDecodingRejectsAMissingKeyAndAcceptsOffsets() throws {
        func read(_ json: String) throws -> Checklist {
            try SessionCoding.checklist(JSONParser.parse(json))
        }
        let missing =
            #"{"country":"fr","card":"fr-vitale","method":"m","currentStep":"s","steps":{},"ticked":[],"started":"2025-01-01T00:00:00Z","changed":"2025-01-01T00:00:00Z"}"#
        XCTAssertThrowsError(try read(missing)) { error in
            XCTAssertEqual(
                error as? SessionCoding.ShapeError,
                SessionCoding.ShapeError(reason: "contentFingerprint: missing"))
        }
        let complete =
            #"{"country":"fr","card":"fr-vitale","method":"m","currentStep":"s","steps":{"s":"done"},"ticked":["b","a"],"started":"2025-01-01T08:00:00+08:00","changed":"2025-01-01T00:00:00.250Z","contentFingerprint":"f","later":1}"#
        let decoded = try read(complete)
        XCTAssertEqual(decoded.ticked, ["a", "b"])
        XCTAssertEqual(decoded.status(of: "s"), .done)
        XCTAssertEqual(
            decoded.started, decoded.changed,
            "an offset and a fraction are read; the fraction is dropped")
        XCTAssertThrowsError(
            try read(complete.replacingOccurrences(of: "\"done\"", with: "\"finished\""))
        ) { error in
            XCTAssertEqual(
                error as? SessionCoding.ShapeError,
                SessionCoding.ShapeError(
                    reason: "steps.s: 'finished' is not one of notStarted, inProgress, done"))
        }
        XCTAssertThrowsError(
            try read(
                complete.replacingOccurrences(
                    of: "2025-01-01T08:00:00+08:00", with: "2025-02-30T08:00:00Z"))
        ) { error in
            XCTAssertEqual(
                error as? SessionCoding.ShapeError,
                SessionCoding.ShapeError(
                    reason: "started: '2025-02-30T08:00:00Z' is not an ISO 8601 moment"))
        }
    }
}
