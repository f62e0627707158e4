import Foundation
import XCTest

@testable import CardGuideCore

final class SessionReconcilerTests: XCTestCase {
    let pack = SamplePack.pack

    func testMatchingProgressIsUntouched() {
        let file = SessionFile(
            language: .en, checklists: [SamplePack.onlineChecklist()], lastOpened: "online")
        let (result, report) = SessionReconciler.reconcile(file, with: pack)
        XCTAssertEqual(result, file)
        XCTAssertTrue(report.isEmpty)
    }

    func testChecklistsWhoseCardOrMethodIsGoneAreDroppedAndReported() {
        var goneCard = SamplePack.onlineChecklist()
        goneCard.cardID = "old-card"
        goneCard.methodID = "old-method"
        var goneMethod = SamplePack.onlineChecklist()
        goneMethod.methodID = "fax"
        let kept = Checklist(
            countryID: "fr", cardID: "vitale", method: SamplePack.post, now: SamplePack.day1,
            contentFingerprint: "pack-v2")
        let file = SessionFile(checklists: [goneCard, kept, goneMethod], lastOpened: "fax")
        let (result, report) = SessionReconciler.reconcile(file, with: pack)
        XCTAssertEqual(result.checklists, [kept])
        XCTAssertNil(result.lastOpened, "the last opened checklist is gone")
        XCTAssertEqual(Set(report.droppedChecklists.map(\.methodID)), ["old-method", "fax"])
        XCTAssertEqual(
            report.droppedChecklists.first { $0.methodID == "old-method" }?.cardID, "old-card")
        XCTAssertTrue(report.trimmed.isEmpty)
    }

    func testGoneStepsAndMaterialsAreDroppedTheRestKept() {
        var checklist = SamplePack.onlineChecklist()
        checklist.stepStatus["s0-merged"] = .done
        checklist.ticked.insert("residence-permit")
        checklist.ticked.insert("old-form")
        checklist.contentFingerprint = "pack-v1"
        let (result, report) = SessionReconciler.reconcile(
            SessionFile(checklists: [checklist]), with: pack)
        let after = result.checklists[0]
        XCTAssertEqual(after.ticked, ["passport", "rib"])
        XCTAssertEqual(after.stepStatus, ["s1": .done, "s2": .inProgress])
        XCTAssertEqual(after.currentStepID, "s2", "the current step still exists")
        XCTAssertEqual(after.contentFingerprint, "pack-v2", "now describes this content")
        XCTAssertEqual(after.changed, checklist.changed, "the person changed nothing")
        XCTAssertEqual(
            report.trimmed,
            [
                .init(
                    methodID: "online", steps: ["s0-merged"],
                    materials: ["old-form", "residence-permit"])
            ])
        XCTAssertEqual(report.droppedStepCount, 1)
        XCTAssertEqual(report.droppedMaterialCount, 2)
    }

    func testAMissingCurrentStepMovesToTheFirstStep() {
        var checklist = SamplePack.onlineChecklist()
        checklist.currentStepID = "s9"
        checklist.stepStatus = ["s9": .inProgress]
        let (result, report) = SessionReconciler.reconcile(
            SessionFile(checklists: [checklist]), with: pack)
        XCTAssertEqual(result.checklists[0].currentStepID, "s1")
        XCTAssertEqual(result.checklists[0].status(of: "s1"), .inProgress)
        XCTAssertEqual(report.trimmed.first?.movedFromStep, "s9")
        XCTAssertEqual(report.trimmed.first?.steps, ["s9"])
    }

    func testTwoChecklistsForOneMethodKeepTheNewer() {
        let older = SamplePack.onlineChecklist()
        var newer = older
        newer.changed = older.changed.addingTimeInterval(10)
        newer.ticked = ["photo"]
        let (result, report) = SessionReconciler.reconcile(
            SessionFile(checklists: [older, newer]), with: pack)
        XCTAssertEqual(result.checklists, [newer])
        XCTAssertEqual(report.droppedChecklists, [.init(cardID: "vitale", methodID: "online")])
    }

    func testTheNoticeSaysWhatWasDroppedInBothLanguages() {
        var checklist = SamplePack.onlineChecklist()
        checklist.ticked.insert("old-form")
        var gone = SamplePack.onlineChecklist()
        gone.methodID = "fax"
        let (_, report) = SessionReconciler.reconcile(
            SessionFile(checklists: [checklist, gone]), with: pack)
        let en = SessionNotice.contentChanged(report).message(.en)
        XCTAssertTrue(en.contains("Everything that still matches was kept"), en)
        XCTAssertTrue(en.contains("1 checklist(s) (vitale/fax)"), en)
        XCTAssertTrue(en.contains("1 ticked material(s) (old-form)"), en)
        let zh = SessionNotice.contentChanged(report).message(.zh)
        XCTAssertTrue(zh.contains("仍然对应的进度都已保留"), zh)
        XCTAssertTrue(zh.contains("1 份清单（vitale/fax）"), zh)
        XCTAssertTrue(zh.contains("1 个已勾选材料（old-form）"), zh)
    }
}
