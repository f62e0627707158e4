import CardGuideCore
import CardGuideUI

/// The guide's effects wired to storage, the printer and libqrencode: each does its I/O and
/// returns what came of it as an action, which the run loop hands to `Update`.
struct GuideEffects {
    let session: SessionController
    let pack: ContentPack
    let desk: SheetDesk

    func handle(_ effect: Effect, _ state: AppState) -> Action? {
        switch effect {
        case .saveSession:
            let problem = session.save(
                language: state.language, bilingual: state.display.bilingual,
                checklists: state.checklists)
            return .saved(problem: problem, readOnly: session.isReadOnly)
        case .writeHandout(let methodID, let sheet):
            return .handoutWritten(
                methodID: methodID, desk.handOut(sheet: sheet, methodID: methodID))
        case .encodeCode(let address):
            return .codeEncoded(address: address, QREncoder.status(for: address))
        case .listProfiles:
            return .profilesListed(session.profiles())
        case .switchProfile(let name):
            do {
                return .profileSwitched(try session.switchTo(profile: name, pack: pack))
            } catch {
                return .profileNotSwitched(reason: "\(error)")
            }
        case .quit:
            return nil
        }
    }
}
