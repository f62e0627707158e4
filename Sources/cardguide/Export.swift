import ArgumentParser
import CardGuideCore
import CardGuideStorage

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Print your checklists for the record: ticked boxes, the current step, what is still missing, and the sources.",
        discussion:
            "Reads the session file without changing or locking it, so it works while the guide is open."
    )

    @OptionGroup var content: ContentOptions
    @OptionGroup var sessionOptions: SessionOptions
    @Option(name: .long, help: "Language: zh or en (default: the session's language).") var lang:
        Language?
    @Option(name: .long, help: "markdown or text (plain text wrapped at 78 columns).") var format:
        ChecklistExport.Format = .markdown
    @Flag(name: .long, help: "Add the safety rules at the end.") var safety = false
    @Flag(
        name: .long,
        help: "Print the visitor sheet of one method instead (plain text, no progress).")
    var sheet = false
    @Option(name: .long, help: "With --sheet: the method (default: the most recent checklist).")
    var method: String?
    @Flag(name: .long, help: "With --sheet: each text in both languages.") var bilingual = false

    func run() throws {
        let pack = try content.loadValidPack()
        if sheet { return try printSheet(pack) }
        let path = try sessionOptions.path()
        let file: SessionFile
        switch SessionStore.read(path: path) {
        case .success(nil):
            printError(
                "cardguide: no progress saved yet at \(path). Start the guide and open a checklist first."
            )
            throw ExitCode(1)
        case .failure(let error):
            printError("cardguide: cannot read the progress file \(error.path): \(error.reason)")
            throw ExitCode(1)
        case .success(let found?):
            file = found
        }
        let language = lang ?? file.language
        // Progress made against other content: print what still matches, say what does not.
        let (reconciled, report) = SessionReconciler.reconcile(file, with: pack)
        if !report.isEmpty { printError(SessionNotice.contentChanged(report).message(language)) }
        print(
            ChecklistExport.render(
                reconciled.listed, pack: pack, language: language, format: format, safety: safety,
                utcOffset: CivilTime.localOffset),
            terminator: "")
    }
}

extension Export {
    /// The sheet `p` writes. It needs no saved progress when `--method` names the method.
    private func printSheet(_ pack: ContentPack) throws {
        let saved = try? SessionStore.read(path: sessionOptions.path()).get()
        guard let methodID = method ?? saved?.listed.first?.methodID else {
            printError(
                "cardguide: which method? Give --method ID ('cardguide list' shows them), "
                    + "or open a checklist first.")
            throw ExitCode(1)
        }
        guard let card = pack.cards.first(where: { $0.method(methodID) != nil }),
            let text = VisitorSheet.render(
                cardID: card.id, methodID: methodID, pack: pack,
                language: lang ?? saved?.language ?? .zh,
                bilingual: bilingual)
        else {
            printError(
                "cardguide: no method \(methodID) in the content pack "
                    + "('cardguide list' shows them).")
            throw ExitCode(1)
        }
        print(text, terminator: "")
    }
}

extension ChecklistExport.Format: ExpressibleByArgument {}
