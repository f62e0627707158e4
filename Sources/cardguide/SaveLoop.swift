import ArgumentParser
import CardGuideCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Test support, hidden from help: saves `count` successive session files and prints each
/// completed save's counter on its own line, unbuffered. The crash test kills it with SIGKILL
/// at random moments and checks that the file on disk always parses and is at least as new
/// as the last counter printed.
///
/// Save number n writes checklists whose `changed` dates are all `epoch + n` seconds and
/// whose tick count varies with n (so the file's size changes between saves). A restarted
/// loop continues after the counter it finds in the file.
struct SaveLoop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_save-loop",
        abstract: "Test support: save a session file repeatedly.",
        shouldDisplay: false
    )

    static let epoch: TimeInterval = 1_700_000_000

    @Option(name: .long) var session: String
    @Option(name: .long) var count: Int

    func run() throws {
        let (store, notices) = SessionStore.open(path: session)
        for notice in notices { printError(notice.message(.en)) }
        if store.isReadOnly { throw ExitCode(2) }
        let start =
            store.file.checklists.first.map { Int($0.changed.timeIntervalSince1970 - Self.epoch) }
            ?? 0
        guard count > 0 else { return }
        for counter in (start + 1)...(start + count) {
            if let notice = store.save(Self.file(counter)) {
                printError(notice.message(.en))
                throw ExitCode(1)
            }
            var line = Array("\(counter)\n".utf8)
            _ = write(1, &line, line.count)
        }
    }

    static func file(_ counter: Int) -> SessionFile {
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
}
