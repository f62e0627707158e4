import CardGuideCore
import Foundation

/// The app's side of the session file: opens it, fits it to the content, and saves the
/// state's progress after every change.
final class SessionController {
    private let store: SessionStore
    private(set) var file: SessionFile
    private(set) var notices: [SessionNotice]
    /// Where a crash's message goes while the screen is up: beside the session file.
    let logPath: String

    init(path: String, pack: ContentPack, fresh: Bool) throws {
        let (store, notices) = SessionStore.open(path: path)
        self.store = store
        self.notices = notices
        self.logPath = (path as NSString).deletingLastPathComponent + "/cardguide.log"
        if fresh {
            // A kiosk keeps no visitor's data: whatever a previous run left is cleared.
            file = SessionFile(language: store.file.language)
            if !store.isReadOnly, let notice = store.save(file) { self.notices.append(notice) }
        } else {
            let (reconciled, report) = SessionReconciler.reconcile(store.file, with: pack)
            file = reconciled
            if !report.isEmpty { self.notices.append(.contentChanged(report)) }
        }
    }

    var isReadOnly: Bool { store.isReadOnly }

    /// Saves; a notice when the save did not happen (the old file is intact either way).
    func save(language: Language, checklists: [Checklist]) -> SessionNotice? {
        file.language = language
        file.checklists = checklists
        let notice = store.save(file)
        // A read-only session already says so on the status line: no notice at every change.
        if case .notSavedReadOnly = notice { return nil }
        return notice
    }

    func close() { store.close() }
}

extension SessionNotice {
    var isWarning: Bool {
        if case .migrated = self { return false }
        return true
    }
}
