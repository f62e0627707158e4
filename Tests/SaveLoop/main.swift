import CardGuideCore
import CardGuideStorage

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A test tool (not part of the product): `cardguide-save-loop --session PATH --count N` saves
/// N successive session files and prints each completed save's counter on its own line,
/// unbuffered. SessionCrashTests kill it with SIGKILL at random moments and check that the file
/// on disk always parses and is at least as new as the last counter printed.
///
/// Save number n writes checklists whose `changed` dates are all `epoch + n` seconds and whose
/// tick count varies with n (so the file's size changes between saves). A restarted loop
/// continues after the counter it finds in the file.
let epoch: TimeInterval = 1_700_000_000

func printError(_ message: String) {
    var bytes = Array((message + "\n").utf8)
    _ = write(2, &bytes, bytes.count)
}

func fail(_ message: String, status: Int32) -> Never {
    printError(message)
    exit(status)
}

func file(_ counter: Int) -> SessionFile {
    let date = Date(timeIntervalSince1970: epoch + TimeInterval(counter))
    let checklists = (0..<3).map { index in
        Checklist(
            countryID: "fr", cardID: "card\(index)", methodID: "m\(index)",
            currentStepID: "s\(counter % 7)",
            stepStatus: ["s\(counter % 7)": .inProgress],
            ticked: Set((0..<((counter + index * 13) % 40)).map { "material-\($0)" }),
            started: Date(timeIntervalSince1970: epoch), changed: date,
            contentFingerprint: "loop")
    }
    return SessionFile(
        language: counter % 2 == 0 ? .zh : .en, checklists: checklists,
        lastOpened: "m\(counter % 3)")
}

// As the program does at start (tested on the program itself in SignalRestoreTests): a save
// past the file size limit must fail as a write (EFBIG), not end the process.
signal(SIGPIPE, SIG_IGN)
signal(SIGXFSZ, SIG_IGN)
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 4, arguments[0] == "--session", arguments[2] == "--count",
    let count = Int(arguments[3])
else { fail("usage: cardguide-save-loop --session PATH --count N", status: 2) }
let (store, notices) = SessionStore.open(path: arguments[1])
for notice in notices { printError(notice.message(.en)) }
if store.isReadOnly { fail("the session is read-only", status: 2) }
let start =
    store.file.checklists.first.map { Int($0.changed.timeIntervalSince1970 - epoch) } ?? 0
if count > 0 {
    for counter in (start + 1)...(start + count) {
        if let notice = store.save(file(counter)) { fail(notice.message(.en), status: 1) }
        var line = Array("\(counter)\n".utf8)
        _ = write(1, &line, line.count)
    }
}
