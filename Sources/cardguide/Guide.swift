import ArgumentParser
import CardGuideCore
import CardGuideStorage
import CardGuideUI
import CursesBackend

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The full-screen guide: content, session, terminal and the run loop.
enum Guide {
    /// `given` is nil when the program was started without arguments: nothing was asked for,
    /// so no option is given and every flag is off (`CardGuideCommand.main` does not set up
    /// ArgumentParser only to learn that).
    static func run(_ given: Run?) throws {
        // Closures, not key paths: a key path is built at run time, even when unused.
        func flag(_ read: (Run) -> Bool) -> Bool { given.map(read) ?? false }
        func option<T>(_ read: (Run) -> T?) -> T? { given.flatMap(read) }
        let kiosk = flag { $0.kiosk }
        let language = option { $0.lang }
        let bilingualAsked = flag { $0.bilingual }
        guard CursesTerminal.hasTerminal() else {
            printError(
                "cardguide: no terminal: the full-screen guide needs one (standard input and output must be a terminal)."
            )
            printError(
                "For text output use 'cardguide list' (the guide's contents) or 'cardguide export' (saved progress)."
            )
            throw ExitCode(2)
        }
        let pack = try ContentOptions.loadValidPack(
            content: option { $0.content.content }, cached: !flag { $0.noCache })
        let now = Date()
        let environment = ProcessEnvironment.variables()
        let staffWord =
            kiosk
            ? try StaffExit.word(option: option { $0.staffExit }, environment: environment) : nil
        let path = try SessionOptions.path(
            session: option { $0.sessionOptions.session },
            profile: option { $0.sessionOptions.profile },
            kiosk: kiosk, environment: environment)
        let session = try SessionController(
            path: path, pack: pack, fresh: kiosk, environment: environment)

        var state = AppState(
            pack: pack, language: language ?? session.file.language,
            size: Size(width: 80, height: 24),
            checklists: session.file.checklists)
        state.readOnly = session.isReadOnly
        state.currentProfile = option { $0.sessionOptions.profile }
        let demoStep = given.flatMap { $0.demo ? $0.demoStepSeconds : nil }
        let kioskIdle = given.flatMap { $0.kiosk ? TimeInterval($0.idleSeconds) : nil }
        state.helpDesk = HelpDeskState(
            kiosk: kioskIdle.map { IdleClock(idle: $0, lastInput: now) },
            demoStepSeconds: demoStep, staffExitWord: staffWord)
        state.helpDesk.defaultLanguage = language ?? .zh
        state.helpDesk.defaultBilingual = bilingualAsked
        Update.startDemo(&state, now: now)

        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(
                options: CursesOptions(
                    mono: flag { $0.mono } || noColor, plain: flag { $0.plain },
                    logPath: session.logPath,
                    keyboardSignals: !kiosk, mouse: !flag { $0.noMouse }))
        } catch CursesError.cannotAddressCursor(let term) {
            session.close()
            throw lineModeOnly(term: term)
        }
        defer { terminal.shutdown() }
        // A terminal that is not UTF-8 gets ASCII art, and English: it cannot show Chinese.
        let utf8 = terminal.environmentIsUTF8
        // Both languages need Chinese on screen. A kiosk starts every visitor from the desk's
        // setting; elsewhere the saved choice counts.
        let bilingual = utf8 && (bilingualAsked || (!kiosk && session.file.bilingual))
        state.display = DisplayOptions(
            ascii: flag { $0.ascii } || !utf8, plain: flag { $0.plain }, englishOnly: !utf8,
            bilingual: bilingual)
        if !utf8 { state.language = .en }
        Update.greet(&state, notices: session.notices)
        let handouts = HandoutWriter(
            directory: option { $0.handoutDir } ?? ProcessEnvironment.currentDirectory)
        let desk = SheetDesk(
            writer: handouts,
            printer: option { $0.printCommand }.map { PrintCommand(command: $0) })

        let effects = GuideEffects(session: session, pack: pack, desk: desk)
        let loop = RunLoop(
            backend: terminal, state: state, clock: Date.init, handle: effects.handle)
        loop.run()
        terminal.shutdown()
        session.close()
    }

    /// TERM=dumb and other terminals that cannot place the cursor: what to use instead.
    private static func lineModeOnly(term: String) -> ExitCode {
        printError("cardguide: this terminal (TERM=\(term)) cannot move the cursor, so the")
        printError(
            "full-screen guide cannot run in it. Use the line mode instead: 'cardguide list'")
        printError("lists every method, and 'cardguide show METHOD' prints all its steps as plain")
        printError(
            "text (--lang en for English). In a full terminal, set TERM (e.g. xterm-256color).")
        return ExitCode(2)
    }
}
