import ArgumentParser
import CardGuideCore
import CardGuideUI
import CursesBackend

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How the full-screen guide is started: `run`'s options once parsed, or their defaults when
/// the program is started without arguments (see `CardGuideCommand.main`).
struct GuideSettings {
    static let defaultIdleSeconds = 120
    static let defaultDemoStepSeconds = 1.5

    var content: String? = nil
    var session: String? = nil
    var profile: String? = nil
    var lang: Language? = nil
    var mono = false
    var ascii = false
    var plain = false
    var kiosk = false
    var idleSeconds = defaultIdleSeconds
    var demo = false
    var demoStepSeconds = defaultDemoStepSeconds
    var handoutDir: String? = nil
    var printCommand: String? = nil
    var bilingual = false
    var noCache = false
    var staffExit: String? = nil
    var noMouse = false
}

/// The full-screen guide: content, session, terminal and the run loop.
enum Guide {
    static func run(_ settings: GuideSettings) throws {
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
            content: settings.content, cached: !settings.noCache)
        let now = Date()
        let environment = ProcessEnvironment.variables()
        let staffWord =
            settings.kiosk
            ? try StaffExit.word(option: settings.staffExit, environment: environment) : nil
        let path = try SessionOptions.path(
            session: settings.session, profile: settings.profile,
            kiosk: settings.kiosk, environment: environment)
        let session = try SessionController(
            path: path, pack: pack, fresh: settings.kiosk, environment: environment)

        var state = AppState(
            pack: pack, language: settings.lang ?? session.file.language,
            size: Size(width: 80, height: 24),
            checklists: session.file.checklists)
        state.readOnly = session.isReadOnly
        state.currentProfile = settings.profile
        let demoStep = settings.demo ? settings.demoStepSeconds : nil
        let kioskIdle = settings.kiosk ? TimeInterval(settings.idleSeconds) : nil
        state.helpDesk = HelpDeskState(
            kioskIdleSeconds: kioskIdle, demoStepSeconds: demoStep,
            now: now, staffExitWord: staffWord)
        state.helpDesk.defaultLanguage = settings.lang ?? .zh
        state.helpDesk.defaultBilingual = settings.bilingual
        Update.startDemo(&state, now: now)

        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(
                options: CursesOptions(
                    mono: settings.mono || noColor, plain: settings.plain, logPath: session.logPath,
                    keyboardSignals: !settings.kiosk, mouse: !settings.noMouse))
        } catch CursesError.cannotAddressCursor(let term) {
            session.close()
            throw lineModeOnly(term: term)
        }
        defer { terminal.shutdown() }
        // A terminal that is not UTF-8 gets ASCII art, and English: it cannot show Chinese.
        let utf8 = terminal.environmentIsUTF8
        // Both languages need Chinese on screen. A kiosk starts every visitor from the desk's
        // setting; elsewhere the saved choice counts.
        let bilingual = utf8 && (settings.bilingual || (!settings.kiosk && session.file.bilingual))
        state.display = DisplayOptions(
            ascii: settings.ascii || !utf8, plain: settings.plain, englishOnly: !utf8,
            bilingual: bilingual)
        if !utf8 { state.language = .en }
        Update.greet(&state, notices: session.notices)
        let handouts = HandoutWriter(
            directory: settings.handoutDir ?? ProcessEnvironment.currentDirectory)
        let desk = SheetDesk(
            writer: handouts,
            printer: settings.printCommand.map { PrintCommand(command: $0) })

        let effects = GuideEffects(session: session, pack: pack, desk: desk)
        let loop = RunLoop(backend: terminal, state: state, handle: effects.handle)
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
