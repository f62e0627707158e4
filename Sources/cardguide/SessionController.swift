import ArgumentParser
import CardGuideCore
import CardGuideStorage
import CardGuideUI

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The app's side of the session file: opens it, fits it to the content, and saves the
/// state's progress after every change.
final class SessionController {
    private var store: SessionStore
    private(set) var file: SessionFile
    private(set) var notices: [SessionNotice]
    /// Where a crash's message goes while the screen is up: beside the session file.
    let logPath: String
    private let environment: [String: String]

    init(path: String, pack: ContentPack, fresh: Bool, environment: [String: String]) throws {
        let (store, notices) = SessionStore.open(path: path)
        // A folder, FIFO or device given as the progress file: say so before the screen starts.
        let refused = notices.first { if case .notRegularFile = $0 { true } else { false } }
        if let refused {
            printError("cardguide: " + refused.message(.en))
            throw ExitCode(2)
        }
        self.store = store
        self.notices = notices
        self.environment = environment
        self.logPath = PathText.join(PathText.folder(of: path), "cardguide.log")
        self.file = store.file
        load(pack: pack, fresh: fresh)
    }

    private func load(pack: ContentPack, fresh: Bool) {
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

    /// The default file and every profile, with what each holds (read without locking).
    /// None when there is no home folder.
    func profiles() -> [ProfileListing] {
        let names: [String?] =
            [nil] + SessionPaths.listProfiles(environment: environment).map(Optional.some)
        return names.compactMap { name -> ProfileListing? in
            guard let path = try? SessionPaths.file(profile: name, environment: environment)
            else { return nil }
            switch SessionStore.read(path: path) {
            case .failure(let error):
                return ProfileListing(name: name, progress: .unreadable(reason: error.reason))
            case .success(let file):
                let checklists = file?.listed ?? []
                return ProfileListing(
                    name: name,
                    progress: .checklists(count: checklists.count, latest: checklists.first))
            }
        }
    }

    /// Closes this file (releasing its lock) and opens a profile's, or the default one.
    func switchTo(profile name: String?, pack: ContentPack) throws -> ProfileOpened {
        let path = try SessionPaths.file(profile: name, environment: environment)
        store.close()
        let (store, notices) = SessionStore.open(path: path)
        self.store = store
        self.notices = notices
        file = store.file
        load(pack: pack, fresh: false)
        return ProfileOpened(
            name: name, checklists: file.checklists, readOnly: isReadOnly, notices: self.notices)
    }

    /// Saves; a notice when the save did not happen (the old file is intact either way).
    func save(language: Language, bilingual: Bool, checklists: [Checklist]) -> SessionNotice? {
        file.language = language
        file.bilingual = bilingual
        file.checklists = checklists
        // Read-only too: the header says so, but a change the person makes is kept on screen
        // only, so each one says it was not saved (at quit it is gone).
        return store.save(file)
    }

    func close() { store.close() }
}
