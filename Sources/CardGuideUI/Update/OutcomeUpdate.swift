import CardGuideCore

/// What effects brought back: the only place their outcome changes the state or is worded.
extension Update {
    /// The state change for an effect's outcome, or nil when `action` is not one. An outcome
    /// keeps the notice of the key that asked for it (a step marked done, then saved).
    static func outcome(_ action: Action, _ state: inout AppState) -> [Effect]? {
        switch action {
        case .saved(let problem, let readOnly):
            state.readOnly = readOnly
            if let problem {
                state.notice = Notice(problem.message(state.language), kind: .warning)
            }
        case .profilesListed(let listings):
            state.showProfiles(listings)
        case .profileSwitched(let opened):
            state.checklists = opened.checklists.sorted { $0.changed > $1.changed }
            state.currentProfile = opened.name
            state.readOnly = opened.readOnly
            clampAll(&state)
            let s = Strings(state.language)
            let said =
                [s.profileSwitched(opened.name ?? s.defaultProfile)]
                + opened.notices.map { $0.message(state.language) }
            state.notice = Notice(said.joined(separator: " "))
        case .profileNotSwitched(let reason):
            state.notice = Notice(reason, kind: .warning)
        case .handoutWritten(let methodID, let outcome):
            state.notice = handoutNotice(methodID: methodID, outcome, &state)
        case .codeEncoded(let address, let status):
            state.showCode(status, for: address)
        default:
            return nil
        }
        return []
    }

    /// The first screen says what opening the progress file found, after the reason for
    /// English when the terminal cannot show Chinese (`display.englishOnly`).
    public static func greet(_ state: inout AppState, notices: [SessionNotice]) {
        let locale = state.display.englishOnly ? [Strings(.en).localeNotice] : []
        let said = locale + notices.map { $0.message(state.language) }
        guard !said.isEmpty else { return }
        // A file migrated to the current format is news; anything else is a warning.
        let warning = notices.first.map { if case .migrated = $0 { false } else { true } } ?? false
        state.notice = Notice(said.joined(separator: " "), kind: warning ? .warning : .info)
    }

    /// The sheet written is remembered in `lastHandout`: `p` again with nothing changed
    /// writes (and prints) nothing new. The notice is in the visitor's language.
    private static func handoutNotice(
        methodID: String, _ outcome: HandoutOutcome, _ state: inout AppState
    ) -> Notice {
        let words = Strings(state.language)
        switch outcome {
        case .notWritten(let code, let folder):
            return Notice(words.sheetNotWritten(code: code, folder: folder), kind: .warning)
        case .written(let path, let printing):
            state.lastHandout = HandoutRecord(
                checklist: state.checklist(for: methodID), methodID: methodID,
                language: state.language, bilingual: state.display.bilingual, paths: [path])
            switch printing {
            case nil:
                return Notice(words.sheetSaved(path))
            case .printed:
                return Notice(words.sheetPrinted(path))
            case .failed(let status, let message):
                return Notice(
                    words.printFailed(status: status, message: message, path: path),
                    kind: .warning)
            case .killed(let signal, let timedOut):
                return Notice(
                    words.printKilled(signal: signal, timedOut: timedOut, path: path),
                    kind: .warning)
            case .notStarted(let code):
                return Notice(words.printNotStarted(code: code, path: path), kind: .warning)
            }
        }
    }
}
