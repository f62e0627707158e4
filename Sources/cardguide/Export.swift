import ArgumentParser
import CardGuideCore
import Foundation

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print your checklists for the record: ticked boxes, the current step, what is still missing, and the sources.",
        discussion: "Reads the session file without changing or locking it, so it works while the guide is open."
    )

    @OptionGroup var content: ContentOptions
    // The same two options as the guide's; kept here so this command stands on its own.
    @Option(name: .long, help: "The progress file to read (default: $XDG_STATE_HOME/cardguide/session.json).")
    var session: String?
    @Option(name: .long, help: "A help-desk profile's progress file (letters, digits, - and _).")
    var profile: String?
    @Option(name: .long, help: "Language: zh or en (default: the session's language).") var lang: Language?
    @Option(name: .long, help: "markdown or text (plain text wrapped at 78 columns).") var format: ChecklistExport.Format = .markdown
    @Flag(name: .long, help: "Add the safety rules at the end.") var safety = false

    func validate() throws {
        if session != nil && profile != nil { throw ValidationError("give --session or --profile, not both") }
        if let profile, !SessionPaths.isValidProfileName(profile) {
            throw ValidationError("profile names use only letters, digits, '-' and '_' (at most 64)")
        }
    }

    func run() throws {
        let pack = try content.loadValidPack()
        let path = try sessionPath()
        let file: SessionFile
        switch SessionStore.read(path: path) {
        case .success(nil):
            printError("cardguide: no progress saved yet at \(path). Start the guide and open a checklist first.")
            throw ExitCode(1)
        case let .failure(error):
            printError("cardguide: cannot read the progress file \(error.path): \(error.reason)")
            throw ExitCode(1)
        case let .success(found?):
            file = found
        }
        let language = lang ?? file.language
        // Progress made against other content: print what still matches, say what does not.
        let (reconciled, report) = SessionReconciler.reconcile(file, with: pack)
        if !report.isEmpty { printError(SessionNotice.contentChanged(report).message(language)) }
        print(ChecklistExport.render(reconciled.listed, pack: pack, language: language, format: format, safety: safety),
              terminator: "")
    }

    private func sessionPath() throws -> String {
        if let session { return session }
        let environment = ProcessInfo.processInfo.environment
        do {
            if let profile { return try SessionPaths.profileFile(profile, environment: environment) }
            return try SessionPaths.defaultFile(environment: environment)
        } catch {
            printError("cardguide: neither XDG_STATE_HOME nor HOME names an absolute folder; use --session PATH.")
            throw ExitCode(1)
        }
    }
}

extension ChecklistExport.Format: ExpressibleByArgument {}
