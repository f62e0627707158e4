import CardGuideCore
import CardGuideUI

/// What `p` does at the desk: writes the visitor sheet of the method on screen, then, with
/// `--print-command`, hands the written file to it, and says on the status line, in the
/// visitor's language, what happened and where the file is.
struct SheetDesk {
    let writer: HandoutWriter
    let printer: PrintCommand?

    /// A sheet written is remembered in `lastHandout`: `p` again with nothing changed
    /// writes (and prints) nothing new.
    func handOut(methodID: String, state: inout AppState) {
        if let notice = write(methodID: methodID, state: &state) { state.notice = notice }
    }

    private func write(methodID: String, state: inout AppState) -> Notice? {
        let words = Strings(state.language)
        guard let card = state.pack.cards.first(where: { $0.method(methodID) != nil }),
            let sheet = VisitorSheet.render(
                cardID: card.id, methodID: methodID, pack: state.pack, language: state.language,
                bilingual: state.display.bilingual)
        else { return nil }
        let path: String
        do {
            path = try writer.write(sheet: sheet, methodID: methodID)
        } catch let error as HandoutWriter.WriteError {
            return Notice(
                words.sheetNotWritten(code: error.code, folder: writer.directory), kind: .warning)
        } catch {
            return Notice(words.sheetNotWritten(code: 0, folder: writer.directory), kind: .warning)
        }
        state.lastHandout = HandoutRecord(
            checklist: state.checklist(for: methodID), methodID: methodID, language: state.language,
            bilingual: state.display.bilingual, paths: [path])
        guard let printer else { return Notice(words.sheetSaved(path)) }
        switch printer.run(input: path) {
        case .printed:
            return Notice(words.sheetPrinted(path))
        case .failed(let status, let message):
            return Notice(
                words.printFailed(status: status, message: message, path: path), kind: .warning)
        case .killed(let signal, let timedOut):
            return Notice(
                words.printKilled(signal: signal, timedOut: timedOut, path: path), kind: .warning)
        case .notStarted(let code):
            return Notice(words.printNotStarted(code: code, path: path), kind: .warning)
        }
    }
}
