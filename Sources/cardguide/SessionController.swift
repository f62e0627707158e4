import ArgumentParser
import CardGuideCore
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
    func profiles(pack: ContentPack, language: Language) -> [ProfileSummary] {
        guard let directory = try? SessionPaths.stateDirectory(environment: environment) else {
            return []
        }
        let names: [String?] =
            [nil] + SessionPaths.listProfiles(stateDirectory: directory).map(Optional.some)
        return names.compactMap { name -> ProfileSummary? in
            guard
                let path = try? name.map({
                    try SessionPaths.profileFile($0, environment: environment)
                })
                    ?? SessionPaths.defaultFile(environment: environment)
            else { return nil }
            let read = SessionStore.read(path: path)
            // A profile that cannot be read (a FIFO, a folder, damage) says why in its row.
            if case .failure(let error) = read {
                return ProfileSummary(name: name, checklists: 0, latest: error.reason)
            }
            let checklists = ((try? read.get()) ?? nil)?.listed ?? []
            let latest = checklists.first.flatMap { checklist -> String? in
                guard let card = pack.card(checklist.cardID),
                    let method = card.method(checklist.methodID)
                else { return nil }
                let position = Strings(language).stepOf(
                    checklist.currentIndex(in: method) + 1, method.steps.count)
                return "\(card.name[language]) > \(method.name[language]) - \(position)"
            }
            return ProfileSummary(name: name, checklists: checklists.count, latest: latest)
        }
    }

    /// Closes this file (releasing its lock) and opens a profile's, or the default one.
    func switchTo(profile name: String?, pack: ContentPack) throws {
        let path =
            try name.map { try SessionPaths.profileFile($0, environment: environment) }
            ?? SessionPaths.defaultFile(environment: environment)
        store.close()
        let (store, notices) = SessionStore.open(path: path)
        self.store = store
        self.notices = notices
        file = store.file
        load(pack: pack, fresh: false)
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

extension SessionNotice {
    var isWarning: Bool {
        if case .migrated = self { return false }
        return true
    }
}
