import CardGuideCore
import CardGuideStorage
import CardGuideUI

/// What `p` does at the desk: writes the visitor sheet `Update` worded, then, with
/// `--print-command`, hands the written file to it. `Update` says what happened.
struct SheetDesk {
    let writer: HandoutWriter
    let printer: PrintCommand?

    func handOut(sheet: String, methodID: String) -> HandoutOutcome {
        let path: String
        do {
            path = try writer.write(sheet: sheet, methodID: methodID)
        } catch {
            let code = (error as? HandoutWriter.WriteError)?.code ?? 0
            return .notWritten(code: code, folder: writer.directory)
        }
        return .written(path: path, printing: printer?.run(input: path))
    }
}
