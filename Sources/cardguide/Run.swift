import ArgumentParser
import CardGuideCore
import CardGuideUI
import CursesBackend
import Foundation

/// The full-screen guide.
struct Run: ParsableCommand {
    // Every command names itself: otherwise ArgumentParser derives the name from the type's
    // name at each start, through the runtime's demangler (half a millisecond in all).
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Start the full-screen guide (the default).")

    @OptionGroup var content: ContentOptions
    @OptionGroup var sessionOptions: SessionOptions
    @Option(name: .long, help: "Language: zh or en (default: the saved choice, else zh).") var lang: Language?
    @Flag(name: .long, help: "Attributes only, no colour (also when NO_COLOR is set).") var mono = false
    @Flag(name: .long, help: "ASCII borders and bars (automatic when the locale is not UTF-8).") var ascii = false
    @Flag(name: .long, help: "No box art; the real cursor rests on the focused item, for screen readers.") var plain = false
    @Flag(name: .long, help: "Help-desk kiosk: resets for the next visitor after idling; q does not quit.") var kiosk = false
    @Option(name: .long, help: "Kiosk: seconds without a key before the reset countdown.") var idleSeconds: Int = 120
    @Flag(name: .long, help: "Play a demo until the first key.") var demo = false
    @Option(name: .long, help: "Demo: seconds between steps.") var demoStepSeconds: Double = 1.5
    @Option(name: .long, help: "Where 'p' writes printable hand-outs (default: the current folder).") var handoutDir: String?
    @Flag(name: .long, help: "Parse and check the content files even when the cache of the checked pack is up to date (also CARDGUIDE_NO_CACHE=1).") var noCache = false

    func validate() throws {
        if idleSeconds < 1 { throw ValidationError("--idle-seconds must be at least 1") }
        if demoStepSeconds <= 0 { throw ValidationError("--demo-step-seconds must be positive") }
    }

    func run() throws {
        guard CursesTerminal.hasTerminal() else {
            printError("cardguide: no terminal: the full-screen guide needs one (standard input and output must be a terminal).")
            printError("For text output use 'cardguide list' (the guide's contents) or 'cardguide export' (saved progress).")
            throw ExitCode(2)
        }
        let pack = try content.loadValidPack(cached: !noCache)
        let now = Date()
        let environment = ProcessEnvironment.variables()
        let session = try SessionController(path: sessionOptions.path(environment: environment), pack: pack, fresh: kiosk,
                                            environment: environment)

        var state = AppState(pack: pack, language: lang ?? session.file.language, size: Size(width: 80, height: 24),
                             checklists: session.file.checklists)
        state.readOnly = session.isReadOnly
        state.currentProfile = sessionOptions.profile
        if let first = session.notices.first { state.notice = Notice(session.notices.map { $0.message(state.language) }.joined(separator: " "),
                                                                     kind: first.isWarning ? .warning : .info) }
        state.helpDesk = HelpDeskState(kioskIdleSeconds: kiosk ? TimeInterval(idleSeconds) : nil,
                                       demoStepSeconds: demo ? demoStepSeconds : nil, now: now)
        state.helpDesk.defaultLanguage = lang ?? .zh
        Update.startDemo(&state, now: now)

        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let terminal = try CursesTerminal(options: CursesOptions(mono: mono || noColor, plain: plain,
                                                                  logPath: session.logPath))
        defer { terminal.shutdown() }
        state.display = DisplayOptions(ascii: ascii || !terminal.isUTF8, plain: plain)
        let handouts = HandoutWriter(directory: handoutDir ?? ProcessEnvironment.currentDirectory)

        let loop = RunLoop(backend: terminal, state: state) { effect, state in
            switch effect {
            case .saveSession:
                if let notice = session.save(language: state.language, checklists: state.checklists) {
                    state.notice = Notice(notice.message(state.language), kind: .warning)
                }
                state.readOnly = session.isReadOnly
            case .writeHandout(let methodID):
                guard let checklist = state.checklist(for: methodID) else { return }
                do {
                    let paths = try handouts.write(checklist, pack: pack, language: state.language)
                    state.notice = Notice(Strings(state.language).handoutWritten(paths.joined(separator: ", ")))
                } catch {
                    state.notice = Notice("\(error)", kind: .warning)
                }
            case .listProfiles:
                state.showProfiles(session.profiles(pack: pack, language: state.language))
            case .switchProfile(let name):
                do {
                    try session.switchTo(profile: name, pack: pack)
                    state.checklists = session.file.checklists.sorted { $0.changed > $1.changed }
                    state.currentProfile = name
                    state.readOnly = session.isReadOnly
                    let s = Strings(state.language)
                    state.notice = Notice(([s.profileSwitched(name ?? s.defaultProfile)] + session.notices.map { $0.message(state.language) })
                        .joined(separator: " "))
                } catch {
                    state.notice = Notice("\(error)", kind: .warning)
                }
            case .quit:
                break
            }
        }
        loop.run()
        terminal.shutdown()
        session.close()
    }
}
